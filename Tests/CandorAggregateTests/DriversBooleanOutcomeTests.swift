import Testing

@testable import CandorAggregate
@testable import CandorClean

/// A `drivers` metric whose outcome is a yes/no field: Pearson's r with the outcome stored as
/// 1 = yes, 0 = no, which is the point-biserial correlation.
struct DriversBooleanOutcomeTests {
    /// Fields: 0–1 q1, q2 (agree5), 2 left (boolean, stored 1 = yes, 0 = no by the cleaner).
    static let schema = SurveySchema(fields: [
        likertField("q1"), likertField("q2"),
        FieldSpec(name: "left", source: ColumnSource(header: "left"), kind: .boolean(.standard)),
    ])

    // q1, q2, left. The 13th respondent has no outcome (not counted); the 14th has no q2.
    static let rows: [[Int64?]] = [
        [2, 3, 1], [4, 4, 0], [5, 2, 0], [1, 3, 1], [4, 5, 0], [3, 2, 1], [5, 3, 0], [4, 4, 0], [2, 4, 1],
        [3, 2, 0], [4, 3, 0], [1, 3, 1], [5, 1, M], [2, M, 1],
    ]

    static let metric = MetricSpec(id: "quit", label: "Quit", kind: .drivers(outcome: .field(2), items: [0, 1]))

    @Test func eachItemsRIsThePointBiserialCorrelation() throws {
        let plan = AggregationPlan(schema: Self.schema, metrics: [Self.metric], privacy: PrivacyRules(minGroupSize: 5))
        let results = aggregate(plan, Self.rows).results(labels: testLabels(Self.schema))
        let result = try #require(results.first)
        guard case .drivers(let outcome, let items, let isBinaryOutcome) = result.detail else {
            Issue.record("not a drivers detail")
            return
        }
        #expect(outcome == "left" && isBinaryOutcome)
        #expect(result.overall.n == 13)
        // python3 -c "from scipy.stats import pointbiserialr; print(pointbiserialr([1,0,0,1,0,1,0,0,1,0,0,1,1],
        //   [2,4,5,1,4,3,5,4,2,3,4,1,2])); print(pointbiserialr([1,0,0,1,0,1,0,0,1,0,0,1],[3,4,2,3,5,2,3,4,4,2,3,3]))"
        // -> statistic=-0.8670396473517791, pvalue=0.00012435758212210179   (q1, n 13)
        //    statistic=-0.15694120514358617, pvalue=0.6261834422444925      (q2, n 12)   (scipy 1.17.1)
        // Ranked by r, highest first: q2's −0.16 before q1's −0.87.
        #expect(items.map(\.item) == ["q2", "q1"])
        #expect(items.map(\.n) == [12, 13])
        expectClose(items[1].r, -0.8670396473517791)
        expectClose(items[1].pValue, 0.00012435758212210179, relative: 1e-6)
        expectClose(items[0].r, -0.15694120514358617)
        expectClose(items[0].pValue, 0.6261834422444925, relative: 1e-6)
        #expect(items.map(\.significant) == [false, true])
    }
}
