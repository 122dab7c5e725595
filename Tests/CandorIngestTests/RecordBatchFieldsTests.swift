import Testing

@testable import CandorIngest

@Suite(.temporaryFiles) struct RecordBatchFieldsTests {
    /// Every field of every record, through `RecordBatch.withField` and through the bounds
    /// `withUnsafeFieldBytes` documents, against the text written:
    /// empty first and last fields, a quoted one, fields of every length to 40 bytes (which the
    /// batch copies in three ways: up to 16, 17 to 32, longer), and enough records that later
    /// batches start part-way through the file (their record 0 is not the file's).
    @Test func fieldsOfEachRecordAreTheFieldsWritten() throws {
        let alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMN"
        var text = "id,name,note\n"
        var expected: [[String]] = []
        for index in 1...5_000 {
            let row =
                switch index % 4 {
                case 0: ["", "n\(index)", String(alphabet.prefix(index % 41))]
                case 1: ["\(index)", "", ""]
                case 2: ["\(index)", "n,\(index)", "two words"]
                default: ["\(index)", "n\(index)", "é\(index)"]
                }
            expected.append(row)
            text += row.map { $0.contains(",") ? "\"\($0)\"" : $0 }.joined(separator: ",") + "\n"
        }
        let stream = try IngestStream(path: try ReaderHarness.temporaryFile(text), options: ReadOptions())
        var seen: [[String]] = []
        var seenThroughBounds: [[String]] = []
        var batches = 0
        while let batch = try stream.next() {
            batches += 1
            for record in 0..<batch.count {
                seen.append(
                    (0..<batch.fieldCount(record)).map { column in
                        batch.withField(record, column) { String(decoding: $0, as: UTF8.self) }
                    })
            }
            batch.withUnsafeFieldBytes { bytes, fieldBounds, recordBounds in
                #expect(fieldBounds.first == 0 && recordBounds.first == 0)
                #expect(recordBounds.count == batch.count + 1)
                #expect(Int(recordBounds.last!) == fieldBounds.count - 1)
                #expect(Int(fieldBounds.last!) == bytes.count)
                for record in 0..<batch.count {
                    let fields = Int(recordBounds[record])..<Int(recordBounds[record + 1])
                    seenThroughBounds.append(
                        fields.map { field in
                            let span = Int(fieldBounds[field])..<Int(fieldBounds[field + 1])
                            return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[span]), as: UTF8.self)
                        })
                }
            }
        }
        #expect(batches > 1)
        #expect(seen == expected)
        #expect(seenThroughBounds == expected)
    }
}
