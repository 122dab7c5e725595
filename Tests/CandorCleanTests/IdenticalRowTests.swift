import CandorCore
import Testing

@testable import CandorClean

/// Records identical in every field to an earlier one: counted always, rejected under
/// `dedupe: {by: all_fields}`.
struct IdenticalRowTests {
    /// `name` (text) and `score` (integer 0–10), no id.
    static func schema(rejecting: Bool) -> SurveySchema {
        var schema = SurveySchema(fields: [field("name", .text), field("score", .integer(min: 0, max: 10))])
        schema.rejectsIdenticalRows = rejecting
        return schema
    }

    // Rows 3 and 5 repeat row 2; row 4 differs in one field; "a,bc" and "ab,c" are different rows.
    static let csv = "name,score\nAnn,7\nAnn,7\nAnn,8\nAnn,7\na,1\nab,1\n"

    @Test func repeatsAreCountedWithoutADedupeRule() throws {
        let run = try CleanHarness.run(Self.schema(rejecting: false), Self.csv)
        #expect(run.accounting.identicalRows == 2)
        #expect(run.rejections.isEmpty)
        #expect(run.accounting.accepted == 6)
    }

    @Test func allFieldsRejectsTheRepeatsWithTheirOwnReason() throws {
        let run = try CleanHarness.run(Self.schema(rejecting: true), Self.csv)
        let path = run.paths[0]
        #expect(run.accounting.identicalRows == 2)
        #expect(run.rejections.map(\.reason) == [.duplicateRow, .duplicateRow])
        #expect(run.rejections.map(\.provenance.line) == [3, 5])
        #expect(
            run.messages == [
                "\(path):3: identical in every field to an earlier record",
                "\(path):5: identical in every field to an earlier record",
            ])
        #expect(run.column(1) == [7, 8, 1, 1])
        #expect(run.accounting.read == 6 && run.accounting.balances)
        #expect(run.accounting.rejectedByReason == [.duplicateRow: 2])
    }

    @Test func aRepeatOfARejectedRowIsRejectedForTheSameReasonAndCounted() throws {
        let run = try CleanHarness.run(Self.schema(rejecting: true), "name,score\nBo,11\nBo,11\nBo,5\n")
        #expect(run.rejections.map(\.reason) == [.invalidValue, .invalidValue])
        #expect(run.accounting.identicalRows == 1)
        #expect(run.column(1) == [5])
    }

    @Test func rowsAcrossInputsAreCompared() throws {
        let run = try CleanHarness.run(
            Self.schema(rejecting: true), ["name,score\nAnn,7\n", "name,score\nAnn,7\nBo,2\n"])
        #expect(run.accounting.identicalRows == 1)
        #expect(run.rejections.map(\.reason) == [.duplicateRow])
        #expect(run.column(1) == [7, 2])
    }
}
