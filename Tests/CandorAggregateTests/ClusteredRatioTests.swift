import Testing

@testable import CandorAggregate
@testable import CandorClean

/// The Likert index's interval clustered by respondent (`ClusteredRatio`), against R survey's
/// `svyratio` reimplemented in numpy and statsmodels' WLS with HC1 errors:
/// `python3 Tests/CandorAggregateTests/Reference/clustered.py` prints every expected value.
@Suite struct ClusteredRatioTests {
    /// Per respondent: favourable answers, answers, weight (the script's hand table).
    static let table: [(y: Double, m: Double, w: Double)] = [
        (2, 3, 1.0), (0, 2, 2.0), (3, 3, 0.5), (1, 2, 1.5), (1, 1, 1.0), (2, 3, 3.0),
    ]

    /// The sums one pass keeps, with every weight `weight(w)`.
    static func sums(weight: (Double) -> Double) -> ClusteredRatio {
        var ratio = ClusteredRatio(
            respondents: 0, numerator: 0, denominator: 0, numeratorSquares: 0, crossProducts: 0, denominatorSquares: 0)
        for row in table {
            let w = weight(row.w)
            ratio.respondents += 1
            ratio.numerator += w * row.y
            ratio.denominator += w * row.m
            ratio.numeratorSquares += w * w * row.y * row.y
            ratio.crossProducts += w * w * row.y * row.m
            ratio.denominatorSquares += w * w * row.m * row.m
        }
        return ratio
    }

    @Test func unweightedMatchesSvyratio() throws {
        // hand unweighted: p 0.6428571428571429 se 0.13598637754251167 ci (0.3763287404857536, 0.9093855452285322)
        let ratio = Self.sums { _ in 1 }
        expectClose(ratio.ratio, 0.6428571428571429)
        expectClose(ratio.standardError, 0.13598637754251167)
        let interval = try #require(ratio.interval())
        expectClose(interval.low, 0.3763287404857536)
        expectClose(interval.high, 0.9093855452285322)
        #expect(interval.method == .clustered)
    }

    @Test func weightedMatchesSvyratio() throws {
        // hand weighted: p 0.5581395348837209 se 0.13197474880735344 ci (0.29947378035258776, 0.8168052894148541)
        let ratio = Self.sums { $0 }
        expectClose(ratio.ratio, 0.5581395348837209)
        expectClose(ratio.standardError, 0.13197474880735344)
        let interval = try #require(ratio.interval())
        expectClose(interval.low, 0.29947378035258776)
        expectClose(interval.high, 0.8168052894148541)
    }

    @Test func oneRespondentHasNoInterval() {
        let one = ClusteredRatio(
            respondents: 1, numerator: 2, denominator: 3, numeratorSquares: 4, crossProducts: 6, denominatorSquares: 9)
        #expect(one.standardError == nil)
        #expect(one.interval() == nil)
        #expect(one.ratio == 2.0 / 3)
    }

    @Test func theIntervalIsClampedToZeroAndOne() throws {
        // Every answer favourable but one: p̂ near 1, and p̂ + 1.96·SE beyond it.
        var ratio = ClusteredRatio(
            respondents: 0, numerator: 0, denominator: 0, numeratorSquares: 0, crossProducts: 0, denominatorSquares: 0)
        for (y, m) in [(3.0, 3.0), (3, 3), (2, 3)] {
            ratio.respondents += 1
            ratio.numerator += y
            ratio.denominator += m
            ratio.numeratorSquares += y * y
            ratio.crossProducts += y * m
            ratio.denominatorSquares += m * m
        }
        let interval = try #require(ratio.interval())
        #expect(interval.high == 1)
        #expect(interval.low < 8.0 / 9)
    }

    /// The weighted table through the aggregator: three items on agree5, y answers of 5 and
    /// m − y answers of 1 per respondent.
    @Test func theAggregatorsWeightedIndexMatchesSvyratio() throws {
        let weight = FieldSpec(name: "w", source: ColumnSource(header: "w"), kind: .number(min: 0, max: 10))
        let schema = SurveySchema(
            fields: [likertField("q1"), likertField("q2"), likertField("q3"), weight], weightField: 3)
        // The weight field's value is not read: the batch carries the weights.
        let rows: [[Int64?]] = Self.table.map { row in
            (0..<3).map { item in item < Int(row.y) ? 5 : (item < Int(row.m) ? 1 : nil) } + [nil]
        }
        let plan = AggregationPlan(
            schema: schema,
            metrics: [MetricSpec(id: "i", label: "I", kind: .likert(items: [0, 1, 2], blockName: "b"))],
            privacy: PrivacyRules(minGroupSize: 1))
        let aggregator = aggregate(plan, rows, weights: Self.table.map(\.w))
        let result = try #require(aggregator.results(labels: { _ in [] }).first)
        // hand weighted: p 0.5581395348837209 se 0.13197474880735344 ci (0.29947378035258776, 0.8168052894148541)
        expectClose(result.overall.value, 0.5581395348837209)
        expectClose(result.overall.interval?.low, 0.29947378035258776)
        expectClose(result.overall.interval?.high, 0.8168052894148541)
        #expect(result.overall.interval?.method == .clustered)
        #expect(result.overall.n == 6)
        expectClose(result.overall.answers, 1 * 3 + 2 * 2 + 0.5 * 3 + 1.5 * 2 + 1 * 1 + 3 * 3)
    }
}
