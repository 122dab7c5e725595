import CandorAggregate
import CandorClean
import CandorCore
import CandorHistory
import CandorIngest
import Logging

/// `candor run --shard I/N --partial PATH`: reads this shard's pieces of the inputs (see
/// `ShardPlan`) and writes what it made of them as a partial for `candor merge`.
///
/// It takes no lock and writes no report, run log or history: shards of one run write their
/// partials side by side, and only the merge publishes.
package enum ShardRun {
    /// Runs shard `shard` of `request`'s pipeline into the partial at `partialPath`.
    /// - Throws: `RunFailure` with the run's exit statuses.
    package static func run(_ request: RunRequest, shard: ShardSpec, partialPath: String, logger: Logger)
        throws(RunFailure) -> Partial
    {
        let definition = request.definition
        let files = try request.inputFiles()
        let plan = try ShardPlan(files: files, count: shard.count, options: definition.read)
        var inputs: [Partial.Input] = []
        for file in files {
            guard let identity = InputFileIdentity(path: file.path) else {
                throw RunFailure(.unreadableInput, "\(file.displayName): cannot be read")
            }
            inputs.append(
                Partial.Input(
                    path: file.path, displayName: file.displayName, size: identity.size,
                    modifiedSeconds: identity.modifiedSeconds, modifiedNanoseconds: identity.modifiedNanoseconds))
        }
        let states = states(request, logger: logger)
        var pieces: [Partial.Piece] = []
        for piece in plan.shards[shard.index - 1] {
            pieces.append(
                try read(
                    piece, of: files[piece.input], definition: definition, keepingState: states.keep,
                    sketchPlan: states.sketchPlan))
            logger.debug(
                "\(definition.name): shard \(shard.index)/\(shard.count) read \(files[piece.input].displayName)")
        }
        let partial = Partial(
            definitionSHA256: definition.sha256, shard: shard, inputs: inputs, pieces: pieces,
            sketchKeyDigest: states.sketchPlan?.hash.keyDigest)
        do {
            let writer = try AtomicFileWriter(path: partialPath, permissions: .ownerOnly)
            try writer.write(PartialFile.bytes(of: partial))
            try writer.commit()
        } catch {
            throw RunFailure(error.exitStatus, error.description)
        }
        return partial
    }

    /// Whether the shard keeps its pieces' states, and the sketches they carry. The merge reads a
    /// pipeline's pieces itself where their states do not merge exactly, so the shard only
    /// records them. With the history on, nightly holding needs every respondent sketched under
    /// the history's secret: the shard reads it from the history the merge will write (the same
    /// `--output`, or `output.history: PATH`), without writing anything. Before the first night
    /// there is no secret yet, and the merge reads the pieces itself.
    private static func states(_ request: RunRequest, logger: Logger) -> (keep: Bool, sketchPlan: CellSketchPlan?) {
        let definition = request.definition
        let passedOn = "the shard passes its pieces on unparsed and the merge reads them"
        if let reason = PieceState.statelessReason(definition) {
            logger.info("\(definition.name): \(passedOn) (\(reason))")
            return (false, nil)
        }
        guard let path = request.historyPath else { return (true, nil) }
        do {
            guard let key = try HistoryStore.storedHoldKey(path: path) else {
                logger.info(
                    "\(definition.name): no history at \(path) yet to sketch the respondents for holding; \(passedOn)")
                return (false, nil)
            }
            return (true, CellHolding.sketchPlan(definition: definition, key: key))
        } catch {
            logger.warning("\(definition.name): \(error.description); \(passedOn)")
            return (false, nil)
        }
    }

    /// Reads one piece into a fresh cleaner and aggregator (or only checks where it ends,
    /// without `keepingState`), and hashes the bytes it covers. Also how `output.cache` parses
    /// a new or changed input, as one piece.
    /// With `sketchPlan` (a pipeline with the history on) the piece's cleaner also sketches its
    /// respondents' cells.
    static func read(
        _ piece: ShardPlan.Piece, of file: InputFile, definition: PipelineDefinition, keepingState: Bool,
        sketchPlan: CellSketchPlan? = nil
    ) throws(RunFailure) -> Partial.Piece {
        let reader: PieceReader
        do {
            reader = try PieceReader(
                path: file.path, options: definition.read, displayName: file.displayName, start: piece.start,
                end: piece.end)
        } catch {
            throw RunFailure(.unreadableInput, error.description)
        }
        let cleaner = Cleaner(
            schema: definition.schema,
            textSampleLimit: definition.freeText.allowed ? definition.freeText.quoteLimit : 0, sketchPlan: sketchPlan)
        do { try cleaner.begin(input: file.displayName, layout: reader.layout) } catch {
            throw RunFailure(.configuration, error.description)
        }
        var aggregator = Aggregator(plan: definition.plan)
        var responses = ResponseBatch(width: definition.schema.fields.count)
        var rejections: [[UInt8]] = []
        var stopped = false
        do {
            while let batch = try reader.next() {
                guard keepingState, !stopped else { continue }
                do {
                    try cleaner.clean(batch, into: &responses) { rejections.append(SpillEncoding.encode($0)) }
                } catch {
                    stopped = true
                    continue
                }
                aggregator.add(responses)
                responses.removeAll()
            }
        } catch {
            throw RunFailure(.unreadableInput, error.description)
        }
        let shape = reader.shape
        let bias = reader.byteOffsetBias
        let end = reader.endedAtCut ? piece.end.map { $0 + bias } : nil
        let range = (piece.start.map { $0 + bias } ?? 0)..<(end ?? shape.bytes)
        guard let digest = FileChecksum.sha256(of: file.path, ranges: [range], whole: false) else {
            throw RunFailure(.unreadableInput, "\(file.displayName): changed or became unreadable while it was read")
        }
        return Partial.Piece(
            piece: piece, fileRange: range, rangeSHA256: digest.ranges[0], endedAtCut: reader.endedAtCut,
            lines: reader.linesRead, records: reader.recordsRead, lineEndings: shape.lineEndings,
            blankLines: shape.blankLines,
            state: keepingState
                ? PieceState.encode(cleaner: cleaner, aggregator: aggregator, rejections: rejections, stopped: stopped)
                : nil)
    }
}
