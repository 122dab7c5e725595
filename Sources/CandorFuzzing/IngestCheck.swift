import CandorCore
import CandorIngest

/// The ingest target: any bytes, read as a CSV input, give one answer however they are read.
///
/// The bytes are read sequentially with the default chunk size, with a 7-byte chunk size (record
/// boundaries must not depend on where a read ends), on a thread of its own, cut in two parts read
/// at once, and counted by `InputInspection`. Every way gives the same records with the same
/// problems, or the same `IngestError`; every record is either clean or has a problem, so
/// records read = accepted + rejected in each; and the size and SHA-256 ingest reports are the
/// bytes' own.
enum IngestCheck {
    /// One record as read: its fields' bytes and everything ingest says about it.
    struct ReadRecord: Equatable {
        /// Each field's bytes.
        var fields: [[UInt8]]
        /// The line the record starts on.
        var line: Int
        /// The data record number.
        var record: Int
        /// The byte offset the record starts at.
        var offset: Int64
        /// Why the record would be rejected, if it would.
        var problem: RecordProblem?
    }

    /// A whole input as read.
    struct Reading: Equatable {
        /// Every record, in file order.
        var records: [ReadRecord]
        /// The header rows, format and columns.
        var layout: HeaderLayout
        /// What ingest saw of the file, once it was read to the end.
        var shape: InputShape?

        /// Records with a problem, by reason: what a run would reject.
        var rejectedByReason: [ReasonCode: Int] {
            records.reduce(into: [:]) { counts, record in
                if let problem = record.problem { counts[problem.reason, default: 0] += 1 }
            }
        }
    }

    /// Reads `bytes` every way.
    /// - Throws: `FuzzFinding` when two ways differ or a reading breaks a promise.
    static func check(_ bytes: [UInt8]) throws(FuzzFinding) {
        let scratch = try FuzzScratch(for: .ingest)
        defer { scratch.remove() }
        let path = try scratch.write(bytes, as: "input.csv", for: .ingest)

        let reference = read(path, ReadOptions())
        var smallChunks = ReadOptions()
        smallChunks.chunkSize = 7
        try expectSame(reference, read(path, smallChunks), "a read with 7-byte chunks")
        try expectSame(reference, read(path, ReadOptions(), threaded: true), "a threaded read")
        try expectSame(reference, readInParts(path), "a read in two parts")

        guard case .success(let reading) = reference else { return }
        try expectWellFormed(reading, bytes: bytes)
        let inspection: InputInspection
        do { inspection = try InputInspection.inspect(path: path) } catch {
            throw FuzzFinding(.ingest, "the input reads, but inspecting it fails: \(error)")
        }
        let accepted = reading.records.filter { $0.problem == nil }.count
        guard inspection.records == reading.records.count, inspection.records == accepted + inspection.rejected,
            inspection.rejectedByReason == reading.rejectedByReason
        else {
            throw FuzzFinding(
                .ingest,
                "inspection counts \(inspection.records) records, rejected \(inspection.rejectedByReason); the stream read \(reading.records.count), \(accepted) accepted, rejected \(reading.rejectedByReason)"
            )
        }
    }

    /// What every reading of any input promises: records numbered 1, 2, 3… in file order, each on
    /// a later line and at a later offset than the one before, and the file's size and checksum.
    private static func expectWellFormed(_ reading: Reading, bytes: [UInt8]) throws(FuzzFinding) {
        for (index, record) in reading.records.enumerated() {
            guard record.record == index + 1 else {
                throw FuzzFinding(.ingest, "record \(index + 1) is numbered \(record.record)")
            }
            if index > 0 {
                let previous = reading.records[index - 1]
                guard record.line > previous.line, record.offset > previous.offset else {
                    throw FuzzFinding(
                        .ingest,
                        "record \(index + 1) starts at line \(record.line), offset \(record.offset); the one before at line \(previous.line), offset \(previous.offset)"
                    )
                }
            }
        }
        guard let shape = reading.shape else { throw FuzzFinding(.ingest, "no shape after the last batch") }
        guard shape.bytes == Int64(bytes.count) else {
            throw FuzzFinding(.ingest, "the shape says \(shape.bytes) bytes; the file has \(bytes.count)")
        }
        let sha256 = SHA256Digest.hex(of: bytes)
        guard shape.sha256 == sha256 else {
            throw FuzzFinding(.ingest, "the shape's SHA-256 is \(shape.sha256); the file's is \(sha256)")
        }
    }

    private static func expectSame(
        _ reference: Result<Reading, IngestError>, _ other: Result<Reading, IngestError>, _ way: String
    ) throws(FuzzFinding) {
        guard reference != other else { return }
        throw FuzzFinding(
            .ingest, "\(way) differs from a sequential one: \(summary(other)) against \(summary(reference))")
    }

    /// Where two readings part, or the error, in a line.
    private static func summary(_ result: Result<Reading, IngestError>) -> String {
        switch result {
        case .failure(let error): return "error \(error)"
        case .success(let reading):
            return
                "\(reading.records.count) records \(reading.rejectedByReason), shape \(String(describing: reading.shape))"
        }
    }

    private static func read(_ path: String, _ options: ReadOptions, threaded: Bool = false) -> Result<
        Reading, IngestError
    > {
        do {
            let stream = try IngestStream(path: path, options: options, threaded: threaded)
            var records: [ReadRecord] = []
            while let batch = try stream.next() { records += readRecords(batch) }
            return .success(Reading(records: records, layout: stream.layout, shape: stream.shape))
        } catch {
            return .failure(error)
        }
    }

    /// Cut in two whatever the size, with every record renumbered as in the file.
    private static func readInParts(_ path: String) -> Result<Reading, IngestError> {
        do {
            let outcome = try ParallelIngest.read(path: path, minimumPartBytes: 0, initial: [ReadRecord]()) {
                records, batch in records += readRecords(batch)
            }
            let records = outcome.parts.flatMap { part in
                part.partial.map { record in
                    var rebased = record
                    rebased.line += part.lineBase
                    rebased.record += part.recordBase
                    return rebased
                }
            }
            return .success(Reading(records: records, layout: outcome.layout, shape: outcome.shape))
        } catch {
            return .failure(error)
        }
    }

    /// Every record of `batch`; rejects also have their text made as the rejects file shows it.
    private static func readRecords(_ batch: RecordBatch) -> [ReadRecord] {
        (0..<batch.count).map { index in
            let provenance = batch.provenance(index)
            let problem = batch.problem(index)
            if problem != nil { _ = batch.rawFields(index) }
            return ReadRecord(
                fields: (0..<batch.fieldCount(index)).map { field in batch.withField(index, field) { Array($0) } },
                line: provenance.line, record: provenance.recordNumber, offset: provenance.byteOffset,
                problem: problem)
        }
    }
}
