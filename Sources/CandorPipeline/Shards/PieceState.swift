import CandorAggregate
import CandorClean
import CandorCore

/// What a shard made of one piece: whether a value under `on_invalid: fail` stopped it (the
/// merge then reads the piece itself, and stops with the value's real line), its cleaner's and
/// aggregator's states and its rejected rows in file order.
struct PieceState {
    /// The piece's cleaner, as a later part of its input.
    var cleaner: Cleaner
    /// The piece's aggregates, in its cleaner's category codes.
    var aggregator: Aggregator
    /// The piece's rejections, lines and records counted from the piece's start.
    var rejections: [Rejection]

    /// Why `definition`'s pieces carry no states, or `nil` when they do. Sums of weights and
    /// `keep: latest` winners do not merge exactly, and partials carry no row fingerprints
    /// (identical rows counted without an id rule, or under `all_fields`): such a pipeline's
    /// pieces are read whole by whoever merges them (`candor merge`), and `output.cache` is not
    /// used for it.
    static func statelessReason(_ definition: PipelineDefinition) -> String? {
        let schema = definition.schema
        if schema.weightField != nil { return "a weighted pipeline's sums of weights do not merge exactly" }
        if definition.weighting != nil {
            return "a raking pipeline weighs its responses only once every input's are in"
        }
        if LatestResponseFinder(schema: schema) != nil {
            return "dedupe keep: latest needs every input's ids and timestamps before any record counts"
        }
        if schema.countsIdenticalRows {
            return
                "identical rows are counted (no id to dedupe by, or dedupe by all_fields), which needs every row's fingerprint"
        }
        return nil
    }

    /// The bytes of a piece's states; `nil` for a piece a value stopped.
    static func encode(cleaner: Cleaner, aggregator: Aggregator, rejections: [[UInt8]], stopped: Bool) -> [UInt8] {
        var writer = StateWriter()
        writer.bool(stopped)
        guard !stopped else { return writer.bytes }
        cleaner.encodePiece(into: &writer)
        aggregator.encodeState(into: &writer)
        writer.integer(rejections.count)
        for rejection in rejections { rejection.withUnsafeBytes { writer.bytes($0) } }
        return writer.bytes
    }

    /// The states `bytes` hold, for a piece of input `path` of `definition`; `nil` when a
    /// value stopped the piece.
    static func decode(_ bytes: [UInt8], definition: PipelineDefinition, input path: String) throws(StateDecodingError)
        -> PieceState?
    {
        var reader = StateReader(bytes)
        guard !(try reader.bool()) else { return nil }
        let cleaner = try Cleaner.decodingPiece(
            schema: definition.schema,
            textSampleLimit: definition.freeText.allowed ? definition.freeText.quoteLimit : 0, input: path,
            from: &reader)
        let aggregator = try Aggregator(plan: definition.plan, decoding: &reader)
        var rejections: [Rejection] = []
        for _ in 0..<(try reader.count(minimumSize: 8)) {
            let start = reader.offset
            guard let rejection = try reader.bytes({ SpillEncoding.decode($0) }) else {
                throw StateDecodingError(offset: start, "a rejected row that does not decode")
            }
            rejections.append(rejection)
        }
        guard reader.isAtEnd else { throw StateDecodingError(offset: reader.offset, "bytes after the rejections") }
        return PieceState(cleaner: cleaner, aggregator: aggregator, rejections: rejections)
    }
}
