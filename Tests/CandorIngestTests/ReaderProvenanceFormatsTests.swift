import CandorCore
import Foundation
import Testing

@testable import CandorIngest

/// Where each record is (lines, record numbers, byte offsets), and the survey-tool exports.
@Suite(.temporaryFiles)
struct ReaderProvenanceFormatsTests {
    @Test func linesAfterMultiLineFields() throws {
        let text = "id,text\n1,\"a\nb\nc\"\n2,x\n3,\"\n\"\n4,y\n"
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.temporaryFile(text))
        #expect(result.records.map(\.line) == [2, 5, 6, 8])
        #expect(result.records.map(\.record) == [1, 2, 3, 4])
    }

    /// Every offset points at the first byte of its record's line in the file as stored.
    @Test func offsetsAreTrueFileOffsets() throws {
        let text = "\u{FEFF}id,text\r\n1,\"é\r\nx\"\r\n\r\n2,ü\r\n3,z"
        let bytes = Array(text.utf8)
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.temporaryFile(bytes))
        // BOM 3 + "id,text\r\n" 9 = 12; + "1,\"é\r\nx\"\r\n" (11 bytes, é is 2) = 23; + blank CRLF = 25;
        // + "2,ü\r\n" (6 bytes) = 31.
        #expect(result.records.map(\.offset) == [12, 25, 31])
        for record in result.records {
            let start = Int(record.offset)
            #expect(bytes[start] == Array(record.fields[0].utf8)[0])
        }
    }

    @Test func qualtricsRecordNumbersStartAtOne() throws {
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.fixture("qualtrics_sample.csv", in: "formats"))
        #expect(result.records.map(\.record) == [1])
        #expect(result.records.map(\.line) == [4])
    }

    @Test func googleForms() throws {
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.fixture("google_forms.csv", in: "formats"))
        #expect(result.layout.format == .googleForms)
        #expect(result.layout.headerRows == 1)
        #expect(result.fields == [["2026/03/02 9:14:22 AM GMT", "ann@example.com", "Micromanager, Credit taker", "7"]])
    }

    @Test func surveyMonkey() throws {
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.fixture("surveymonkey.csv", in: "formats"))
        #expect(result.layout.format == .surveymonkey)
        #expect(result.layout.headerRows == 2)
        #expect(result.records.map(\.line) == [3])
        #expect(
            result.fields == [
                [
                    "114005723491", "431280011", "03/02/2026 09:14:22 AM", "03/02/2026 09:18:40 AM", "Micromanager", "",
                    "Absentee", "Dissatisfied", "Too many status meetings",
                ]
            ])
    }

    @Test func msForms() throws {
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.fixture("ms_forms.csv", in: "formats"))
        #expect(result.layout.format == .msForms)
        #expect(
            result.fields == [
                ["1", "3/2/26 9:14:22", "3/2/26 9:18:40", "anonymous", "", "Dissatisfied", "Micromanager;Absentee;"]
            ])
    }
}
