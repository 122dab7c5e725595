import CandorAggregate
import CandorClean
import CandorCore
import CandorIngest
import CandorReport
import Logging

/// The one pass over a pipeline's inputs: each batch of records goes through cleaning into the
/// aggregator, and is then dropped, so memory does not grow with the number of rows.
///
/// A large UTF-8 input is read in two parts at once, each cleaned and aggregated on its own
/// thread and merged (`StreamingPass+Parts.swift`); every other input is parsed on one thread
/// and cleaned and aggregated on the calling one. Both give the same bytes out.
struct StreamingPass {
    /// Where every record went.
    var accounting: CleanAccounting
    /// Per input: path, size, checksum and records read.
    var inputs: [RunLogEntry.Input]
    /// What ingest saw of each input.
    var shapes: [InputShape]
    /// The metrics, privacy applied.
    var results: [MetricResult]
    /// Per text field: its name and the answers kept (only when the pipeline opted in).
    var textSamples: [(field: String, answers: [String])]
    /// Per field a roster maps (`AggregationPlan.headcountFields`): accepted respondents per
    /// category label, in code order.
    var headcounts: [Int: [(label: String, respondents: Int)]] = [:]
    /// Raking to the roster (`weighting:`): its margins and fit; `nil` without it.
    var weighting: WeightingSection?
    /// With the history on: the sketches of every cell's respondents (`CellSketches`).
    var cellSketches: CellSketches?

    /// The state the pass carries from batch to batch.
    final class Sink {
        /// The run's cleaner, input after input.
        let cleaner: Cleaner
        /// The run's aggregates.
        var aggregator: Aggregator
        /// Where rejected records go, in file order.
        let rejects: RejectsWriter
        /// Progress on a terminal, if any.
        let progress: ProgressReporter?
        /// Under `weighting:`, where accepted responses wait for their weights (the aggregator
        /// sees them only at the end of the pass).
        let raking: RakingPass?
        private var responses: ResponseBatch

        /// Creates the state for a run of `plan`, cleaning with `cleaner`.
        init(
            cleaner: Cleaner, plan: AggregationPlan, rejects: RejectsWriter, progress: ProgressReporter?,
            raking: RakingPass? = nil
        ) {
            self.cleaner = cleaner
            aggregator = Aggregator(plan: plan)
            self.rejects = rejects
            self.progress = progress
            self.raking = raking
            responses = ResponseBatch(width: cleaner.schema.fields.count)
        }

        /// Cleans and aggregates one batch of `file`, writing its rejections. `halves` is 2 while
        /// the first half of a file read in two parts is consumed: the second advances at about
        /// the same pace on its own thread, so progress counts the bytes and records twice.
        /// - Throws: `CleanFailure` for a value under `on_invalid: fail`, `RunFailure` when the
        ///   rejects file cannot be written.
        func consume(_ batch: RecordBatch, of file: InputFile, halves: Int = 1) throws {
            var writeFailure: OutputError?
            try cleaner.clean(batch, into: &responses) { rejection in
                guard writeFailure == nil else { return }
                do throws(OutputError) { try rejects.append(rejection) } catch { writeFailure = error }
            }
            if let failure = writeFailure { throw RunFailure(failure.exitStatus, failure.description) }
            if let raking { try raking.add(responses) } else { aggregator.add(responses) }
            responses.removeAll()
            if batch.count > 0 {
                progress?.advance(
                    file: file.path, byteOffset: batch.provenance(batch.count - 1).byteOffset * Int64(halves),
                    records: batch.count * halves)
            }
        }
    }

    /// Runs the pass. With `threaded`, inputs with `minimumPartBytes` of data or more are read
    /// in two parts at once; `outputDirectory` holds the run's temporary files; `roster` gives
    /// the margins under `weighting:`.
    static func run(
        definition: PipelineDefinition, files: [InputFile], threaded: Bool,
        minimumPartBytes: Int64 = ParallelIngest.defaultMinimumPartBytes, outputDirectory: String,
        rejects: RejectsWriter, roster: Roster? = nil, logger: Logger, progress: ProgressReporter?,
        sketchPlan: CellSketchPlan? = nil
    ) throws(RunFailure) -> StreamingPass {
        let schema = definition.schema
        let winners = try latestWinners(definition: definition, files: files, threaded: threaded, logger: logger)
        let cleaner = Cleaner(
            schema: schema, latestWinners: winners,
            textSampleLimit: definition.freeText.allowed ? definition.freeText.quoteLimit : 0, sketchPlan: sketchPlan)
        let sink = Sink(
            cleaner: cleaner, plan: definition.plan, rejects: rejects, progress: progress,
            raking: try RakingPass.start(definition, directory: outputDirectory))
        // Parts merge exactly only where every sum is a sum of integers, and `keep: latest`
        // needs its winners from a first pass anyway; raking keeps its responses in one order.
        let parted = threaded && winners == nil && schema.weightField == nil && sink.raking == nil
        var shapes: [InputShape] = []
        var inputs: [RunLogEntry.Input] = []
        for (number, file) in files.enumerated() {
            let readBefore = cleaner.accounting.read
            let notUTF8Before = cleaner.accounting.rejectedByReason[.invalidEncoding] ?? 0
            let shape: InputShape
            do {
                if parted,
                    let read = try PartedRead.openIfWorthIt(
                        file, definition: definition, minimumPartBytes: minimumPartBytes)
                {
                    shape = try readInParts(
                        read, file: file, isLastInput: number == files.count - 1, sink: sink,
                        spillDirectory: outputDirectory, logger: logger)
                } else {
                    shape = try readInOnePart(file, definition: definition, threaded: threaded, sink: sink)
                }
            } catch {
                throw runFailure(error)
            }
            let notUTF8 = (cleaner.accounting.rejectedByReason[.invalidEncoding] ?? 0) - notUTF8Before
            if shape.encodingGuess == .utf8, notUTF8 > 0 {
                throw RunFailure(.unreadableInput, guessContradicted(file, records: notUTF8))
            }
            shapes.append(shape)
            inputs.append(
                RunLogEntry.Input(
                    path: file.displayName, bytes: shape.bytes, sha256: shape.sha256,
                    records: cleaner.accounting.read - readBefore))
            progress?.finish(file: file.path)
        }
        return try finished(sink, definition: definition, inputs: inputs, shapes: shapes, roster: roster)
    }

