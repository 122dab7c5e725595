import CandorCore
import Foundation

/// One input file as a stream of validated `RecordBatch`es: the ingest stage's output.
///
/// Opening it reads the header rows (so a file that cannot be read at all fails at once, with
/// its layout known before any data flows). With `threaded`, libcsv runs on a thread of its own
/// and batches are handed over through a small bounded channel: parsing and the later stages
/// then use both cores, in a footprint that does not grow with the file.
package final class IngestStream {
    /// The input's name in provenance and messages: its path as the user wrote it.
    package let path: String
    /// The header rows, format and column names.
    package let layout: HeaderLayout
    /// The delimiter in use.
    package let delimiter: UInt8
    /// The encoding read.
    package let encoding: TextEncoding
    /// About how many bytes the data records take (see `RecordReader.dataBytes`).
    package let dataBytes: Int64?
    /// See `RecordReader.byteOffsetBias`.
    private let byteOffsetBias: Int64
    private var reader: RecordReader?
    private let channel: BatchChannel<Message>?
    /// Signalled when the parsing thread has ended (`nil` when not threaded).
    private let finished: DispatchSemaphore?
    private var finalShape: InputShape?

    private enum Message {
        case batch(BatchStorage)
        case end(InputShape)
        case failure(IngestError)
    }

    /// Carries the reader to its thread, which releases it (closing the file) when done.
    /// Safe: after the hand-over only that thread uses it.
    private final class ReaderTransfer: @unchecked Sendable {
        var reader: RecordReader?
        init(reader: RecordReader) { self.reader = reader }
    }

    /// Opens `path` and reads its header.
    /// - Throws: `IngestError` when the file is missing, a directory, unreadable, empty or has
    ///   no header.
    /// - Parameter displayName: the name records and messages carry, when it differs from the
    ///   path opened (a definition's inputs are resolved against its folder but reported as
    ///   written, so reports do not depend on where the checkout lives).
    package init(path: String, options: ReadOptions = ReadOptions(), threaded: Bool = false, displayName: String? = nil)
        throws(IngestError)
    {
        let reader: RecordReader
        do {
            reader = try RecordReader(path: path, options: options)
        } catch {
            throw error.naming(displayName ?? path)
        }
        self.path = displayName ?? path
        layout = reader.layout
        delimiter = reader.delimiter
        encoding = reader.input.encoding
        byteOffsetBias = reader.byteOffsetBias
        dataBytes = reader.dataBytes
        if threaded {
            let channel = BatchChannel<Message>(capacity: 3)
            self.channel = channel
            let transfer = ReaderTransfer(reader: reader)
            let finished = DispatchSemaphore(value: 0)
            self.finished = finished
            let thread = Thread {
                if let reader = transfer.reader { Self.produce(from: reader, into: channel) }
                // The reader is released before the signal, so its file is closed by then.
                transfer.reader = nil
                finished.signal()
            }
            thread.name = "candor-ingest"
            thread.start()
        } else {
            self.reader = reader
            channel = nil
            finished = nil
        }
    }

    /// Stops the parsing thread and frees the batches it made that were never taken (a run
    /// failing after the header, e.g. on a missing mapped column, leaked them), then waits for
    /// the thread, so no file stays open behind a dropped stream.
    deinit {
        guard let channel, let finished else { return }
        for case .batch(let storage) in channel.close() { storage.deallocate() }
        finished.wait()
    }

    /// The parsing thread's work: every batch, then the end or the failure, into `channel`.
    private static func produce(from reader: RecordReader, into channel: BatchChannel<Message>) {
        do throws(IngestError) {
            while let storage = try reader.nextBatch() {
                guard channel.send(.batch(storage)) else {
                    // The stream was dropped early (a failing run): nobody else will free it.
                    storage.deallocate()
                    return
                }
            }
            channel.send(.end(reader.shape))
        } catch {
            channel.send(.failure(error))
        }
    }

    /// The next batch, with every record's encoding checked; `nil` after the last.
    /// - Throws: `IngestError` when reading fails midway.
    package func next() throws(IngestError) -> RecordBatch? {
        do {
            return try nextBatch()
        } catch {
            throw error.naming(path)
        }
    }

    private func nextBatch() throws(IngestError) -> RecordBatch? {
        if finalShape != nil { return nil }
        if let reader {
            guard let storage = try reader.nextBatch() else {
                finalShape = reader.shape
                return nil
            }
            return validated(storage)
        }
        switch channel!.receive() {
        case .batch(let storage): return validated(storage)
        case .end(let shape):
            finalShape = shape
            return nil
        case .failure(let error):
            finalShape = nil
            throw error
        }
    }

    private func validated(_ storage: BatchStorage) -> RecordBatch {
        let batch = RecordBatch(file: path, storage: storage, byteOffsetBias: byteOffsetBias)
        batch.validateText(transcodedFromUTF16: encoding.isUTF16)
        return batch
    }

    /// What ingest saw of the file; available once `next()` has returned `nil`.
    package var shape: InputShape? { finalShape }
}
