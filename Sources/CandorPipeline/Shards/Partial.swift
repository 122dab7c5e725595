import CandorCore
import CandorIngest

/// What one shard of a run computed, for `candor merge`: per piece of input it read, the
/// cleaner's and aggregator's states and the rejected rows in file order, with what the merge
/// needs to check that the inputs are still the ones read.
///
/// Written by `candor run --shard I/N --partial PATH` as a `PartialFile`, mode 0600 (it holds
/// respondent ids and rejected rows).
package struct Partial: Sendable, Equatable {
    /// The definition's SHA-256: partials of another definition do not merge.
    package var definitionSHA256: String
    /// The shard this partial is.
    package var shard: ShardSpec
    /// Every input of the run, in order, as the shard saw it (not only those it read).
    package var inputs: [Input]
    /// The pieces the shard read, in input order.
    package var pieces: [Piece]
    /// With the history on: the digest of the history's secret the pieces' cell sketches were
    /// made with (`KeyedHash.keyDigest`), or `nil` when they carry none. The merge absorbs only
    /// pieces sketched under its own history's secret.
    package var sketchKeyDigest: String? = nil
    /// Per piece, where its states lie in the partial's payload, for a partial read without them
    /// (`PartialFile.partial(from:name:statesLeftInFile:)`); `nil` where a piece has none. Empty
    /// when the states were read; never written.
    package var stateRangesInPayload: [Range<Int>?] = []

    /// An input as the shard saw it.
    package struct Input: Sendable, Equatable {
        /// Where it is read from.
        package var path: String
        /// How records and reports name it.
        package var displayName: String
        /// Its size and modification time when the shard ran.
        package var size: Int64
        /// Seconds part of the modification time.
        package var modifiedSeconds: Int
        /// Nanoseconds part of the modification time.
        package var modifiedNanoseconds: Int
    }

    /// One piece the shard read.
    package struct Piece: Sendable, Equatable {
        /// Which input and which records.
        package var piece: ShardPlan.Piece
        /// The bytes of the file the piece covers (file offsets: the header and a byte-order
        /// mark belong to the first piece) and their SHA-256.
        package var fileRange: Range<Int64>
        /// SHA-256 of `fileRange`.
        package var rangeSHA256: String
        /// Whether the piece ended at its cut between records (see `PieceReader.endedAtCut`).
        package var endedAtCut: Bool
        /// Lines and records the piece took (what the next piece's numbers lack).
        package var lines: Int
        /// Records the piece numbered.
        package var records: Int
        /// Line breaks and blank lines among the piece's records.
        package var lineEndings: LineEndingCounts
        /// Blank lines skipped among the piece's records.
        package var blankLines: Int
        /// The piece's states (`PieceState`), or `nil` when they cannot be merged exactly
        /// (a weighted or `keep: latest` pipeline): the merge then reads the piece itself.
        package var state: [UInt8]?
    }
}

extension Partial {
    /// The partial as the bytes of its payload (see `PartialFile`).
    func encodePayload() -> [UInt8] {
        var writer = StateWriter()
        writer.string(definitionSHA256)
        writer.integer(shard.index)
        writer.integer(shard.count)
        writer.bool(sketchKeyDigest != nil)
        if let sketchKeyDigest { writer.string(sketchKeyDigest) }
        writer.integer(inputs.count)
        for input in inputs {
            writer.string(input.path)
            writer.string(input.displayName)
            writer.integer(Int(input.size))
            writer.integer(input.modifiedSeconds)
            writer.integer(input.modifiedNanoseconds)
        }
        writer.integer(pieces.count)
        for piece in pieces {
            writer.integer(piece.piece.input)
            writer.integer(piece.piece.start.map(Int.init) ?? -1)
            writer.integer(piece.piece.end.map(Int.init) ?? -1)
            writer.integer(Int(piece.fileRange.lowerBound))
            writer.integer(Int(piece.fileRange.upperBound))
            writer.string(piece.rangeSHA256)
            writer.bool(piece.endedAtCut)
            for value in [
                piece.lines, piece.records, piece.lineEndings.crlf, piece.lineEndings.lf, piece.lineEndings.cr,
                piece.blankLines,
            ] {
                writer.integer(value)
            }
            writer.bool(piece.state != nil)
            if let state = piece.state { state.withUnsafeBytes { writer.bytes($0) } }
        }
        return writer.bytes
    }

    /// The partial a payload holds; with `statesLeftInFile`, its pieces' states are skipped and
    /// only where they lie is kept (`stateRangesInPayload`).
    init(payload: [UInt8], statesLeftInFile: Bool = false) throws(StateDecodingError) {
        var reader = StateReader(payload)
        definitionSHA256 = try reader.string()
        shard = ShardSpec(index: try reader.integer(), count: try reader.integer())
        sketchKeyDigest = try reader.bool() ? try reader.string() : nil
        inputs = []
        for _ in 0..<(try reader.count(minimumSize: 40)) {
            inputs.append(
                Input(
                    path: try reader.string(), displayName: try reader.string(), size: Int64(try reader.integer()),
                    modifiedSeconds: try reader.integer(), modifiedNanoseconds: try reader.integer()))
        }
        pieces = []
        for _ in 0..<(try reader.count(minimumSize: 80)) {
            let input = try reader.integer(in: 0...max(inputs.count - 1, 0))
            let start = try reader.integer()
            let end = try reader.integer()
            let from = Int64(try reader.integer())
            let to = Int64(try reader.integer())
            guard from <= to else {
                throw StateDecodingError(offset: reader.offset, "a byte range ends before it starts")
            }
            let sha = try reader.string()
            let endedAtCut = try reader.bool()
            let lines = try reader.integer()
            let records = try reader.integer()
            let endings = LineEndingCounts(
                crlf: try reader.integer(), lf: try reader.integer(), cr: try reader.integer())
            let blank = try reader.integer()
            var state: [UInt8]?
            if try reader.bool() {
                if statesLeftInFile {
                    // After the 8-byte length, up to where reading the bytes leaves off.
                    let start = reader.offset + 8
                    try reader.bytes { _ in }
                    stateRangesInPayload.append(start..<reader.offset)
                } else {
                    state = try reader.bytes { Array($0) }
                }
            } else if statesLeftInFile {
                stateRangesInPayload.append(nil)
            }
            pieces.append(
                Piece(
                    piece: ShardPlan.Piece(
                        input: input, start: start < 0 ? nil : Int64(start), end: end < 0 ? nil : Int64(end)),
                    fileRange: from..<to, rangeSHA256: sha, endedAtCut: endedAtCut, lines: lines, records: records,
                    lineEndings: endings, blankLines: blank, state: state))
        }
        guard reader.isAtEnd else { throw StateDecodingError(offset: reader.offset, "bytes after the last piece") }
    }
}
