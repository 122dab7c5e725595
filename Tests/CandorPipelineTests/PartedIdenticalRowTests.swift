import CandorPipeline
import Foundation
import Testing

/// Identical rows in an input read in two parts: the count and, under `all_fields`, the
/// rejections are the ones a sequential run gives.
@Suite("Identical rows in runs reading an input in two parts")
struct PartedIdenticalRowTests {
    /// `PartedRunTests`'s definition with the id dedupe rule replaced.
    static func definition(dedupe: String) -> String {
        PartedRunTests.definition(inputs: ["in.csv"]).replacingOccurrences(
            of: "dedupe: {by: id, keep: first}", with: dedupe)
    }

    /// Row 120 repeats row 100 (both in the first half); row 520 repeats row 10 (across the
    /// halves). The cells are what `Export.survey` writes for rows 100 and 10.
    static let export = PartedRunTests.Export.survey(rows: 600) { index, cells in
        if index == 120 { cells = ["R100", "D0", "M26", "1", "1", "1"] }
        if index == 520 { cells = ["R10", "D2", "M10", "1", "1", "10"] }
    }

    static func identicalRows(_ run: PartedRunTests.Run) throws -> Int? {
        let data = try #require(run.files["parts.json"]?.data(using: .utf8))
        let report = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let accounting = report?["accounting"] as? [String: Any]
        return (accounting?["data_quality"] as? [String: Any])?["identical_rows"] as? Int
    }

    @Test func theCountIsExactWithoutADedupeRule() throws {
        let (parted, sequential) = try PartedRunTests.runBothWays(
            ["in.csv": Self.export.text], definition: Self.definition(dedupe: ""))
        #expect(parted.status == .success, "\(parted.message ?? "")")
        #expect(parted.log.contains { $0.contains("read in two parts") }, "\(parted.log)")
        #expect(parted.files == sequential.files)
        #expect(try Self.identicalRows(parted) == 2)
    }

    @Test func allFieldsRejectsRepeatsInEitherHalfAsASequentialRunDoes() throws {
        let (parted, sequential) = try PartedRunTests.runBothWays(
            ["in.csv": Self.export.text], definition: Self.definition(dedupe: "dedupe: {by: all_fields}"))
        #expect(parted.status == .success, "\(parted.message ?? "")")
        #expect(parted.log.contains { $0.contains("reading the second half again") }, "\(parted.log)")
        #expect(parted.files == sequential.files)
        #expect(try Self.identicalRows(parted) == 2)
        let rows = PartedRunTests.rejectRows(parted).filter { $0.contains("identical in every field") }
        #expect(rows.count == 2)
        #expect(rows.contains { $0.hasPrefix("in.csv,\(Self.export.lines[120]),121,") })
        #expect(rows.contains { $0.hasPrefix("in.csv,\(Self.export.lines[520]),521,") })
    }
}
