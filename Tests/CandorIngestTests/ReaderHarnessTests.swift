import CandorCore
import Foundation
import Testing

@testable import CandorIngest

/// One record as a test sees it: the fields as text plus everything ingest says about it.
struct ReadRecord: Equatable, CustomStringConvertible {
    var fields: [String]
    var line: Int
    var record: Int
    var offset: Int64
    var problem: ReasonCode?
    var column: Int?
    var detail: String?

    var description: String {
        "#\(record) line \(line) @\(offset) \(fields)"
            + (problem.map { " \($0.rawValue) col \(column ?? 0): \(detail ?? "")" } ?? "")
    }
}

/// A whole file as the stream delivered it.
struct ReadResult: Equatable {
    var records: [ReadRecord]
    var layout: HeaderLayout
    var shape: InputShape?

    /// The fields of every record, for the common comparison.
    var fields: [[String]] { records.map(\.fields) }
}

/// Reads files through `IngestStream` the way later stages do, for the tests in this target.
enum ReaderHarness {
    /// Reads `path` once, with the given options and threading.
    static func read(_ path: String, _ options: ReadOptions = ReadOptions(), threaded: Bool = false) throws(IngestError)
        -> ReadResult
    {
        let stream = try IngestStream(path: path, options: options, threaded: threaded)
        var records: [ReadRecord] = []
        while let batch = try stream.next() { records += readRecords(batch) }
        return ReadResult(records: records, layout: stream.layout, shape: stream.shape)
    }

    /// Every record of `batch` as a test sees it.
    static func readRecords(_ batch: RecordBatch) -> [ReadRecord] {
        (0..<batch.count).map { index in
            let provenance = batch.provenance(index)
            let problem = batch.problem(index)
            return ReadRecord(
                fields: batch.rawFields(index), line: provenance.line, record: provenance.recordNumber,
                offset: provenance.byteOffset, problem: problem?.reason, column: problem?.column,
                detail: problem?.detail)
        }
    }

    /// Reads `path` with `ParallelIngest`, cut in two whatever its size, with every record's
    /// line and record number rebased to the file's; also returns how many parts were read.
    static func readInParts(_ path: String, _ options: ReadOptions = ReadOptions()) throws(IngestError)
        -> (result: ReadResult, parts: Int)
    {
        let outcome = try ParallelIngest.read(
            path: path, options: options, minimumPartBytes: 0, initial: [ReadRecord]()
        ) { records, batch in records += readRecords(batch) }
        let records = outcome.parts.flatMap { part in
            part.partial.map { record in
                var rebased = record
                rebased.line += part.lineBase
                rebased.record += part.recordBase
                return rebased
            }
        }
        return (ReadResult(records: records, layout: outcome.layout, shape: outcome.shape), outcome.parts.count)
    }

    /// Reads `path` on one thread, on two, and in two parts read at once, with the default
    /// chunk size and with tiny ones, expects the same result every time (record boundaries
    /// must not depend on how the file is cut or which thread parses it) and returns it.
    static func readEveryWay(
        _ path: String, _ options: ReadOptions = ReadOptions(), sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> ReadResult {
        let reference = try read(path, options)
        for chunkSize in [1, 2, 3, 7, 64] {
            var small = options
            small.chunkSize = chunkSize
            let result = try read(path, small)
            #expect(result == reference, "chunk size \(chunkSize) differs", sourceLocation: sourceLocation)
        }
        let threaded = try read(path, options, threaded: true)
        #expect(threaded == reference, "threaded read differs", sourceLocation: sourceLocation)
        for chunkSize in [7, 1 << 20] {
            var sized = options
            sized.chunkSize = chunkSize
            let inParts = try readInParts(path, sized).result
            #expect(
                inParts == reference, "read in parts (chunk size \(chunkSize)) differs", sourceLocation: sourceLocation)
        }
        return reference
    }

    /// The error opening or reading `path` throws, or `nil` when it reads.
    static func failure(_ path: String, _ options: ReadOptions = ReadOptions()) -> IngestError? {
        do {
            _ = try read(path, options)
            return nil
        } catch {
            return error
        }
    }

    /// The bundled fixture `name` in `Fixtures/folder`.
    static func fixture(_ name: String, in folder: String) throws -> String {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures/" + folder))
        return url.path
    }

    /// Writes `bytes` to a fresh file in the test's temporary folder and returns its path; the
    /// suite needs the `.temporaryFiles` trait, which removes the folder when the test ends.
    static func temporaryFile(_ bytes: [UInt8], name: String = "input.csv") throws -> String {
        let scope = try #require(
            TemporaryFilesScope.folder, "temporary files need the suite's .temporaryFiles trait, which removes them")
        let folder = scope.appendingPathComponent(UUID().uuidString)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let url = folder.appendingPathComponent(name)
        try Data(bytes).write(to: url)
        return url.path
    }

    /// Writes `text` as UTF-8 to a fresh temporary file and returns its path.
    static func temporaryFile(_ text: String, name: String = "input.csv") throws -> String {
        try temporaryFile(Array(text.utf8), name: name)
    }
}

/// The harness itself: the every-way comparison must notice a difference, and it must read
/// across chunk and thread boundaries of a file bigger than a batch.
@Suite(.temporaryFiles)
struct ReaderHarnessTests {
    @Test func manyRecordsReadTheSameEveryWay() throws {
        // 10 000 records of 3 fields, some quoted with a line break, so batches (4096 records)
        // and the channel's hand-over are both crossed.
        var text = "id,name,note\n"
        for index in 1...10_000 {
            text += index % 7 == 0 ? "\(index),\"n\(index)\",\"two\nlines\"\n" : "\(index),n\(index),x\n"
        }
        let path = try ReaderHarness.temporaryFile(text)
        let result = try ReaderHarness.readEveryWay(path)
        #expect(result.records.count == 10_000)
        // Line of record k: 1 header line, then one line per record plus one extra for each
        // earlier multiple of 7 (their quoted field spans two lines).
        for (index, record) in result.records.enumerated() {
            let number = index + 1
            #expect(record.record == number)
            #expect(record.line == 1 + number + (number - 1) / 7)
            #expect(record.problem == nil)
        }
        #expect(result.records[6].fields == ["7", "n7", "two\nlines"])
        #expect(result.records.last?.fields == ["10000", "n10000", "x"])
    }

    @Test func differentFilesCompareDifferent() throws {
        let one = try ReaderHarness.read(try ReaderHarness.temporaryFile("a,b\n1,2\n"))
        let two = try ReaderHarness.read(try ReaderHarness.temporaryFile("a,b\n1,3\n"))
        #expect(one != two)
    }
}
