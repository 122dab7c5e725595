import CandorCore
import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Every accumulator kind written to bytes and read back equals itself, so a shard's partial
/// carries its aggregates exactly (`candor merge`), and broken bytes are an error, not a crash.
@Suite struct StateRoundTripTests {
    /// The hand survey's metrics (share, multiselect, likert, nps, engagement index, variance
    /// share, drivers) and a mean, broken down by dept and left and a dept × manager pair.
    static let plan = AggregationPlan(
        schema: HandSurvey.schema,
        metrics: HandSurvey.metrics + [MetricSpec(id: "mean", label: "Mean", kind: .mean(field: 5))],
        segments: [0, 6], segmentPairs: [AggregationPlan.SegmentPair(first: 0, second: 7)],
        privacy: PrivacyRules(minGroupSize: 3))

    static func roundTrip(_ aggregator: Aggregator) throws -> Aggregator {
        var writer = StateWriter()
        aggregator.encodeState(into: &writer)
        var reader = StateReader(writer.bytes)
        let decoded = try Aggregator(plan: aggregator.plan, decoding: &reader)
        #expect(reader.isAtEnd)
        return decoded
    }

    @Test(arguments: [false, true])
    func everyKindComesBackEqual(weighted: Bool) throws {
        let rows = MergeTests.rows
        // Weights other than 1 widen the variance share's compact groups and start its Σw pages.
        let weights = weighted ? rows.indices.map { 0.5 + Double($0 % 4) * 0.75 } : nil
        let aggregator = aggregate(Self.plan, rows, weights: weights)
        let decoded = try Self.roundTrip(aggregator)
        #expect(decoded == aggregator)
        let labels = testLabels(HandSurvey.schema)
        #expect(decoded.results(labels: labels) == aggregator.results(labels: labels))
        // Guards against a plan whose metrics saw nothing: every kind is in the plan and counted.
        #expect(Set(aggregator.accumulators.map { "\(type(of: $0))" }).count == 8)
        #expect(aggregator.responseCount == 40)
    }

    @Test func aDecodedStateMergesLikeTheOriginal() throws {
        let rows = MergeTests.rows
        var merged = aggregate(Self.plan, Array(rows[..<17]))
        merged.merge(try Self.roundTrip(aggregate(Self.plan, Array(rows[17...]))))
        #expect(merged == aggregate(Self.plan, rows))
    }

    @Test func anEmptyAggregatorComesBackEqual() throws {
        let empty = Aggregator(plan: Self.plan)
        #expect(try Self.roundTrip(empty) == empty)
    }

    @Test func everyTruncationIsAnError() throws {
        var writer = StateWriter()
        aggregate(Self.plan, MergeTests.rows).encodeState(into: &writer)
        let bytes = writer.bytes
        for length in stride(from: 0, to: bytes.count, by: 7) {
            var reader = StateReader(Array(bytes[..<length]))
            #expect(throws: StateDecodingError.self) { _ = try Aggregator(plan: Self.plan, decoding: &reader) }
        }
    }

    @Test func aStateOfAnotherPlanIsRefused() throws {
        var writer = StateWriter()
        aggregate(HandSurvey.plan, HandSurvey.rows).encodeState(into: &writer)
        var reader = StateReader(writer.bytes)
        #expect(throws: StateDecodingError.self) { _ = try Aggregator(plan: Self.plan, decoding: &reader) }
    }
}
