import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Weighted shares: weighted counts, intervals from the Kish effective n, threshold on raw counts.
@Suite struct AggregatorWeightTests {
    /// 0 hit (boolean), 1 weight (number).
    static let schema = SurveySchema(
        fields: [
            FieldSpec(name: "hit", source: ColumnSource(header: "hit"), kind: .boolean(.standard)),
            FieldSpec(name: "weight", source: ColumnSource(header: "weight"), kind: .number(min: 0, max: 100)),
        ],
        weightField: 1)
    static let plan = AggregationPlan(
        schema: schema,
        metrics: [
            MetricSpec(
                id: "hit", label: "Hit",
                kind: .share(where: .oneOf(field: 0, values: [1]), among: nil, definition: "hit"))
        ])

    static func figure(hits: [Int64], weights: [Double]) -> Figure {
        aggregate(plan, hits.map { [$0, 0] }, weights: weights).results(labels: { _ in [] })[0].overall
    }

    @Test func weightedShareUsesKishEffectiveN() {
        // Σw = 10, weighted hits 1 + 1 + 3 = 5, Σw² = 1 + 4 + 1 + 9 + 1 + 4 = 20, n_eff = 10²/20 = 5.
        // proportion_confint(2.5, 5, method='wilson') = (0.1704235806435877, 0.8295764193564124)
        let figure = Self.figure(hits: [1, 0, 1, 1, 0, 0], weights: [1, 2, 1, 3, 1, 2])
        #expect(figure.n == 6)
        #expect(figure.count == 5)
        expectClose(figure.value, 0.5)
        expectClose(figure.effectiveN, 5)
        expectClose(figure.interval?.low, 0.1704235806435877)
        expectClose(figure.interval?.high, 0.8295764193564124)
        #expect(figure.unreliable)
    }

    @Test func oneHeavyWeightShrinksTheEffectiveNButNotTheRawCount() {
        // Σw = 15, hits 1 + 1 + 10 = 12 (0.8), Σw² = 105, n_eff = 225/105 = 2.142857142857143.
        // ne=225/105; proportion_confint(0.8*ne, ne, method='wilson') = (0.23353460875107912, 0.9813127177512643)
        let figure = Self.figure(hits: [1, 1, 0, 0, 0, 1], weights: [1, 1, 1, 1, 1, 10])
        #expect(!figure.suppressed)  // 6 raw respondents reach the threshold of 5
        #expect(figure.n == 6)
        expectClose(figure.value, 0.8)
        expectClose(figure.effectiveN, 2.142857142857143)
        expectClose(figure.interval?.low, 0.23353460875107912)
        expectClose(figure.interval?.high, 0.9813127177512643)
    }
}
