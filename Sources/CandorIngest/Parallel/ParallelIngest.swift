import CandorCore

/// One input read by two threads at once, for consumers whose results merge (counts,
/// accumulators): the data records are cut in two at a line start near the middle, each part
/// is parsed, checked and consumed on a thread of its own, and the partial results come back
/// in file order for the caller to merge. The file's SHA-256 is computed on a third thread.
///
/// The cut is verified, not trusted: the first part's parser must reach it between records,
/// outside any quoted field. When it does not (a quoted line break right at the cut), the
/// first part reads on to the end of the file and the second part's result is dropped, so the
/// outcome is always exactly what one sequential pass gives. Inputs that are transcoded or
/// smaller than `minimumPartBytes` are read in one part. (`PartedRead` is the general form,
/// for consumers whose parts differ.)
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
        let read = try PartedRead(
            path: path, options: options, displayName: displayName, minimumPartBytes: minimumPartBytes)
        var first = initial
        var later: [Part<Partial>] = []
        let shape: InputShape
        do {
            shape = try read.run(
                later: initial, consumeLater: consume, consume: { consume(&first, $0) },
                acceptLater: {
                    later.append($0)
                    return true
                })
        } catch let error as IngestError {
            throw error
        } catch {
            preconditionFailure("only reading throws here: \(error)")
        }
        return Outcome(
            layout: read.layout, parts: [Part(partial: first, lineBase: 0, recordBase: 0)] + later, shape: shape)
    }
}
