#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CandorCore
import CandorIngest
import Foundation

/// `output.cache: true`: each input's partial (what `candor run --shard` writes, for one whole
/// file) kept in the output folder, so a later run parses only new or changed inputs.
///
/// The cache lives in `OUTPUT/.candor-cache/NAME/` (mode 0700), one file per input (mode 0600:
/// it holds respondent ids and rejected rows), named by the SHA-256 of its key: the partial
/// format version, the definition's SHA-256, the input's whole-file SHA-256 and the name the
/// input carries in reports and rejects (a rejected row names its file). Every entry is a
/// checksummed `PartialFile` written through a temporary file renamed into place, and it is
/// checked against its key when read, so a half-written, altered or stale entry is never used:
/// it is parsed again and replaced. Each entry is one input parsed from a fresh start, so it
/// never depends on the other inputs; overlaps between inputs are the merge's business.
struct InputCache {
    /// The folder of every pipeline's cache inside an output folder.
    static let folderName = ".candor-cache"
    /// An entry's file name ends so.
    static let entrySuffix = ".partial"

    /// This pipeline's cache folder.
    let directory: String
    /// The definition whose pieces the entries hold.
    let definition: PipelineDefinition
    /// SHA-256 of the history's sketch secret when entries carry cell sketches; `nil` without.
    let sketchKeyDigest: String?

    /// What looking an input up found.
    enum Lookup {
        /// A usable entry: the input's piece, states decoded.
        case hit(PartialMerge.ReadyPiece)
        /// No entry.
        case miss
        /// An entry that cannot be used, and why (to be parsed again and replaced).
        case unusable(String)
    }

    /// The cache folder of `pipeline` in `outputDirectory`.
    static func folder(outputDirectory: String, pipeline: String) -> String {
        outputDirectory + "/\(folderName)/\(pipeline)"
    }

    /// Opens `definition`'s cache in `outputDirectory`, creating its folders (0700) as needed.
    /// - Throws: a sentence for the run's note when the folders cannot be made, or when one is
    ///   not a folder (a symbolic link is refused: entries hold people's answers).
    /// With the history on, `sketchHash` is keyed by the history's secret the entries' cell
    /// sketches are made with: part of each entry's key, so a new history (a new secret) parses
    /// every input again instead of merging sketches no comparison could read.
    init(outputDirectory: String, definition: PipelineDefinition, sketchHash: KeyedHash? = nil)
        throws(CacheProblem)
    {
        for folder in [
            outputDirectory + "/" + Self.folderName,
            Self.folder(outputDirectory: outputDirectory, pipeline: definition.name),
        ] {
            if mkdir(folder, 0o700) != 0, errno != EEXIST {
                throw CacheProblem("cannot create \(folder): \(POSIX.describe(errno))")
            }
            guard Self.isRealFolder(folder) else {
                throw CacheProblem("\(folder) is not a folder (a symbolic link or a file)")
            }
            // A folder made by hand, or under a looser umask, may let others in.
            chmod(folder, 0o700)
        }
        directory = Self.folder(outputDirectory: outputDirectory, pipeline: definition.name)
        self.definition = definition
        // A digest of the secret, never the secret, goes into the file names.
        sketchKeyDigest = sketchHash?.keyDigest
    }

    /// The entry name for `file` whose bytes hash to `sha256`.
    func entryName(_ file: InputFile, sha256: String) -> String {
        var key = "candor-cache\n\(PartialFile.formatVersion)\n\(definition.sha256)\n\(sha256)\n\(file.displayName)"
        if let sketchKeyDigest { key += "\nsketches " + sketchKeyDigest }
        return SHA256Digest.hex(of: Array(key.utf8)) + Self.entrySuffix
    }

