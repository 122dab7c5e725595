#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CandorCore
import Foundation

/// `candor forget` over partials: the pipeline's cache entries (`output.cache`) and the shards'
/// partial files it finds at the top of the output folder. Both hold respondent ids and rejected
/// rows.
///
/// A partial is checksummed and holds one piece's merged states, so it cannot be rewritten
/// without one person the way the rejects file is; it is deleted instead. That costs only time:
/// the next run parses a deleted cache entry's input again (without the person, once they are
/// removed from it), and a deleted shard partial is made again by running its shard.
///
/// A partial of this definition is looked into exactly: the respondent ids its pieces saw, and
/// its rejected rows' id column (any field where the input's header cannot be read). One that
/// cannot be looked into that way (of another definition or format version, or corrupt) is
/// deleted when the id's bytes occur anywhere in it, erring on the side of removing.
enum PartialErasure {
    /// What was deleted: cache entries (path → the input it held) and partial files.
    struct Removed {
        /// Cache entries deleted, by path, with the input each held.
        var cacheEntries: [String: String] = [:]
        /// Partial files deleted.
        var partials: [String] = []
    }

    /// Deletes every cache entry of `definition`'s pipeline and every partial at the top of
    /// `outputDirectory` that holds respondent `id`. Called with the folder's lock held.
    static func forget(
        _ id: String, definition: PipelineDefinition, outputDirectory: String,
        columns: inout RespondentErasure.IdColumns
    ) -> Removed {
        var removed = Removed()
        let cache = InputCache.folder(outputDirectory: outputDirectory, pipeline: definition.name)
        if InputCache.isRealFolder(outputDirectory + "/" + InputCache.folderName), InputCache.isRealFolder(cache) {
            for name in Self.regularFiles(in: cache) {
                let path = cache + "/" + name
                guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else { continue }
                let held = holder(id, in: bytes, definition: definition, columns: &columns)
                if let held, unlink(path) == 0 { removed.cacheEntries[path] = held }
            }
        }
        for name in Self.regularFiles(in: outputDirectory) where Self.startsLikeAPartial(outputDirectory + "/" + name) {
            let path = outputDirectory + "/" + name
            guard let bytes = FileManager.default.contents(atPath: path).map(Array.init) else { continue }
            if holder(id, in: bytes, definition: definition, columns: &columns) != nil, unlink(path) == 0 {
                removed.partials.append(path)
            }
        }
        return removed
    }

    /// The input (display name, or "an input" when unknown) of the partial `bytes` in which
    /// respondent `id` is held, or `nil` when it holds no trace of them.
    private static func holder(
        _ id: String, in bytes: [UInt8], definition: PipelineDefinition, columns: inout RespondentErasure.IdColumns
    ) -> String? {
        let wanted = [id, RespondentErasure.displayed(id)]
        guard let partial = try? PartialFile.partial(from: bytes, name: ""),
            partial.definitionSHA256 == definition.sha256
        else {
            let found = wanted.contains { contains(bytes, Array($0.utf8)) }
            return found ? "an input" : nil
        }
        for piece in partial.pieces {
            guard let state = piece.state, piece.piece.input < partial.inputs.count else { continue }
            let input = partial.inputs[piece.piece.input].displayName
            let decoded: PieceState
            do {
                // A piece a value stopped holds nothing but that.
                guard let piece = try PieceState.decode(state, definition: definition, input: input) else { continue }
                decoded = piece
            } catch {
                // Undecodable states are searched byte by byte.
                if wanted.contains(where: { contains(state, Array($0.utf8)) }) { return input }
                continue
            }
            if decoded.cleaner.holdsRespondent(id) { return input }
            let column = columns.column(in: input)
            for rejection in decoded.rejections {
                let fields = column.map { $0 < rejection.rawFields.count ? [rejection.rawFields[$0]] : [] }
                if (fields ?? rejection.rawFields).contains(where: {
                    wanted.contains($0.trimmingCharacters(in: .whitespaces))
                }) {
                    return input
                }
            }
        }
        return nil
    }

    /// The regular files (not links) directly in `folder`, sorted.
    private static func regularFiles(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().filter { name in
            var info = stat()
            return lstat(folder + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
        }
    }

    /// Whether the file at `path` starts with a partial's magic, `CANDORPT` (read without the
    /// rest: the folder also holds reports and large rejects files).
    private static func startsLikeAPartial(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let magic = Array("CANDORPT".utf8)
        return (try? handle.read(upToCount: magic.count)).map { Array($0) == magic } ?? false
    }

    /// Whether `needle` occurs in `haystack`.
    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, needle.count <= haystack.count else { return false }
        let first = needle[0]
        var start = 0
        while let index = haystack[start...].firstIndex(of: first), index + needle.count <= haystack.count {
            if haystack[index..<(index + needle.count)].elementsEqual(needle) { return true }
            start = index + 1
        }
        return false
    }
}
