import Testing

@testable import CandorAggregate
@testable import CandorClean

/// A reverse-coded item in the aggregate stage, weighted (the per-response path) and as a
/// segment: values are stored as the cleaner stores them, 6 − the answer on a 1–5 scale.
@Suite struct ReverseCodedItemTests {
    /// Field 0: q, reverse-coded agree5; field 1: the weight.
    static let schema = SurveySchema(
        fields: [
            FieldSpec(name: "q", source: ColumnSource(header: "q"), kind: .likert(agree5, reverse: true)),
            FieldSpec(name: "w", source: ColumnSource(header: "w"), kind: .number(min: 0, max: 10)),
        ],
        weightField: 1)
    /// Answers 5, 4, 1, 5 with weights 2, 1, 0.5, 1, stored reversed: 1, 2, 5, 1.
    static let rows: [[Int64?]] = [[1, nil], [2, nil], [5, nil], [1, nil]]
    static let weights = [2.0, 1, 0.5, 1]

    static func result() throws -> MetricResult {
        let plan = AggregationPlan(
            schema: schema, metrics: [MetricSpec(id: "q", label: "Q", kind: .likert(items: [0], blockName: nil))],
            segments: [0], privacy: PrivacyRules(minGroupSize: 1))
        return try #require(aggregate(plan, rows, weights: weights).results(labels: { _ in [] }).first)
    }

    @Test func weightedDistributionIsOfTheAnswersGiven() throws {
        guard case .likert(let items, _) = try Self.result().detail, let item = items.first else {
            Issue.record("not a likert detail")
            return
        }
        #expect(item.reversed)
        // By hand: answered 1 weighs 0.5, answered 4 weighs 1, answered 5 weighs 2 + 1.
        #expect(item.distribution.map(\.count) == [0.5, 0, 0, 1, 3])
        #expect(item.distribution.map(\.label).last == "Strongly agree")
        // Favourable scores 4–5 reversed, so answers 1–2: 0.5 of 4.5; unfavourable 4 of 4.5.
        expectClose(item.favourable.value, 0.5 / 4.5)
        expectClose(item.unfavourable.value, 4 / 4.5)
        // Mean of the reversed points: (2·1 + 1·2 + 0.5·5 + 1·1) / 4.5.
        expectClose(item.mean, 7.5 / 4.5)
    }

    @Test func segmentGroupsAreLabelledByTheAnswerGiven() throws {
        let rows = try #require(Self.result().segments.first?.rows)
        #expect(rows.map(\.labels) == [["Strongly agree"], ["Agree"], ["Strongly disagree"]])
        #expect(rows.map(\.figure.n) == [2, 1, 1])
    }
}
