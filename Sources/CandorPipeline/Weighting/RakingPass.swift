import CandorAggregate
import CandorClean
import CandorReport

/// Raking over one pass: the accepted responses are kept aside on disk while they are counted
/// per cell of the rake fields, and fed to the aggregator with their weights once the cells'
/// counts, and so the weights, are known.
///
/// A respondent's raking weight depends only on their cell, but the cells' counts are known
/// only at the end of the pass; keeping the responses (one word per field, in an
/// `AnonymousSpillFile`: owner-only, unlinked at once) and replaying them through the
/// aggregator's weighted path reuses every metric's weighted sums unchanged, where scaled
/// per-cell accumulators would need each metric kind to combine its own. Memory holds one count
/// per cell seen, never a row; the disk holds the accepted responses' words, once.
///
/// Not `Sendable`: the run's thread fills it and replays it.
final class RakingPass {
    /// The `weighting:` block.
    let spec: WeightingSpec
    /// Values per response.
    let width: Int
    private let spill: AnonymousSpillFile
    /// Respondents per combination of the rake fields' category codes (−1: unanswered).
    private var cells: [[Int]: Int] = [:]
    private var key: [Int]

    /// Starts a raking pass whose spill lives in `directory` (the output folder).
    /// - Throws: `RunFailure` (output error) when the spill file cannot be created.
    init(spec: WeightingSpec, width: Int, directory: String) throws(RunFailure) {
        self.spec = spec
        self.width = width
        do { spill = try AnonymousSpillFile(directory: directory) } catch {
            throw RunFailure(error.exitStatus, error.description)
        }
        key = Array(repeating: -1, count: spec.rake.count)
    }

    /// Keeps `batch`'s responses for the replay and counts them per cell.
    /// - Throws: `RunFailure` when the spill cannot be written (a full disk).
    func add(_ batch: ResponseBatch) throws(RunFailure) {
        guard batch.count > 0 else { return }
        do {
            try batch.withUnsafeValues { values, _ throws(OutputError) in
                for row in 0..<batch.count {
                    for (slot, rake) in spec.rake.enumerated() {
                        let word = values[row * width + rake.field]
                        key[slot] = word == Response.missing ? -1 : Int(word)
                    }
                    cells[key, default: 0] += 1
                }
                try spill.write(UnsafeRawBufferPointer(values))
            }
        } catch {
            throw RunFailure(error.exitStatus, error.description)
        }
    }

    /// The respondents counted per cell: each combination of codes seen, in code order.
    var cellCounts: [(codes: [Int], respondents: Int)] {
        cells.map { (codes: $0.key, respondents: $0.value) }.sorted { $0.codes.lexicographicallyPrecedes($1.codes) }
    }

    /// Feeds every kept response to `aggregator`, in the order kept, with the weight `weight`
    /// gives its rake fields' codes (−1 for unanswered).
    /// - Throws: `RunFailure` when the spill cannot be read back.
    func replay(into aggregator: inout Aggregator, weight: ([Int]) -> Double) throws(RunFailure) {
        let rowsPerChunk = 4096
        let rowBytes = width * MemoryLayout<Int64>.stride
        var batch = ResponseBatch(width: width, capacity: rowsPerChunk)
        let chunk = UnsafeMutableRawBufferPointer.allocate(
            byteCount: max(rowBytes, 1) * rowsPerChunk, alignment: MemoryLayout<Int64>.alignment)
        defer { chunk.deallocate() }
        do throws(OutputError) {
            try spill.rewind()
            while true {
                let got = try spill.read(into: chunk)
                guard got > 0, rowBytes > 0 else { break }
                guard got % rowBytes == 0 else {
                    throw .cannotRead(path: spill.displayPath, reason: "the kept responses end midway")
                }
                let words = chunk.bindMemory(to: Int64.self)
                for row in 0..<got / rowBytes {
                    let start = row * width
                    for (slot, rake) in spec.rake.enumerated() {
                        let word = words[start + rake.field]
                        key[slot] = word == Response.missing ? -1 : Int(word)
                    }
                    batch.append(UnsafeBufferPointer(rebasing: words[start..<start + width]), weight: weight(key))
                }
                aggregator.add(batch)
                batch.removeAll()
                if got < chunk.count { break }
            }
        } catch {
            throw RunFailure(error.exitStatus, error.description)
        }
    }
}

extension RakingPass {
    /// The raking pass a run of `definition` needs: `nil` without `weighting:`.
    /// - Throws: `RunFailure` when its spill cannot be created in `directory`.
    static func start(_ definition: PipelineDefinition, directory: String) throws(RunFailure) -> RakingPass? {
        guard let spec = definition.weighting else { return nil }
        return try RakingPass(spec: spec, width: definition.schema.fields.count, directory: directory)
    }

    /// Weights and aggregates the responses `sink` kept aside, into its aggregator; the report's
    /// weighting section, or `nil` when `sink` does not rake.
    /// - Throws: `RunFailure` when the fit does not converge or the responses cannot be read back.
    static func finish(_ sink: StreamingPass.Sink, definition: PipelineDefinition, roster: Roster?)
        throws(RunFailure) -> WeightingSection?
    {
        guard let raking = sink.raking else { return nil }
        guard let roster, let population = definition.population else {
            throw RunFailure(.internalError, "weighting: no roster was read for the margins; this is a bug")
        }
        let (weight, section) = try raking.weights(
            labels: { sink.cleaner.labels(ofField: $0) }, roster: roster, rosterPath: population.displayPath,
            schema: definition.schema)
        var plan = definition.plan
        plan.computedWeights = weight != nil
        var aggregator = Aggregator(plan: plan)
        try raking.replay(into: &aggregator, weight: weight ?? { _ in 1 })
        sink.aggregator = aggregator
        return section
    }
}
