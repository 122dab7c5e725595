import CandorAggregate
import CandorClean
import CandorCore
import CandorIngest
import Logging

/// Reading one input in two parts at once: the records after a cut near the middle are cleaned
/// and aggregated on a second thread by a cleaner and aggregator of their own, their rejections
/// kept in a spill file; once the first part is done the later part is merged in file order,
/// or, when it cannot be merged exactly, read again after the first.
extension StreamingPass {
    /// The later part's state, on its thread.
    final class LaterPart: @unchecked Sendable {
        // Safe: made on the run's thread, then used only by the later part's thread until
        // `PartedRead.run` has joined it, and only by the run's thread after that.
        /// The later part's own cleaner (see `Cleaner.laterPart()`).
        let cleaner: Cleaner
        /// The later part's own aggregates, in its cleaner's category codes.
        var aggregator: Aggregator
        /// The later part's rejections, until they can be written in file order.
        let spill: RejectionSpill
        private var responses: ResponseBatch
        /// Why the part cannot be merged, once it is known that it cannot.
        private(set) var refusal: String?

        /// Creates an empty later part.
        init(cleaner: Cleaner, plan: AggregationPlan, spill: RejectionSpill) {
            self.cleaner = cleaner
            aggregator = Aggregator(plan: plan)
            self.spill = spill
            responses = ResponseBatch(width: cleaner.schema.fields.count)
        }

        /// Cleans and aggregates one of the later part's batches.
        func consume(_ batch: RecordBatch) {
            guard refusal == nil else { return }
            do {
                try cleaner.clean(batch, into: &responses) { spill.append($0) }
            } catch {
                // Read again after the first part, the value stops the run with its real line.
                refusal = "a value under on_invalid: fail"
                return
            }
            aggregator.add(responses)
            responses.removeAll()
        }
    }

    /// Reads `read` (a parted input) into `sink`, the later part on a second thread.
    /// With `isLastInput`, the later part's respondent ids are checked but not kept.
    static func readInParts(
        _ read: PartedRead, file: InputFile, isLastInput: Bool, sink: Sink, spillDirectory: String, logger: Logger
    ) throws -> InputShape {
        do { try sink.cleaner.begin(input: file.displayName, layout: read.layout) } catch {
            throw RunFailure(.configuration, error.description)
        }
        let later = LaterPart(
            cleaner: sink.cleaner.laterPart(), plan: sink.aggregator.plan,
            spill: try RejectionSpill(directory: spillDirectory))
        let bytes = read.partDataBytes
        sink.cleaner.expect(dataBytes: bytes.first)
        if let laterBytes = bytes.later { later.cleaner.expect(dataBytes: laterBytes) }
        return try read.run(
            later: later, consumeLater: { part, batch in part.consume(batch) },
            consume: { batch in
                // Past the cut only when the second half is read again, after the first.
                let beforeCut = batch.count > 0 && batch.provenance(0).byteOffset < read.cutOffset ?? 0
                try sink.consume(batch, of: file, halves: beforeCut ? 2 : 1)
            },
            acceptLater: { part in
                try accept(part, file: file, isLastInput: isLastInput, sink: sink, logger: logger)
            })
    }

    /// Merges the later part into `sink` when that gives exactly what a sequential pass gives;
    /// `false` (logged with the reason) when it does not, and the part must be read again.
    ///
    /// The respondent-id check is the longest step, so it runs on a thread of its own while
    /// the category codes are worked out; nothing that cannot be undone happens before its
    /// answer. The aggregates are merged in place after it: merging into a copy alongside the
    /// check would hold two copies of every group's sums, the largest transient of a run with a
    /// hundred thousand managers, for a merge that takes a few hundredths of a second.
    private static func accept(
        _ part: ParallelIngest.Part<LaterPart>, file: InputFile, isLastInput: Bool, sink: Sink, logger: Logger
    ) throws -> Bool {
        let later = part.partial
        func refuse(_ reason: String) -> Bool {
            logger.debug("\(file.displayName): reading the second half again after the first (\(reason))")
            return false
        }
        if let refusal = later.refusal { return refuse(refusal) }
        if later.spill.failure != nil { return refuse("its rejections could not be kept") }
        let counts = sink.cleaner.categoryCounts.merging(later.cleaner.categoryCounts, uniquingKeysWith: +)
        guard later.aggregator.canRecode(categoryCounts: counts) else {
            return refuse("a category with too many values to recode")
        }
        let overlap = sink.cleaner.respondentOverlap(with: later.cleaner)
        let check = BackgroundTask(name: "candor-id-check") { overlap.isFound() }
        let recoding = sink.cleaner.recoding(of: later.cleaner)
        if check.wait() { return refuse("a respondent id (or, under all_fields, a row) seen in both halves") }
        try later.spill.replay { rejection in
            var rejection = rejection
            rejection.rebase(lines: part.lineBase, records: part.recordBase)
            do throws(OutputError) { try sink.rejects.append(rejection) } catch {
                throw RunFailure(error.exitStatus, error.description)
            }
        }
        sink.cleaner.absorb(
            later.cleaner, recoding: recoding, lines: part.lineBase, records: part.recordBase, keepingIDs: !isLastInput)
        sink.aggregator.merge(later.aggregator, recoding: recoding)
        logger.debug("\(file.displayName): read in two parts, the second from line \(part.lineBase + 1)")
        return true
    }
}

extension PartedRead {
    /// `file` opened for reading in parts, or `nil` when it is not worth cutting (small or
    /// transcoded).
    static func openIfWorthIt(_ file: InputFile, definition: PipelineDefinition, minimumPartBytes: Int64)
        throws(RunFailure) -> PartedRead?
    {
        do {
            let read = try PartedRead(
                path: file.path, options: definition.read, displayName: file.displayName,
                minimumPartBytes: minimumPartBytes)
            return read.isParted ? read : nil
        } catch {
            throw RunFailure(.unreadableInput, error.description)
        }
    }
}
