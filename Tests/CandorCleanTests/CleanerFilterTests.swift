import CandorCore
import Testing

@testable import CandorClean

/// `id`, `finished` (boolean), `score` 0–10; filter "finished": finished = true.
private func schema(scorePolicy: InvalidPolicy = .reject) -> SurveySchema {
    SurveySchema(
        fields: [
            field("id", .id), field("finished", .boolean(.standard)),
            field("score", .integer(min: 0, max: 10), onInvalid: scorePolicy),
        ],
        dedupe: .init(field: 0, keep: .first),
        filters: [.init(name: "finished", predicate: .oneOf(field: 1, values: [1]))])
}

@Test("filters exclude with the filter's name, never reject; a definite exclusion wins over an invalid value")
func filterExcludes() throws {
    let csv = """
        id,finished,score
        A,1,5
        B,0,5
        C,0,eleven
        D,,5
        E,1,eleven
        F,,eleven

        """
    let run = try CleanHarness.run(schema(), csv)
    let path = run.paths[0]
    // A accepted. B and C fail the filter definitely (C's invalid score does not matter).
    // D's filter field is unanswered: excluded. E and F are rejected for the score (F's filter
    // result is unknown, which does not outrank the invalid value).
    #expect(run.column(0) == [0])
    #expect(run.column(2) == [5])
    #expect(run.accounting.excludedByFilter == ["finished": 3])
    #expect(run.accounting.rejectedByReason == [.invalidValue: 2])
    #expect(
        run.messages == [
            "\(path):6: column 3 (score): 'eleven' is not a whole number",
            "\(path):7: column 3 (score): 'eleven' is not a whole number",
        ])
    #expect(run.accounting.read == 6)
    #expect(run.accounting.accepted == 1)
    #expect(run.accounting.balances)
    #expect(run.accounting.perInput[path] == .init(read: 6, accepted: 1, rejected: 2, excluded: 3))
    // An excluded response's blanks are not data-quality figures of the accepted ones.
    #expect(run.accounting.blanks.isEmpty)
}

@Test("a response a filter excludes does not stop the run under on_invalid: fail")
func filterBeforeFail() throws {
    let run = try CleanHarness.run(schema(scorePolicy: .fail), "id,finished,score\nA,0,eleven\nB,1,4\n")
    #expect(run.accounting.excludedByFilter == ["finished": 1])
    #expect(run.column(2) == [4])
}

@Test("filters apply in order; the first that fails names the exclusion")
func filterOrder() throws {
    var schema = schema()
    schema.filters.append(.init(name: "low_score", predicate: .compare(field: 2, comparison: .atLeast, value: 3)))
    let run = try CleanHarness.run(schema, "id,finished,score\nA,0,1\nB,1,1\nC,1,3\nD,0,9\n")
    #expect(run.accounting.excludedByFilter == ["finished": 2, "low_score": 1])
    #expect(run.column(2) == [3])
    #expect(run.accounting.balances)
}

private let scale = LikertScale(
    name: "agree5", labels: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"])

@Test("straight-lining: flagged when every item of a block has the same answer, among those who answered all")
func straightLining() throws {
    let schema = SurveySchema(
        fields: [
            field("q1", .likert(scale, reverse: false)), field("q2", .likert(scale, reverse: false)),
            field("q3", .likert(scale, reverse: false)),
            field("q4", .likert(scale, reverse: false)),
        ],
        blocks: [.init(name: "all3", fields: [0, 1, 2]), .init(name: "pair", fields: [2, 3])])
    let csv = """
        q1,q2,q3,q4
        5,Strongly agree,5,1
        5,4,5,5
        3,3,,3
        1,1,1,1
        Agree,agree,4,

        """
    let run = try CleanHarness.run(schema, csv)
    // all3: rows 1, 2, 4, 5 answered all; 1, 4 and 5 the same throughout.
    // pair (q3, q4): rows 1, 2, 4 answered both; 2 and 4 the same.
    #expect(run.accounting.straightLining["all3"]?.flagged == 3)
    #expect(run.accounting.straightLining["all3"]?.answeredAll == 4)
    #expect(run.accounting.straightLining["pair"]?.flagged == 2)
    #expect(run.accounting.straightLining["pair"]?.answeredAll == 3)
}

/// Issue 20: a one-item block used to get a straight-lining row with every respondent who
/// answered "flagged" (here both of the 2).
@Test("a single-item block has no straight-lining row")
func straightLiningSingleItem() throws {
    let schema = SurveySchema(
        fields: [field("q1", .likert(scale, reverse: false)), field("q2", .likert(scale, reverse: false))],
        blocks: [.init(name: "one", fields: [0]), .init(name: "two", fields: [0, 1])])
    let run = try CleanHarness.run(schema, "q1,q2\n5,5\n4,2\n")
    #expect(run.accounting.straightLining["one"] == nil)
    #expect(run.accounting.straightLining["two"]?.flagged == 1)
    #expect(run.accounting.straightLining["two"]?.answeredAll == 2)
}

@Test("straight-lining compares the answers given, before reverse coding")
func straightLiningReverse() throws {
    let schema = SurveySchema(
        fields: [field("q1", .likert(scale, reverse: false)), field("q2", .likert(scale, reverse: true))],
        blocks: [.init(name: "b", fields: [0, 1])])
    // Rows 1 and 2 give the same answer twice (stored 5, 1 and 4, 2): straight-lined. Row 3
    // answers 5 and 1 (stored 5 and 5): different answers.
    let run = try CleanHarness.run(schema, "q1,q2\n5,5\n4,4\n5,1\n")
    #expect(run.column(1) == [1, 2, 5])
    #expect(run.accounting.straightLining["b"]?.flagged == 2)
    #expect(run.accounting.straightLining["b"]?.answeredAll == 3)
}
