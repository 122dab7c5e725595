import CandorCore
import Foundation

/// The checks `candor merge` makes before merging anything: each partial whole and of this
/// format (66, 78), of this definition (78), the shards exactly 1 to N once each and their
/// pieces covering every input once (65), and every input unchanged since its shard read it (66).
extension PartialMerge {
    /// The partials at `paths`, checked against `definition` and one another, with their inputs.
    /// The states of a partial whose cell sketches were made under another secret than
    /// `sketchKeyDigest` (the merge's history's, `nil` without one) are set aside, and its pieces
    /// read again: holding could not compare them with the wave's last publication.
    /// - Throws: `RunFailure` with the exit status of the first check that fails.
    static func load(_ paths: [String], definition: PipelineDefinition, sketchKeyDigest: String?) throws(RunFailure)
        -> Checked
    {
        // One partial's bytes at a time: its pieces' states stay in the file (`StoredState`).
        var partials: [(name: String, partial: Partial, stored: [StoredState?])] = []
        var unsketched: [String] = []
        for path in paths {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw RunFailure(.unreadableInput, "\(path): cannot be read")
            }
            let bytes = Array(data)
            let partial = try PartialFile.partial(from: bytes, name: path, statesLeftInFile: true)
            guard partial.definitionSHA256 == definition.sha256 else {
                throw RunFailure(
                    .configuration,
                    "\(path): a partial of another definition (SHA-256 \(partial.definitionSHA256.prefix(12))…, \(definition.path) is \(definition.sha256.prefix(12))…); run the shards again with this definition"
                )
            }
            var stored = partial.pieces.indices.map { StoredState(partial, piece: $0, bytes: bytes, path: path) }
            if partial.sketchKeyDigest != sketchKeyDigest, stored.contains(where: { $0 != nil }) {
                stored = stored.map { _ in nil }
                unsketched.append(path)
            }
            partials.append((path, partial, stored))
        }
        guard let first = partials.first?.partial else { throw RunFailure(.usage, "merge: no partial given") }
        let count = first.shard.count
        var seen: [Int: String] = [:]
        for (name, partial, _) in partials {
            guard partial.shard.count == count else {
                throw RunFailure(
                    .dataQuality, "\(name): shard \(partial.shard.index) of \(partial.shard.count), not of \(count)")
            }
            if let other = seen[partial.shard.index] {
                throw RunFailure(
                    .dataQuality, "\(name): shard \(partial.shard.index)/\(count) is given twice (also \(other))")
            }
            seen[partial.shard.index] = name
            guard partial.inputs.map(\.path) == first.inputs.map(\.path) else {
                throw RunFailure(.dataQuality, "\(name): its shard ran over other inputs than \(partials[0].name)'s")
            }
        }
        let missing = (1...count).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            throw RunFailure(
                .dataQuality,
                "shard(s) \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing: a merge needs all \(count)"
            )
        }
        let ordered = partials.sorted { $0.partial.shard.index < $1.partial.shard.index }
        let pieces = ordered.flatMap { entry in
            zip(entry.partial.pieces, entry.stored).map { ReadyPiece(source: entry.name, piece: $0, stored: $1) }
        }
        .sorted { lhs, rhs in
            (lhs.piece.piece.input, lhs.piece.piece.start ?? -1) < (rhs.piece.piece.input, rhs.piece.piece.start ?? -1)
        }
        try checkCoverage(pieces.map(\.piece), inputs: first.inputs)
        var wholeSHA256: [String] = []
        for (number, input) in first.inputs.enumerated() {
            let own = pieces.filter { $0.piece.piece.input == number }
            wholeSHA256.append(try checkUnchanged(input, pieces: own))
        }
        return Checked(inputs: first.inputs, wholeSHA256: wholeSHA256, pieces: pieces, unsketched: unsketched)
    }

    /// Every input's pieces follow one another from its first record to its end.
    private static func checkCoverage(_ pieces: [Partial.Piece], inputs: [Partial.Input]) throws(RunFailure) {
        for (number, input) in inputs.enumerated() {
            let own = pieces.filter { $0.piece.input == number }.map(\.piece)
            let starts = own.map(\.start)
            let ends = own.map(\.end)
            let follows =
                !own.isEmpty && starts[0] == nil && ends.last! == nil
                && zip(ends.dropLast(), starts.dropFirst()).allSatisfy { $0 == $1 && $0 != nil }
            guard follows else {
                throw RunFailure(
                    .dataQuality,
                    "\(input.displayName): the partials do not cover it exactly once (\(own.count) piece(s)); run the missing or doubled shard again"
                )
            }
        }
    }

    /// The input's whole-file SHA-256, once its size, modification time and every piece's bytes
    /// are found as its shards saw them.
    private static func checkUnchanged(_ input: Partial.Input, pieces: [ReadyPiece]) throws(RunFailure) -> String {
        let changed = "\(input.displayName): changed since its shard ran"
        guard let now = InputFileIdentity(path: input.path) else {
            throw RunFailure(.unreadableInput, "\(input.displayName): cannot be read")
        }
        guard now.size == input.size, now.modifiedSeconds == input.modifiedSeconds,
            now.modifiedNanoseconds == input.modifiedNanoseconds
        else {
            throw RunFailure(.unreadableInput, "\(changed) (size or modification time); run the shards again")
        }
        guard let sums = FileChecksum.sha256(of: input.path, ranges: pieces.map(\.piece.fileRange), whole: true),
            let whole = sums.whole
        else {
            throw RunFailure(.unreadableInput, "\(input.displayName): changed or unreadable while it was hashed")
        }
        for (ready, sum) in zip(pieces, sums.ranges) where sum != ready.piece.rangeSHA256 {
            throw RunFailure(
                .unreadableInput, "\(changed): the bytes \(ready.source) read differ; run the shards again")
        }
        return whole
    }
}
