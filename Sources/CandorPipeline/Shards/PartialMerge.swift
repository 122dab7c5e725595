import CandorAggregate
import CandorClean
import CandorCore
import CandorIngest
import Logging

/// `candor merge`: the shards' partials merged, in input order, into the one pass a single run
/// would have made, so the reports, rejects file and run log are byte for byte a single run's.
///
/// Each piece is merged as the two-part read merges its later part: when its respondents are
/// new to the pieces before it and its category codes can be recoded, its counts, ids,
/// aggregates and rejections (renumbered by the lines and records before it) are absorbed;
/// otherwise the merge reads the piece's bytes itself, after the pieces before it, so dedupe
/// across shards keeps the first occurrence in input order. A piece that ran past its cut
/// covers the rest of its file, and the pieces after it are dropped.
package enum PartialMerge {
    /// The partials, checked: the inputs, each one's whole-file SHA-256, and every piece in
    /// input order with the partial it came from.
    struct Checked {
        /// The run's inputs, from the partials.
        var inputs: [Partial.Input]
        /// Per input: the SHA-256 of the whole file, as the merge hashed it.
        var wholeSHA256: [String]
        /// Every piece in input order, its states left in its partial's file.
        var pieces: [ReadyPiece]
        /// The partials whose states were set aside: sketched under another history's secret.
        var unsketched: [String]
    }

    /// One piece as the merge takes it: what its shard (or the cache) recorded of it, with its
    /// states still encoded (in memory, or left in the partial's file), read and decoded when
    /// the merge reaches it, so only one piece's states are held at a time; or already decoded
    /// by a source that had to check them.
    struct ReadyPiece {
        /// The partial (or cache entry) it came from, for messages.
        var source: String
        /// The piece's record, its states encoded when in memory.
        var piece: Partial.Piece
        /// Its states in the partial's file, when they were left there.
        var stored: StoredState?
        /// The states, when the source decoded them already.
        var decoded: PieceState?

        /// A piece from `source`.
        init(source: String, piece: Partial.Piece, stored: StoredState? = nil, decoded: PieceState? = nil) {
            self.source = source
            self.piece = piece
            self.stored = stored
            self.decoded = decoded
        }
    }

    /// What a merge did with its pieces.
    struct Counts: Sendable, Equatable {
        /// Pieces whose states were absorbed.
        var absorbed = 0
        /// Pieces read again from their input.
        var read = 0
    }

    /// Checks and merges the partials at `paths` into the pass of `definition`, writing the
    /// rejected rows to `rejects` in file order; under `weighting:`, the responses wait in
    /// `outputDirectory` for their weights as in a single run, and `roster` gives the margins.
    /// - Throws: `RunFailure` with the documented exit status.
    static func pass(
        _ paths: [String], definition: PipelineDefinition, rejects: RejectsWriter, outputDirectory: String,
        roster: Roster?, logger: Logger, sketchPlan: CellSketchPlan? = nil
    ) throws(RunFailure) -> StreamingPass {
        let checked = try load(paths, definition: definition, sketchKeyDigest: sketchPlan?.hash.keyDigest)
        for name in checked.unsketched {
            logger.info(
                "\(name): its cell sketches were made under another history's secret than \(definition.name)'s (or none); its pieces are read again"
            )
        }
        let files = checked.inputs.map { InputFile(path: $0.path, displayName: $0.displayName) }
        let (pass, counts) = try merge(
            files, definition: definition, rejects: rejects, outputDirectory: outputDirectory, roster: roster,
            logger: logger, sketchPlan: sketchPlan
        ) { number, file throws(RunFailure) in
            (checked.wholeSHA256[number], checked.pieces.filter { $0.piece.piece.input == number })
        }
        logger.info("\(definition.name): merged \(counts.absorbed) piece(s) from partials, read \(counts.read) again")
        return pass
    }

    /// Merges, input after input in order, the pieces `pieces(number, file)` gives for each (with
    /// the file's whole SHA-256) into one pass of `definition`, writing the rejected rows to
    /// `rejects` in file order. `candor merge` gives the shards' pieces; `output.cache` gives each
    /// input's cached (or freshly parsed) piece. An input's pieces are asked for only when its
    /// turn comes, so only one input's states are decoded at a time. Under `weighting:`, the
    /// responses wait in `outputDirectory` for their weights, and `roster` gives the margins.
    /// With the history on, `sketchPlan` sketches the respondents of the pieces read here (the
    /// only pieces such a pipeline has: `PieceState.statelessReason`).
    /// - Throws: `RunFailure` with the run's exit statuses.
    static func merge(
        _ files: [InputFile], definition: PipelineDefinition, rejects: RejectsWriter, outputDirectory: String,
        roster: Roster?, logger: Logger, sketchPlan: CellSketchPlan? = nil,
        pieces: (Int, InputFile) throws(RunFailure) -> (sha256: String, pieces: [ReadyPiece])
    ) throws(RunFailure) -> (pass: StreamingPass, counts: Counts) {
        let winners = try StreamingPass.latestWinners(
            definition: definition, files: files, threaded: false, logger: logger)
        let cleaner = Cleaner(
            schema: definition.schema, latestWinners: winners,
            textSampleLimit: definition.freeText.allowed ? definition.freeText.quoteLimit : 0, sketchPlan: sketchPlan)
        let sink = StreamingPass.Sink(
            cleaner: cleaner, plan: definition.plan, rejects: rejects, progress: nil,
            raking: try RakingPass.start(definition, directory: outputDirectory))
        var inputs: [RunLogEntry.Input] = []
        var shapes: [InputShape] = []
        var counts = Counts()
        for (number, file) in files.enumerated() {
            let readBefore = cleaner.accounting.read
            let notUTF8Before = cleaner.accounting.rejectedByReason[.invalidEncoding] ?? 0
            let (sha256, own) = try pieces(number, file)
            var shape = try mergeFile(
                file, pieces: own, definition: definition, sink: sink, counts: &counts, logger: logger)
            let notUTF8 = (cleaner.accounting.rejectedByReason[.invalidEncoding] ?? 0) - notUTF8Before
            if shape.encodingGuess == .utf8, notUTF8 > 0 {
                throw RunFailure(.unreadableInput, StreamingPass.guessContradicted(file, records: notUTF8))
            }
            shape.sha256 = sha256
            shapes.append(shape)
            inputs.append(
                RunLogEntry.Input(
                    path: file.displayName, bytes: shape.bytes, sha256: shape.sha256,
                    records: cleaner.accounting.read - readBefore))
        }
        let pass = try StreamingPass.finished(
            sink, definition: definition, inputs: inputs, shapes: shapes, roster: roster)
        return (pass, counts)
    }

    /// Merges one input's pieces into `sink`; returns what ingest saw of the file (its
    /// checksum left for the caller).
    private static func mergeFile(
        _ file: InputFile, pieces: [ReadyPiece], definition: PipelineDefinition, sink: StreamingPass.Sink,
        counts: inout Counts, logger: Logger
    ) throws(RunFailure) -> InputShape {
        let header = try open(file, definition: definition, start: nil, end: nil, lines: 0, records: 0)
        do { try sink.cleaner.begin(input: file.displayName, layout: header.layout) } catch {
            throw RunFailure(.configuration, error.description)
        }
        var shape = header.shape
        var (lines, records) = (0, 0)
        for ready in pieces {
            let piece = ready.piece
            let absorbed = try absorb(
                ready, file: file, definition: definition, sink: sink, lines: lines, records: records, logger: logger)
            let endedAtCut: Bool
            if absorbed {
                counts.absorbed += 1
                (lines, records) = (lines + piece.lines, records + piece.records)
                shape.lineEndings.crlf += piece.lineEndings.crlf
                shape.lineEndings.lf += piece.lineEndings.lf
                shape.lineEndings.cr += piece.lineEndings.cr
                shape.blankLines += piece.blankLines
                endedAtCut = piece.endedAtCut
            } else {
                counts.read += 1
                let reader = try open(
                    file, definition: definition, start: piece.piece.start, end: piece.piece.end, lines: lines,
                    records: records)
                do {
                    while let batch = try reader.next() { try sink.consume(batch, of: file) }
                } catch {
                    throw StreamingPass.runFailure(error)
                }
                (lines, records) = (lines + reader.linesRead, records + reader.recordsRead)
                let tail = reader.shape
                shape.lineEndings.crlf += tail.lineEndings.crlf
                shape.lineEndings.lf += tail.lineEndings.lf
                shape.lineEndings.cr += tail.lineEndings.cr
                shape.blankLines += tail.blankLines
                endedAtCut = reader.endedAtCut
            }
            if !endedAtCut { break }
        }
        return shape
    }

    /// Absorbs `ready`'s states into `sink` when that gives exactly what reading it would;
    /// `false` (logged with the reason) when the merge must read it.
    private static func absorb(
        _ ready: ReadyPiece, file: InputFile, definition: PipelineDefinition, sink: StreamingPass.Sink, lines: Int,
        records: Int, logger: Logger
    ) throws(RunFailure) -> Bool {
        func refuse(_ reason: String) -> Bool {
            logger.debug("\(file.displayName): reading the piece of \(ready.source) again (\(reason))")
            return false
        }
        var decoded = ready.decoded
        if decoded == nil {
            var encoded = ready.piece.state
            if encoded == nil, let stored = ready.stored { encoded = try stored.read() }
            guard let bytes = encoded else {
                return refuse(PieceState.statelessReason(definition) ?? Self.unsketchedReason)
            }
            do { decoded = try PieceState.decode(bytes, definition: definition, input: file.displayName) } catch {
                throw RunFailure(
                    .unreadableInput, "\(ready.source): corrupt (\(error.description)); run its shard again")
            }
        }
        guard let later = decoded else { return refuse("a value under on_invalid: fail") }
        // Holding must see every respondent: a piece without the cells' sketches is read here.
        if sink.cleaner.cellSketches != nil, later.cleaner.cellSketches == nil {
            return refuse("the piece carries no cell sketches")
        }
        let categoryCounts = sink.cleaner.categoryCounts.merging(later.cleaner.categoryCounts, uniquingKeysWith: +)
        guard later.aggregator.canRecode(categoryCounts: categoryCounts) else {
            return refuse("a category with too many values to recode")
        }
        if sink.cleaner.respondentOverlap(with: later.cleaner).isFound() {
            return refuse("a respondent id seen in an earlier piece")
        }
        for var rejection in later.rejections {
            rejection.rebase(lines: lines, records: records)
            do throws(OutputError) { try sink.rejects.append(rejection) } catch {
                throw RunFailure(error.exitStatus, error.description)
            }
        }
        let recoding = sink.cleaner.recoding(of: later.cleaner)
        sink.cleaner.absorb(later.cleaner, recoding: recoding, lines: lines, records: records)
        sink.aggregator.merge(later.aggregator, recoding: recoding)
        return true
    }

    /// Why a piece of a pipeline with the history on carries no states: its shard found no
    /// history secret to sketch its respondents with (a first night), or other than the merge's.
    static let unsketchedReason =
        "its shard had no cell sketches under this history's secret (the first night of a history, or another history)"

    private static func open(
        _ file: InputFile, definition: PipelineDefinition, start: Int64?, end: Int64?, lines: Int, records: Int
    ) throws(RunFailure) -> PieceReader {
        do {
            return try PieceReader(
                path: file.path, options: definition.read, displayName: file.displayName, start: start, end: end,
                lineBase: lines, recordBase: records)
        } catch {
            throw RunFailure(.unreadableInput, error.description)
        }
    }
}
