import Testing

@testable import CandorIngest

@Suite(.temporaryFiles) struct RecordFieldsTests {
    /// Every field of every record, through `RecordBatch.fields(of:)`, against the text written:
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
        var batches = 0
        while let batch = try stream.next() {
            batches += 1
            for record in 0..<batch.count {
                let fields = batch.fields(of: record)
                seen.append((0..<batch.fieldCount(record)).map { String(decoding: fields[$0], as: UTF8.self) })
            }
        }
        #expect(batches > 1)
        #expect(seen == expected)
    }
}
