import CandorClean
import CandorCore
import CandorIngest
import Logging

/// A run's pass under `output.cache: true`: every input hashed whole (the report's SHA-256 and
/// the cache key both need it), its partial taken from the cache or, for a new or changed input,
/// parsed from a fresh start and stored; then all of them merged in input order by
/// `PartialMerge.merge`, the code `candor merge` runs, so the reports are those of a full run.
///
/// Where an input's respondent ids overlap an earlier input's, the merge reads that input again
/// after the ones before it (first occurrence in input order wins); its cache entry is left as
/// it is, since it describes the file alone. A pipeline whose pieces carry no states (weighted,
/// `keep: latest`, raking, identical rows counted) would be read whole by the merge anyway: it runs as
/// without the cache, and says so.
enum IncrementalPass {
    /// The pass of `definition` over `files`, through the cache in `outputDirectory` when
    /// `definition.cache` is on (with what it took from the cache), else an ordinary pass.
    /// - Throws: `RunFailure` with the run's exit statuses.
    static func run(
        definition: PipelineDefinition, files: [InputFile], request: RunRequest, rejects: RejectsWriter,
        roster: Roster?, logger: Logger, progress: ProgressReporter?, sketchPlan: CellSketchPlan? = nil
    ) throws(RunFailure) -> (pass: StreamingPass, cache: CacheUse?) {
        // With the history on, cached pieces carry their cell sketches, made with the history's
        // secret (part of each entry's key), so holding sees every respondent as in a full run.
        func ordinary() throws(RunFailure) -> StreamingPass {
            try StreamingPass.run(
                definition: definition, files: files, threaded: request.threaded,
                minimumPartBytes: request.minimumPartBytes, outputDirectory: request.outputDirectory,
                rejects: rejects, roster: roster, logger: logger, progress: progress, sketchPlan: sketchPlan)
        }
        guard definition.cache else { return (try ordinary(), nil) }
        var use = CacheUse()
        if let reason = PieceState.statelessReason(definition) {
            // This pipeline's documented behaviour, not a fault: a note for --verbose only.
            use.notes.append("cache not used: \(reason); every input parsed")
            use.parsed = files.count
            return (try ordinary(), use)
        }
        let cache: InputCache
        do throws(CacheProblem) {
            cache = try InputCache(
                outputDirectory: request.outputDirectory, definition: definition, sketchHash: sketchPlan?.hash)
        } catch {
            // The reports do not need the cache, but whoever set it up should hear it is not working.
            use.notes.append("cache not used: \(error.message); every input parsed")
            use.parsed = files.count
            logger.warning("\(definition.name): \(use.notes[0])")
            return (try ordinary(), use)
        }
        var identities: [InputFileIdentity] = []
        let (pass, counts) = try PartialMerge.merge(
            files, definition: definition, rejects: rejects, outputDirectory: request.outputDirectory, roster: roster,
            logger: logger, sketchPlan: sketchPlan
        ) { _, file throws(RunFailure) in
            let sum = try wholeSHA256(of: file, definition: definition)
            identities.append(sum.identity)
            let name = cache.entryName(file, sha256: sum.sha256)
            use.entries.insert(name)
            switch cache.lookup(file, sha256: sum.sha256, size: sum.bytes) {
            case .hit(let piece):
                use.fromCache += 1
                return (sum.sha256, [piece])
            case .unusable(let why):
                use.notes.append("\(file.displayName): its cache entry could not be used (\(why)); parsed again")
            case .miss:
                break
            }
            use.parsed += 1
            return (
                sum.sha256,
                [try parse(file, sum: sum, cache: cache, sketchPlan: sketchPlan, use: &use, logger: logger)]
            )
        }
        use.readAgain = counts.read
        // The cache was read by name and content hash; the files must still be those versions.
        for (file, identity) in zip(files, identities) {
            if let change = identity.change(to: InputFileIdentity(path: file.path)) {
                throw RunFailure(.unreadableInput, "\(file.displayName): changed while it was read (\(change))")
            }
        }
        logger.info("\(definition.name): \(use.summary)")
        return (pass, use)
    }

    /// Parses all of `file` from a fresh start, as one shard piece, and stores it in the cache.
    private static func parse(
        _ file: InputFile, sum: (sha256: String, bytes: Int64, identity: InputFileIdentity), cache: InputCache,
        sketchPlan: CellSketchPlan?, use: inout CacheUse, logger: Logger
    ) throws(RunFailure) -> PartialMerge.ReadyPiece {
        let definition = cache.definition
        let piece = try ShardRun.read(
            ShardPlan.Piece(input: 0, start: nil, end: nil), of: file, definition: definition, keepingState: true,
            sketchPlan: sketchPlan)
        guard piece.fileRange == 0..<sum.bytes, piece.rangeSHA256 == sum.sha256 else {
            throw RunFailure(.unreadableInput, "\(file.displayName): changed while it was read")
        }
        if let problem = cache.store(piece, of: file, sha256: sum.sha256, identity: sum.identity) {
            use.notes.append(problem)
            logger.warning("\(definition.name): \(problem)")
        }
        return PartialMerge.ReadyPiece(source: "\(file.displayName) (parsed)", piece: piece)
    }

    /// The whole-file SHA-256 of `file`, its size and identity.
    /// - Throws: `RunFailure(.unreadableInput)` with ingest's own message when the file cannot be
    ///   opened as an input, else saying it changed while it was hashed.
    private static func wholeSHA256(of file: InputFile, definition: PipelineDefinition) throws(RunFailure)
        -> (sha256: String, bytes: Int64, identity: InputFileIdentity)
    {
        if let sum = FileChecksum.sha256(of: file.path) { return sum }
        // Opening it as an input names the reason as a run without the cache would.
        _ = try StreamingPass.open(file, definition: definition, threaded: false)
        throw RunFailure(.unreadableInput, "\(file.displayName): changed while it was hashed; run again")
    }
}
