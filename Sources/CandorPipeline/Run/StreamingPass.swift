import CandorAggregate
import CandorClean
import CandorCore
import CandorIngest
import Logging

/// The one pass over a pipeline's inputs: each batch of records goes through cleaning into the
/// aggregator, and is then dropped, so memory does not grow with the number of rows.
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

    static func run(
        definition: PipelineDefinition, files: [InputFile], threaded: Bool, rejects: RejectsWriter, logger: Logger,
        progress: ProgressReporter?
    ) throws(RunFailure) -> StreamingPass {
        let schema = definition.schema
        var winners: LatestResponses?
        if var finder = LatestResponseFinder(schema: schema) {
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
            winners = finder.result
        }
        let cleaner = Cleaner(
            schema: schema, latestWinners: winners,
            textSampleLimit: definition.freeText.allowed ? definition.freeText.quoteLimit : 0)
        var aggregator = Aggregator(plan: definition.plan)
        var responses = ResponseBatch(width: schema.fields.count)
        var shapes: [InputShape] = []
        var inputs: [RunLogEntry.Input] = []
        var writeFailure: OutputError?
        for file in files {
            let stream = try open(file, definition: definition, threaded: threaded)
            do { try cleaner.begin(input: file.displayName, layout: stream.layout) } catch {
                throw RunFailure(.configuration, error.description)
            }
            let readBefore = cleaner.accounting.read
            do {
                while let batch = try stream.next() {
                    try cleaner.clean(batch, into: &responses) { rejection in
                        guard writeFailure == nil else { return }
                        do throws(OutputError) { try rejects.append(rejection) } catch { writeFailure = error }
                    }
                    if let failure = writeFailure { throw RunFailure(failure.exitStatus, failure.description) }
                    aggregator.add(responses)
                    responses.removeAll()
                    if batch.count > 0 {
                        progress?.advance(
                            file: file.path, byteOffset: batch.provenance(batch.count - 1).byteOffset,
                            records: batch.count)
                    }
                }
            } catch let error as IngestError {
                throw RunFailure(.unreadableInput, error.description)
            } catch let error as CleanFailure {
                throw RunFailure(.dataQuality, error.description)
            } catch let error as RunFailure {
                throw error
            } catch {
                throw RunFailure(.internalError, "\(error)")
            }
            // The stream is exhausted here, so its shape is known.
            guard let shape = stream.shape else {
                throw RunFailure(.internalError, "\(file): input shape missing after reading")
            }
            shapes.append(shape)
            inputs.append(
                RunLogEntry.Input(
                    path: file.displayName, bytes: shape.bytes, sha256: shape.sha256,
                    records: cleaner.accounting.read - readBefore))
            progress?.finish(file: file.path)
        }
        let results = aggregator.results(labels: { cleaner.labels(ofField: $0) })
        let textSamples = schema.fields.indices.compactMap { index -> (field: String, answers: [String])? in
            guard case .text = schema.fields[index].kind, definition.freeText.allowed else { return nil }
            return (schema.fields[index].name, cleaner.textSamples(ofField: index))
        }
        return StreamingPass(
            accounting: cleaner.accounting, inputs: inputs, shapes: shapes, results: results, textSamples: textSamples)
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
