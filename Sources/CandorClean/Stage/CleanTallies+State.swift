import CandorCore

/// Tallies as bytes, for a partial file. Dictionaries are written in key order, so the same
/// tallies always give the same bytes.
extension CleanTallies {
    /// Writes every count and the free-text samples.
    func encodeState(into writer: inout StateWriter) {
        writer.integer(read)
        writer.integer(accepted)
        writer.integer(rejectedByReason.count)
        for reason in rejectedByReason.keys.sorted() {
            writer.string(reason.rawValue)
            writer.integer(rejectedByReason[reason]!)
        }
        writer.integer(excludedByFilter.count)
        for filter in excludedByFilter.keys.sorted() {
            writer.string(filter)
            writer.integer(excludedByFilter[filter]!)
        }
        writer.integer(finishedInputs.count)
        for path in finishedInputs.keys.sorted() {
            writer.string(path)
            Self.encode(finishedInputs[path]!, into: &writer)
        }
        Self.encode(current, into: &writer)
        writer.integers(qualityCounts)
        writer.integers(straightLiners)
        writer.integers(answeredWholeBlock)
        writer.integer(textSamples.count)
        for samples in textSamples { writer.strings(samples) }
        writer.bool(latestTimestamp != nil)
        writer.integer(Int(latestTimestamp ?? 0))
        writer.bool(sketches != nil)
        sketches?.encodeState(into: &writer)
    }

    /// Reads what `encodeState` wrote into this tally of the same shape.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        read = try reader.integer()
        accepted = try reader.integer()
        rejectedByReason = [:]
        for _ in 0..<(try reader.count(minimumSize: 16)) {
            let start = reader.offset
            guard let reason = ReasonCode(rawValue: try reader.string()) else {
                throw StateDecodingError(offset: start, "an unknown reason code")
            }
            rejectedByReason[reason] = try reader.integer()
        }
        excludedByFilter = [:]
        for _ in 0..<(try reader.count(minimumSize: 16)) {
            excludedByFilter[try reader.string()] = try reader.integer()
        }
        finishedInputs = [:]
        for _ in 0..<(try reader.count(minimumSize: 40)) {
            finishedInputs[try reader.string()] = try Self.decode(&reader)
        }
        current = try Self.decode(&reader)
        let shape = (qualityCounts.count, straightLiners.count, answeredWholeBlock.count, textSamples.count)
        let start = reader.offset
        qualityCounts = try reader.integers()
        straightLiners = try reader.integers()
        answeredWholeBlock = try reader.integers()
        let fields = try reader.count(minimumSize: 8)
        textSamples = []
        for _ in 0..<fields { textSamples.append(try reader.strings()) }
        let hasLatest = try reader.bool()
        let latest = Int64(try reader.integer())
        latestTimestamp = hasLatest ? latest : nil
        sketches = try reader.bool() ? try CellSketches.decodeState(from: &reader) : nil
        guard shape == (qualityCounts.count, straightLiners.count, answeredWholeBlock.count, textSamples.count) else {
            throw StateDecodingError(offset: start, "the tallies have another schema's shape")
        }
    }

    private static func encode(_ counts: CleanAccounting.InputCounts, into writer: inout StateWriter) {
        for value in [counts.read, counts.accepted, counts.rejected, counts.excluded] { writer.integer(value) }
    }

    private static func decode(_ reader: inout StateReader) throws(StateDecodingError) -> CleanAccounting.InputCounts {
        CleanAccounting.InputCounts(
            read: try reader.integer(), accepted: try reader.integer(), rejected: try reader.integer(),
            excluded: try reader.integer())
    }
}
