import CandorCore

/// Reads one piece of an input: all its data records, or those between two cuts (decoded
/// offsets at line starts), for a shard of a run spread over processes or machines.
///
/// A piece that starts at a cut numbers its lines and records from 1 there, plus `lineBase` and
/// `recordBase` when the caller knows what came before (`candor merge`, reading a piece again).
/// Its end is verified as the two-part read verifies its cut: when the parser does not reach it
/// between records, the reader reads on to the end of the file and `endedAtCut` is false, so
/// the pieces after it in the file must be dropped.
package final class PieceReader {
    /// The header rows, format and columns.
    package let layout: HeaderLayout
    /// The name records and messages carry.
    package let name: String
    private let header: RecordReader
    private let reader: RecordReader
    private let lineBase: Int
    private let recordBase: Int

    /// Opens `path`, reads its header and positions the reader at `start` (`nil`: the first
    /// data record), to stop at `end` (`nil`: the end of the file).
    /// - Throws: `IngestError` naming the file when it cannot be read.
    package init(
        path: String, options: ReadOptions, displayName: String? = nil, start: Int64? = nil, end: Int64? = nil,
        lineBase: Int = 0, recordBase: Int = 0
    ) throws(IngestError) {
        name = displayName ?? path
        do {
            let header = try RecordReader(path: path, options: options, hashing: false)
            self.header = header
            if let start { reader = try RecordReader(continuing: header, at: start) } else { reader = header }
        } catch {
            throw error.naming(displayName ?? path)
        }
        layout = header.layout
        if let end { reader.stop(atPartEnd: end) }
        self.lineBase = lineBase
        self.recordBase = recordBase
    }

    /// The next batch, text checked and lines and record numbers moved by the bases, or `nil`
    /// at the piece's end.
    package func next() throws(IngestError) -> RecordBatch? {
        let storage: BatchStorage?
        do { storage = try reader.nextBatch() } catch { throw error.naming(name) }
        guard var storage else { return nil }
        if lineBase != 0 || recordBase != 0 {
            for record in 0..<storage.recordCount {
                storage.lines[record] += lineBase
                storage.recordNumbers[record] += recordBase
            }
        }
        let batch = RecordBatch(file: name, storage: storage, byteOffsetBias: reader.byteOffsetBias)
        batch.validateText(transcodedFromUTF16: reader.input.encoding.isUTF16)
        return batch
    }

    /// Whether the piece ended at its `end` between records (always, without one), once read.
    package var endedAtCut: Bool { !reader.overranPartEnd }

    /// Lines of the file the piece took, header included for the first piece: what the next
    /// piece's lines lack.
    package var linesRead: Int { reader.currentLine - 1 }

    /// Records the piece numbered: what the next piece's record numbers lack.
    package var recordsRead: Int { reader.recordsRead }

    /// What ingest saw of the piece (line endings and blank lines of its records only); the
    /// checksum is left empty, as the caller hashes the file.
    package var shape: InputShape { reader.shape }

    /// Bytes before decoded offset 0 in the file as stored (a UTF-8 byte-order mark): what turns
    /// the piece's offsets into file offsets.
    package var byteOffsetBias: Int64 { reader.byteOffsetBias }

    /// About how many bytes of data the piece holds, for sizing the respondent-id set.
    package var dataBytes: Int64? { reader.dataBytes }
}

/// Where an input can be cut into pieces: its data records' extent and line starts.
package enum PieceCuts {
    /// The input's data records as decoded offsets (`dataStart..<dataEnd`), the bytes before
    /// offset 0 (a byte-order mark) and whether it can be cut at all (UTF-8 read as is).
    package struct Extent: Sendable, Equatable {
        /// Decoded offset of the first data record.
        package var dataStart: Int64
        /// Decoded offset of the end of the file.
        package var dataEnd: Int64
        /// Bytes of byte-order mark.
        package var bomLength: Int
        /// Whether decoded offsets are file offsets less the mark (no transcoding).
        package var isCuttable: Bool
    }

    /// The extent of `path`'s data records.
    /// - Throws: `IngestError` when its header cannot be read.
    package static func extent(path: String, options: ReadOptions, displayName: String? = nil) throws(IngestError)
        -> Extent
    {
        let reader: RecordReader
        do { reader = try RecordReader(path: path, options: options, hashing: false) } catch {
            throw error.naming(displayName ?? path)
        }
        let bom = Int64(reader.input.bomLength)
        return Extent(
            dataStart: reader.dataStart, dataEnd: reader.input.fileSize - bom, bomLength: reader.input.bomLength,
            isCuttable: reader.input.encoding == .utf8)
    }

    /// The start of the first line at or after decoded offset `target`, strictly inside the
    /// data records, or `nil` (a candidate only: the reader before it verifies it).
    package static func lineStart(path: String, extent: Extent, atOrAfter target: Int64) -> Int64? {
        guard extent.isCuttable, target > extent.dataStart else { return nil }
        return PartCut.lineStart(
            path: path, from: target - 1, dataEnd: extent.dataEnd, bomLength: extent.bomLength)
    }
}
