import CandorCore

/// A cleaner's state as bytes, for a partial file: what a shard's cleaner saw of one piece of an
/// input (a whole file, or the records between two cuts), to be absorbed later by `candor
/// merge` exactly as an in-process later part is (`CleanerState+Parts.swift`).
///
/// Only what `absorb` reads is kept: the tallies, the respondent ids with where each was first
/// seen, and the category values in code order. Value caches are rebuilt as records are read.
extension CleanerState {
    /// Writes the tallies, ids and category tables.
    func encodePiece(into writer: inout StateWriter) {
        tallies.encodeState(into: &writer)
        writer.integer(deduplicator.count)
        deduplicator.forEach { id, first in
            writer.bytes(id)
            writer.integer(first.line)
            writer.integer(first.record)
        }
        for decoder in decoders {
            writer.strings(decoder.categories?.labels ?? [])
        }
    }

    /// Reads what `encodePiece` wrote into this state, fresh from `laterPart()` or from
    /// `init(schema:…)` and begun on the piece's input.
    mutating func decodePiece(from reader: inout StateReader) throws(StateDecodingError) {
        try tallies.decodeState(from: &reader)
        let ids = try reader.count(minimumSize: 24)
        deduplicator.reserve(ids)
        for _ in 0..<ids {
            let start = reader.offset
            let id = try reader.bytes { Array($0) }
            let (line, record) = (try reader.integer(), try reader.integer())
            let repeated = id.withUnsafeBytes { deduplicator.register($0, input: 0, line: line, record: record) }
            guard repeated == nil else { throw StateDecodingError(offset: start, "a respondent id listed twice") }
        }
        for field in decoders.indices {
            let start = reader.offset
            let labels = try reader.strings()
            guard var table = decoders[field].categories else {
                if labels.isEmpty { continue }
                throw StateDecodingError(offset: start, "category values for a field that has none")
            }
            let declared = table.labels
            guard labels.count >= declared.count, Array(labels.prefix(declared.count)) == declared else {
                throw StateDecodingError(offset: start, "the declared values of \(schema.fields[field].name) differ")
            }
            for (code, label) in labels.enumerated().dropFirst(declared.count) {
                guard case .value(let given) = table.code(of: label), given == code else {
                    throw StateDecodingError(offset: start, "value \(code) of \(schema.fields[field].name) repeats")
                }
            }
            decoders[field].categories = table
        }
    }
}

extension Cleaner {
    /// Writes what this cleaner, which read one piece of one input from a fresh start, saw
    /// (`CleanerState.encodePiece`).
    package func encodePiece(into writer: inout StateWriter) { state!.encodePiece(into: &writer) }

    /// Whether this cleaner saw respondent `id` (its bytes as read in the id column): for
    /// `candor forget` over partials and cache entries.
    package func holdsRespondent(_ id: String) -> Bool {
        Array(id.utf8).withUnsafeBytes { state!.deduplicator.contains($0) }
    }

    /// A cleaner holding a piece's state as `encodePiece` wrote it, as a later part of input
    /// `path` (to merge with `absorb`).
    /// - Throws: `StateDecodingError` when the bytes are not such a state for `schema`.
    package static func decodingPiece(
        schema: SurveySchema, textSampleLimit: Int, input path: String, from reader: inout StateReader
    ) throws(StateDecodingError) -> Cleaner {
        var state = CleanerState(schema: schema, latestWinners: nil, textSampleLimit: textSampleLimit)
        state.inputIndex = 0
        state.inputPath = path
        state.inputPaths = [path]
        try state.decodePiece(from: &reader)
        return Cleaner(state: state)
    }
}
