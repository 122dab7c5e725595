import CandorCore
import Foundation

/// One input read by two threads at once, for consumers whose results merge (counts,
/// accumulators): the data records are cut in two at a line start near the middle, each part
/// is parsed, checked and consumed on a thread of its own, and the partial results come back
/// in file order for the caller to merge. The file's SHA-256 is computed on a third thread.
///
/// The cut is verified, not trusted: the first part's parser must reach it between records,
/// outside any quoted field. When it does not (a quoted line break right at the cut), the
/// first part reads on to the end of the file and the second part's result is dropped, so the
/// outcome is always exactly what one sequential pass gives. Inputs that are transcoded or
/// smaller than `minimumPartBytes` are read in one part.
///
/// ```swift
/// let outcome = try ParallelIngest.read(path: "export.csv", initial: 0) { count, batch in
///     count += batch.count
/// }
/// let records = outcome.parts.reduce(0) { $0 + $1.partial }
/// ```
package enum ParallelIngest {
    /// One part's consumer result, with what its records' lines and record numbers lack.
    package struct Part<Partial> {
        /// What the consumer made of the part.
        package var partial: Partial
        /// Added to the line numbers of the part's records to give the file's lines (0 for the
        /// first part; later parts number their first line 1).
        package var lineBase: Int
        /// Added to the part's record numbers to give the file's.
        package var recordBase: Int
    }

    /// What reading gave.
    package struct Outcome<Partial> {
        /// Header rows, format and columns.
        package var layout: HeaderLayout
        /// The parts in file order: one or two.
        package var parts: [Part<Partial>]
        /// What ingest saw of the whole file.
        package var shape: InputShape
    }

    /// Bytes each part reads at a time: smaller than a sequential read's, as two parts and
    /// the checksum each hold a buffer, and the whole footprint must stay under 32 MiB.
    static let partChunkSize = 256 * 1024

    /// Below this many bytes of data a second thread costs more than it saves.
    package static let defaultMinimumPartBytes: Int64 = 4 << 20

    /// Reads `path`, giving each part's batches, text checked, to `consume` on that part's
    /// thread, starting from a copy of `initial`.
    /// - Throws: `IngestError` when the file cannot be read (named `displayName` if given).
    package static func read<Partial: Sendable>(
        path: String, options: ReadOptions = ReadOptions(), displayName: String? = nil,
        minimumPartBytes: Int64 = defaultMinimumPartBytes, initial: Partial,
        consume: @escaping @Sendable (inout Partial, RecordBatch) -> Void
    ) throws(IngestError) -> Outcome<Partial> {
        let name = displayName ?? path
        do {
            return try readNamed(
                path: path, name: name, options: options, minimumPartBytes: minimumPartBytes, initial: initial,
                consume: consume)
        } catch {
            var named = error
            named.file = name
            throw named
        }
    }

    private static func readNamed<Partial: Sendable>(
        path: String, name: String, options: ReadOptions, minimumPartBytes: Int64, initial: Partial,
        consume: @escaping @Sendable (inout Partial, RecordBatch) -> Void
    ) throws(IngestError) -> Outcome<Partial> {
        var options = options
        options.chunkSize = min(options.chunkSize, partChunkSize)
        let first = try RecordReader(path: path, options: options, hashing: false)
        let checksum = BackgroundTask(name: "candor-checksum") {
            FileChecksum.sha256(of: path, chunkSize: partChunkSize)?.sha256 ?? ""
        }
        // Joined on every way out: a process must not exit while OpenSSL is hashing.
        defer { _ = checksum.wait() }
        var second: (reader: RecordReader, task: BackgroundTask<Result<Partial, IngestError>>)?
        if first.input.encoding == .utf8, first.input.fileSize - first.dataStart >= minimumPartBytes,
            let cut = PartCut.find(
                path: path, dataStart: first.dataStart, bomLength: first.input.bomLength,
                fileSize: first.input.fileSize)
        {
            let reader = try RecordReader(continuing: first, at: cut)
            first.stop(atPartEnd: cut)
            let transfer = ReaderTransfer(reader: reader)
            second = (
                reader,
                BackgroundTask(name: "candor-part-2") {
                    drain(transfer.reader, name: name, initial: initial, consume: consume)
                }
            )
        }
        let firstPartial = drain(first, name: name, initial: initial, consume: consume)
        let secondPartial = second?.task.wait()
        var shape = first.shape
        shape.sha256 = checksum.wait()
        var parts = [Part(partial: try firstPartial.get(), lineBase: 0, recordBase: 0)]
        if let second, let secondPartial, !first.overranPartEnd {
            parts.append(
                Part(
                    partial: try secondPartial.get(), lineBase: first.currentLine - 1,
                    recordBase: first.recordsRead))
            let tail = second.reader.shape
            shape.lineEndings.crlf += tail.lineEndings.crlf
            shape.lineEndings.lf += tail.lineEndings.lf
            shape.lineEndings.cr += tail.lineEndings.cr
            shape.blankLines += tail.blankLines
        }
        return Outcome(layout: first.layout, parts: parts, shape: shape)
    }

    /// Reads every batch of `reader` into a copy of `initial`.
    private static func drain<Partial>(
        _ reader: RecordReader, name: String, initial: Partial, consume: (inout Partial, RecordBatch) -> Void
    ) -> Result<Partial, IngestError> {
        var partial = initial
        do {
            while let storage = try reader.nextBatch() {
                let batch = RecordBatch(file: name, storage: storage, byteOffsetBias: reader.byteOffsetBias)
                batch.validateText()
                consume(&partial, batch)
            }
        } catch {
            return .failure(error)
        }
        return .success(partial)
    }

    /// Carries a reader to its thread. Safe: after the hand-over only that thread uses it
    /// until `BackgroundTask.wait()` returns.
    private struct ReaderTransfer: @unchecked Sendable { let reader: RecordReader }
}
