import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Merging the states of two halves of an input gives exactly the state of the whole.
@Suite struct MergeTests {
    /// SplitMix64, so the random survey is the same on every run.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    /// 40 random responses on the hand survey's schema, about one value in ten unanswered.
    static let rows: [[Int64?]] = {
        var generator = SeededGenerator(state: 2026)
        func value(_ range: ClosedRange<Int64>) -> Int64? {
            Int64.random(in: 0...9, using: &generator) == 0 ? nil : Int64.random(in: range, using: &generator)
        }
        return (0..<40).map { _ in
            [
                value(0...2), value(1...5), value(1...5), value(1...5), value(1...15), value(0...10), value(0...1),
                value(0...3),
            ]
        }
    }()

    static let plan = AggregationPlan(
        schema: HandSurvey.schema, metrics: HandSurvey.metrics, segments: [0, 6, 7],
        segmentPairs: [
            AggregationPlan.SegmentPair(first: 0, second: 6), AggregationPlan.SegmentPair(first: 7, second: 0),
        ],
        privacy: PrivacyRules(minGroupSize: 3))

    @Test(arguments: 0...40)
    func mergingTwoHalvesGivesTheWhole(split: Int) {
        let whole = aggregate(Self.plan, Self.rows)
        var merged = aggregate(Self.plan, Array(Self.rows[..<split]))
        merged.merge(aggregate(Self.plan, Array(Self.rows[split...])))
        #expect(merged == whole)
        let labels = testLabels(HandSurvey.schema)
        #expect(merged.results(labels: labels) == whole.results(labels: labels))
    }

    @Test func addingBatchByBatchGivesTheWhole() {
        var incremental = Aggregator(plan: Self.plan)
        for start in stride(from: 0, to: Self.rows.count, by: 7) {
            incremental.add(makeBatch(Array(Self.rows[start..<min(start + 7, Self.rows.count)])))
        }
        #expect(incremental == aggregate(Self.plan, Self.rows))
        #expect(incremental.responseCount == 40)
    }

    @Test func theRandomSurveyIsNotTrivial() {
        // Guards the property test against a generator that makes every half look alike.
        let results = aggregate(Self.plan, Self.rows).results(labels: testLabels(HandSurvey.schema))
        #expect(results.allSatisfy { $0.overall.n > 20 })
        #expect(results[0].segments.count == 5)
        #expect(results[0].segments[0].rows.count == 3)
    }

    @Test func anAggregatorOfAnotherPlanIsNotMerged() {
        var aggregator = aggregate(Self.plan, Self.rows)
        let before = aggregator
        aggregator.merge(aggregate(HandSurvey.plan, Self.rows))
        #expect(aggregator == before)
    }
}