    /// The entry for `file` (its whole-file SHA-256 and size given), checked against its key and
    /// its states decoded.
    func lookup(_ file: InputFile, sha256: String, size: Int64) -> Lookup {
        let name = entryName(file, sha256: sha256)
        let path = directory + "/" + name
        var info = stat()
        guard lstat(path, &info) == 0 else { return .miss }
        guard (info.st_mode & S_IFMT) == S_IFREG, let data = FileManager.default.contents(atPath: path) else {
            return .unusable("not a readable regular file")
        }
        let partial: Partial
        do { partial = try PartialFile.partial(from: Array(data), name: name) } catch {
            return .unusable(
                error.status == .configuration
                    ? "written by a candor of another partial format" : "corrupt or truncated")
        }
        let whole = ShardPlan.Piece(input: 0, start: nil, end: nil)
        guard partial.definitionSHA256 == definition.sha256, partial.inputs.count == 1,
            partial.inputs[0].displayName == file.displayName, partial.inputs[0].size == size,
            partial.sketchKeyDigest == sketchKeyDigest, partial.pieces.count == 1, var piece = partial.pieces.first,
            piece.piece == whole, piece.fileRange == 0..<size, piece.rangeSHA256 == sha256, let bytes = piece.state
        else { return .unusable("it does not match its key") }
        let decoded: PieceState?
        do { decoded = try PieceState.decode(bytes, definition: definition, input: file.displayName) } catch {
            return .unusable("its states do not decode: \(error.description)")
        }
        // Decoded states are all the merge needs; the bytes only where there are none (a value
        // under on_invalid: fail stopped the piece), so the merge says why it reads it.
        if decoded != nil { piece.state = nil }
        return .hit(PartialMerge.ReadyPiece(source: "cache entry \(name)", piece: piece, decoded: decoded))
    }

    /// Writes `piece` (all of `file`, read from a fresh start) as `file`'s entry, atomically and
    /// 0600; a sentence for the run's note when it cannot be written (the run goes on: the
    /// reports do not depend on it).
    func store(_ piece: Partial.Piece, of file: InputFile, sha256: String, identity: InputFileIdentity) -> String? {
        let partial = Partial(
            definitionSHA256: definition.sha256, shard: ShardSpec(index: 1, count: 1),
            inputs: [
                Partial.Input(
                    path: file.path, displayName: file.displayName, size: identity.size,
                    modifiedSeconds: identity.modifiedSeconds, modifiedNanoseconds: identity.modifiedNanoseconds)
            ],
            pieces: [piece], sketchKeyDigest: sketchKeyDigest)
        do {
            let writer = try AtomicFileWriter(
                path: directory + "/" + entryName(file, sha256: sha256), permissions: .ownerOnly)
            try writer.write(PartialFile.bytes(of: partial))
            try writer.commit()
            return nil
        } catch {
            return "\(file.displayName): its cache entry could not be written (\(error.description))"
        }
    }

    /// After a successful run: deletes every file in `pipeline`'s cache folder in
    /// `outputDirectory` but the entries named in `keeping` (those of the run's inputs), so the
    /// cache holds at most one entry per present input; with none to keep, the folder goes too.
    /// Returns how many files were removed. Called with the output folder's lock held.
    @discardableResult
    static func prune(outputDirectory: String, pipeline: String, keeping: Set<String>) -> Int {
        let folder = folder(outputDirectory: outputDirectory, pipeline: pipeline)
        guard isRealFolder(outputDirectory + "/" + folderName), isRealFolder(folder),
            let names = try? FileManager.default.contentsOfDirectory(atPath: folder)
        else { return 0 }
        var removed = 0
        for name in names where !keeping.contains(name) {
            if unlink(folder + "/" + name) == 0 { removed += 1 }
        }
        if keeping.isEmpty { rmdir(folder) }
        return removed
    }

    /// Whether `path` is a folder itself, not a symbolic link to one.
    static func isRealFolder(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }
}

/// Why the cache cannot be used this run, in a sentence for the run's notes.
struct CacheProblem: Error, Sendable {
    /// The sentence.
    var message: String

    /// A problem described by `message`.
    init(_ message: String) { self.message = message }
}
