import CandorCore
import Synchronization

/// One input read in up to two parts at once, for consumers whose state can be merged: the
/// records before a cut near the middle are consumed on the calling thread, the records after it
/// on a thread of their own into a separate state, and the caller then merges that state or
/// refuses it.
///
/// The cut is verified, not trusted (see `ParallelIngest`): when the first part's parser does
/// not reach it between records, the first part reads on to the end and the later state is
/// dropped. When the caller refuses the later state (it cannot be merged exactly), the first
/// part's reader reads on through the later part, on the calling thread. Either way every record
/// is consumed exactly once, in one of the two ways, with the lines and record numbers of one
/// sequential pass.
///
/// ```swift
/// let read = try PartedRead(path: "export.csv")
/// var total = 0
/// let shape = try read.run(
///     later: 0, consumeLater: { count, batch in count += batch.count },
///     consume: { total += $0.count }, acceptLater: { part in total += part.partial; return true })
/// ```
package final class PartedRead {
    /// The header rows, format and columns.
    package let layout: HeaderLayout
    /// The name records and messages carry.
    package let name: String
    private let path: String
    private let first: RecordReader
    private let cut: Int64?

    /// Opens `path` and reads its header; finds where it could be cut.
    /// - Parameter minimumPartBytes: inputs with fewer data bytes are read in one part, as are
    ///   transcoded ones.
    /// - Throws: `IngestError` when the file cannot be read (named `displayName` if given).
    package init(
        path: String, options: ReadOptions = ReadOptions(), displayName: String? = nil,
        minimumPartBytes: Int64 = ParallelIngest.defaultMinimumPartBytes
    ) throws(IngestError) {
        name = displayName ?? path
        self.path = path
        var options = options
        options.chunkSize = min(options.chunkSize, ParallelIngest.partChunkSize)
        do {
            first = try RecordReader(path: path, options: options, hashing: false)
        } catch {
            throw error.naming(name)
        }
        layout = first.layout
        if first.input.encoding == .utf8, first.input.fileSize - first.dataStart >= minimumPartBytes {
            cut = PartCut.find(
                path: path, dataStart: first.dataStart, bomLength: first.input.bomLength,
                fileSize: first.input.fileSize)
        } else {
            cut = nil
        }
    }

    /// Whether the input will be read in two parts (else `run` reads it all with `consume`).
    package var isParted: Bool { cut != nil }

    /// Where the second part starts, as a byte offset in the file, when there is one.
    package var cutOffset: Int64? { cut.map { $0 + first.byteOffsetBias } }

    /// About how many bytes of data records each part holds: the first part's (all of them
    /// when the input is read in one part) and the later part's, if there is one.
    package var partDataBytes: (first: Int64, later: Int64?) {
        let all = first.dataBytes ?? 0
        guard let cut else { return (all, nil) }
        let before = max(0, cut - first.dataStart)
        return (before, max(0, all - before))
    }

    /// Reads the whole input once.
    ///
    /// - Parameters:
    ///   - later: the later part's starting state, moved to its thread (unused when the input
    ///     is read in one part).
    ///   - consumeLater: called on the later part's thread with each of its batches, text
    ///     checked; its lines and record numbers count from 1 at the cut.
    ///   - consume: called on the calling thread with every other batch, text checked.
    ///   - acceptLater: given the later part's final state and what its lines and record
    ///     numbers lack; `true` takes it (the caller merges it), `false` has `consume` read the
    ///     later part's records instead.
    /// - Returns: what ingest saw of the whole file.
    /// - Throws: an `IngestError` naming the file when reading fails, or what `consume` or
    ///   `acceptLater` threw; the later part's thread has ended by then.
    package func run<Later: Sendable>(
        later: Later, consumeLater: @escaping @Sendable (inout Later, RecordBatch) -> Void,
        consume: (RecordBatch) throws -> Void, acceptLater: (ParallelIngest.Part<Later>) throws -> Bool
    ) throws -> InputShape {
        let path = path
        let checksum = BackgroundTask(name: "candor-checksum") {
            FileChecksum.sha256(of: path, chunkSize: ParallelIngest.partChunkSize)
        }
        // Joined on every way out: a process must not exit while OpenSSL is hashing.
        defer { _ = checksum.wait() }
        let stop = StopSignal()
        var second: (reader: RecordReader, task: BackgroundTask<Result<Later, IngestError>>)?
        if let cut {
            let reader: RecordReader
            do { reader = try RecordReader(continuing: first, at: cut) } catch { throw error.naming(name) }
            first.stop(atPartEnd: cut)
            let transfer = ReaderTransfer(reader: reader)
            let name = name
            second = (
                reader,
                BackgroundTask(name: "candor-part-2") {
                    Self.drain(transfer.reader, name: name, stop: stop, initial: later, consume: consumeLater)
                }
            )
        }
        // The later part's thread is stopped and joined before any error leaves.
        defer {
            stop.raise()
            _ = second?.task.wait()
        }
        try drainFirst(consume)
        var shape = first.shape
        if let second, !first.overranPartEnd {
            let result = second.task.wait()
            let part = result.map {
                ParallelIngest.Part(partial: $0, lineBase: first.currentLine - 1, recordBase: first.recordsRead)
            }
            if case .success(let part) = part, try acceptLater(part) {
                let tail = second.reader.shape
                shape.lineEndings.crlf += tail.lineEndings.crlf
                shape.lineEndings.lf += tail.lineEndings.lf
                shape.lineEndings.cr += tail.lineEndings.cr
                shape.blankLines += tail.blankLines
            } else {
                first.readOnPastPartEnd()
                try drainFirst(consume)
                shape = first.shape
            }
        }
        shape.sha256 = try checkedChecksum(checksum.wait())
        return shape
    }

    /// The checksum's digest, once the file is known to be the version every part read: the
    /// parts and the checksum each read the file on their own, so each must have seen the
    /// identity the first reader opened, and the file must still have it now.
    private func checkedChecksum(
        _ checksum: (sha256: String, bytes: Int64, identity: InputFileIdentity)?
    ) throws(IngestError) -> String {
        do throws(IngestError) {
            try first.input.verifyUnchanged()
            guard let checksum, checksum.identity == first.input.identity else {
                throw IngestError(changed: path, how: "its checksum was taken from another version")
            }
            return checksum.sha256
        } catch {
            throw error.naming(name)
        }
    }

    /// Reads the first reader's batches into `consume` until it stops.
    private func drainFirst(_ consume: (RecordBatch) throws -> Void) throws {
        while let storage = try nextBatchOfFirst() {
            let batch = RecordBatch(file: name, storage: storage, byteOffsetBias: first.byteOffsetBias)
            batch.validateText(transcodedFromUTF16: first.input.encoding.isUTF16)
            try consume(batch)
        }
    }

    private func nextBatchOfFirst() throws(IngestError) -> BatchStorage? {
        do { return try first.nextBatch() } catch { throw error.naming(name) }
    }

    /// Reads every batch of `reader` into a copy of `initial`, until the end or a stop.
    private static func drain<State>(
        _ reader: RecordReader, name: String, stop: StopSignal, initial: State,
        consume: (inout State, RecordBatch) -> Void
    ) -> Result<State, IngestError> {
        var state = initial
        do {
            while !stop.isRaised, let storage = try reader.nextBatch() {
                let batch = RecordBatch(file: name, storage: storage, byteOffsetBias: reader.byteOffsetBias)
                batch.validateText(transcodedFromUTF16: reader.input.encoding.isUTF16)
                consume(&state, batch)
            }
        } catch {
            return .failure(error.naming(name))
        }
        return .success(state)
    }

    /// Tells the later part's thread that its result is no longer wanted.
    private final class StopSignal: Sendable {
        private let raised = Atomic<Bool>(false)
        var isRaised: Bool { raised.load(ordering: .relaxed) }
        func raise() { raised.store(true, ordering: .relaxed) }
    }

    /// Carries a reader to its thread. Safe: after the hand-over only that thread uses it
    /// until `BackgroundTask.wait()` returns.
    private struct ReaderTransfer: @unchecked Sendable { let reader: RecordReader }
}