    /// The pass's outcome once `sink` has seen every input: the results, privacy applied.
    /// Under `weighting:`, the responses kept aside are first weighted and aggregated.
    /// - Throws: `RunFailure` when raking does not converge or its responses cannot be read back.
    static func finished(
        _ sink: Sink, definition: PipelineDefinition, inputs: [RunLogEntry.Input], shapes: [InputShape],
        roster: Roster?
    ) throws(RunFailure) -> StreamingPass {
        let schema = definition.schema
        let cleaner = sink.cleaner
        let weighting = try RakingPass.finish(sink, definition: definition, roster: roster)
        let results = sink.aggregator.results(labels: { cleaner.labels(ofField: $0) })
        let textSamples = schema.fields.indices.compactMap { index -> (field: String, answers: [String])? in
            guard case .text = schema.fields[index].kind, definition.freeText.allowed else { return nil }
            return (schema.fields[index].name, cleaner.textSamples(ofField: index))
        }
        var headcounts: [Int: [(label: String, respondents: Int)]] = [:]
        for field in definition.plan.headcountFields {
            let counts = sink.aggregator.respondents(ofField: field)
            headcounts[field] = cleaner.labels(ofField: field).enumerated().map { code, label in
                (label, code < counts.count ? counts[code] : 0)
            }
        }
        return StreamingPass(
            accounting: cleaner.accounting, inputs: inputs, shapes: shapes, results: results, textSamples: textSamples,
            headcounts: headcounts, weighting: weighting, cellSketches: cleaner.cellSketches)
    }

    /// Why a run stops when an input read as UTF-8 from its first bytes (it declared nothing)
    /// turns out to hold bytes that are not: it may be Windows-1252 after all, and rejecting
    /// every record with an accented letter would move the figures without a word.
    static func guessContradicted(_ file: InputFile, records: Int) -> String {
        "\(file.displayName): was read as utf-8 (its first \(EncodingSniffer.guessWindow / 1024) KiB are), but "
            + "\(records) record(s) further on are not utf-8; \(EncodingSniffer.hint) (utf-8 rejects just those records)"
    }

    /// For `keep: latest`: the winning record of each respondent, from a first pass over ids and
    /// timestamps; `nil` under any other dedupe rule.
    static func latestWinners(
        definition: PipelineDefinition, files: [InputFile], threaded: Bool, logger: Logger
    ) throws(RunFailure) -> LatestResponses? {
        guard var finder = LatestResponseFinder(schema: definition.schema) else { return nil }
        logger.debug("\(definition.name): dedupe keeps the latest response; reading ids and timestamps first")
        for file in files {
            let stream = try open(file, definition: definition, threaded: threaded)
            do { try finder.begin(input: file.displayName, layout: stream.layout) } catch {
                throw RunFailure(.configuration, error.description)
            }
            do { while let batch = try stream.next() { finder.observe(batch) } } catch {
                throw RunFailure(.unreadableInput, error.description)
            }
        }
        return finder.result
    }

    /// Reads `file` on one thread (or parses on a second with `threaded`) into `sink`.
    private static func readInOnePart(
        _ file: InputFile, definition: PipelineDefinition, threaded: Bool, sink: Sink
    ) throws -> InputShape {
        let stream = try open(file, definition: definition, threaded: threaded)
        do { try sink.cleaner.begin(input: file.displayName, layout: stream.layout) } catch {
            throw RunFailure(.configuration, error.description)
        }
        if let bytes = stream.dataBytes { sink.cleaner.expect(dataBytes: bytes) }
        while let batch = try stream.next() { try sink.consume(batch, of: file) }
        // The stream is exhausted here, so its shape is known.
        guard let shape = stream.shape else {
            throw RunFailure(.internalError, "\(file.displayName): input shape missing after reading")
        }
        return shape
    }

    /// The run's failure for an error reading, cleaning or writing an input gave.
    static func runFailure(_ error: any Error) -> RunFailure {
        switch error {
        case let error as RunFailure: error
        case let error as IngestError: RunFailure(.unreadableInput, error.description)
        case let error as CleanFailure: RunFailure(.dataQuality, error.description)
        case let error as OutputError: RunFailure(error.exitStatus, error.description)
        default: RunFailure(.internalError, "\(error)")
        }
    }

    static func open(_ file: InputFile, definition: PipelineDefinition, threaded: Bool) throws(RunFailure)
        -> IngestStream
    {
        do {
            return try IngestStream(
                path: file.path, options: definition.read, threaded: threaded, displayName: file.displayName)
        } catch {
            throw RunFailure(.unreadableInput, error.description)
        }
    }
}
