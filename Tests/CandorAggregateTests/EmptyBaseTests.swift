import Testing

@testable import CandorAggregate
@testable import CandorClean

/// A metric nobody answered has no figure, and says so: an empty base is not a privacy
/// suppression (it reveals nothing about anyone), while a base of 1 to 4 is.
@Suite struct EmptyBaseTests {
    static let schema = SurveySchema(fields: [categoryField("team", ["A", "B"])])
    static let plan = AggregationPlan(
        schema: schema,
        metrics: [
            MetricSpec(
                id: "a", label: "Team A",
                kind: .share(where: .oneOf(field: 0, values: [0]), among: nil, definition: "team = A"))
        ])

    @Test func noRespondentsIsNoFigureNotASuppression() throws {
        let result = try #require(aggregate(Self.plan, []).results(labels: testLabels(Self.schema)).first)
        #expect(result.overall.n == 0)
        #expect(result.overall.value == nil)
        #expect(!result.overall.suppressed)
    }

    @Test func fewRespondentsAreSuppressed() throws {
        let result = try #require(aggregate(Self.plan, [[0], [1], [0]]).results(labels: testLabels(Self.schema)).first)
        #expect(result.overall.suppressed)
        #expect(result.overall.suppressionReason == "below_threshold")
        #expect(result.overall.value == nil)
    }
}
