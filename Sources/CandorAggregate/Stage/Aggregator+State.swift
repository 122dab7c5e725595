import CandorCore

/// An aggregator as bytes, for a partial file: what one shard aggregated, merged later by
/// `candor merge` exactly as an in-process part is.
extension Aggregator {
    /// Writes the response count and each accumulator's state, in plan order.
    package func encodeState(into writer: inout StateWriter) {
        writer.integer(responseCount)
        writer.integer(accumulators.count)
        for accumulator in accumulators { accumulator.encodeState(into: &writer) }
        headcount.encodeState(into: &writer)
    }

    /// An aggregator for `plan` holding what `encodeState` wrote (for the same plan).
    /// - Throws: `StateDecodingError` when the bytes are not such a state.
    package init(plan: AggregationPlan, decoding reader: inout StateReader) throws(StateDecodingError) {
        self.init(plan: plan)
        responseCount = try reader.integer(in: 0...Int.max)
        let start = reader.offset
        guard try reader.integer() == accumulators.count else {
            throw StateDecodingError(offset: start, "the state holds another number of metrics than the plan")
        }
        for index in accumulators.indices {
            try Self.decode(&accumulators[index], from: &reader)
        }
        try headcount.decodeState(from: &reader)
    }

    /// Opens the existential so the kind's own `decodeState` runs in place.
    private static func decode<Accumulator: MetricAccumulator>(
        _ accumulator: inout Accumulator, from reader: inout StateReader
    ) throws(StateDecodingError) {
        try accumulator.decodeState(from: &reader)
    }
}
