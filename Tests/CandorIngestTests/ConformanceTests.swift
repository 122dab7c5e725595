import CandorCore
import Foundation
import Testing

@testable import CandorIngest

/// Outside test suites (csv-spectrum, Papa Parse, commons-csv, csvkit, qualtRics) read through
/// `IngestStream`; fixtures copied from /work/shared/data (see Fixtures/conformance/README.md).
@Suite(.temporaryFiles)
struct ConformanceTests {
    static let spectrumCases = [
        "comma_in_quotes", "empty", "empty_crlf", "escaped_quotes", "json", "newlines", "newlines_crlf",
        "quotes_and_newlines", "simple", "simple_crlf", "utf8",
    ]

    /// Every csv-spectrum case against its JSON (header-keyed records, all strings);
    /// location_coordinates is skipped, its JSON is wrong upstream.
    @Test(arguments: spectrumCases)
    func csvSpectrum(name: String) throws {
        let path = try ReaderHarness.fixture(name + ".csv", in: "conformance/csv-spectrum")
        let json = try Data(
            contentsOf: URL(fileURLWithPath: try ReaderHarness.fixture(name + ".json", in: "conformance/csv-spectrum")))
        let expected = try #require(try JSONSerialization.jsonObject(with: json) as? [[String: String]])
        let result = try ReaderHarness.readEveryWay(path)
        let names = result.layout.columnNames
        let read = result.records.map { record in
            Dictionary(uniqueKeysWithValues: zip(names, record.fields))
        }
        #expect(read == expected)
        #expect(result.records.allSatisfy { $0.problem == nil && $0.fields.count == names.count })
    }

    @Test(arguments: PapaParseCase.all)
    func papaParse(_ testCase: PapaParseCase) throws {
        let path = try ReaderHarness.temporaryFile(testCase.input)
        let result = try ReaderHarness.readEveryWay(path, ReadOptions(trimSpaces: false))
        #expect([result.layout.columnNames] + result.fields == testCase.rows)
        #expect(result.records.allSatisfy { $0.problem == nil })
    }

    /// commons-csv bom.csv: a UTF-8 BOM before "Date, Open, ..." and 252 lines
    /// (`python3 -c "print(open('bom.csv','rb').read().count(b'\n'))"` → 252), so 251 records.
    @Test func commonsBOM() throws {
        let path = try ReaderHarness.fixture("commons-bom.csv", in: "conformance")
        let result = try ReaderHarness.readEveryWay(path)
        #expect(result.layout.columnNames == ["Date", "Open", "High", "Low", "Close", "Volume"])
        #expect(result.records.count == 251)
        // 3 BOM bytes + "Date, Open, High, Low, Close, Volume\n" (37 bytes) = offset 40.
        #expect(
            result.records.first
                == ReadRecord(
                    fields: ["14-Mar-14", "223.80", "225.20", "220.85", "221.51", "79448141"], line: 2, record: 1,
                    offset: 40))
        #expect(result.records.last?.fields == ["18-Mar-13", "330.09", "341.26", "330.09", "339.08", "46650521"])
        #expect(result.records.last?.line == 252)
        #expect(result.shape?.hadByteOrderMark == true)
        let kept = try ReaderHarness.read(path, ReadOptions(trimSpaces: false))
        #expect(kept.layout.columnNames == ["Date", " Open", " High", " Low", " Close", " Volume"])
    }

    /// commons-csv CSV-213: `"CHANELID";"ADDRESS"` then `"27";""`.
    @Test func commonsSemicolon() throws {
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.fixture("commons-CSV-213.csv", in: "conformance"))
        #expect(result.shape?.delimiter == UInt8(ascii: ";"))
        #expect(result.layout.columnNames == ["CHANELID", "ADDRESS"])
        // `"CHANELID";"ADDRESS"\n` is 21 bytes.
        #expect(result.records == [ReadRecord(fields: ["27", ""], line: 2, record: 1, offset: 21)])
    }

    /// csvkit mac_newlines.csv: `a,b,c\r1,2,3\r"Once upon\ra time",5,6\r`.
    @Test func csvkitCROnly() throws {
        let result = try ReaderHarness.readEveryWay(
            try ReaderHarness.fixture("csvkit-mac_newlines.csv", in: "conformance"))
        #expect(result.layout.columnNames == ["a", "b", "c"])
        #expect(
            result.records == [
                ReadRecord(fields: ["1", "2", "3"], line: 2, record: 1, offset: 6),
                ReadRecord(fields: ["Once upon\ra time", "5", "6"], line: 3, record: 2, offset: 12),
            ])
        // The CR inside the quoted field is data, not a line ending.
        #expect(result.shape?.lineEndings == LineEndingCounts(crlf: 0, lf: 0, cr: 2))
    }

    /// csvkit bad.csv: one record too long, one too short, one right.
    @Test func csvkitRagged() throws {
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.fixture("csvkit-bad.csv", in: "conformance"))
        #expect(result.layout.columnNames == ["column_a", "column_b", "column_c"])
        // Offsets: header 27 bytes, `1,27,,"I'm too long!"\n` 22, `,"I'm too short!"\n` 18.
        #expect(
            result.records == [
                ReadRecord(
                    fields: ["1", "27", "", "I'm too long!"], line: 2, record: 1, offset: 27,
                    problem: .raggedRecord, column: 4, detail: "expected 3 fields, found 4"),
                ReadRecord(
                    fields: ["", "I'm too short!"], line: 3, record: 2, offset: 49,
                    problem: .raggedRecord, column: 3, detail: "expected 3 fields, found 2"),
                ReadRecord(fields: ["0", "mixed types.... uh oh", "17"], line: 4, record: 3, offset: 67),
            ])
    }

    /// csvkit empty.csv is a single LF.
    @Test func csvkitEmpty() throws {
        let path = try ReaderHarness.fixture("csvkit-empty.csv", in: "conformance")
        let error = try #require(ReaderHarness.failure(path))
        #expect(error.kind == .empty)
        #expect(error.description == path + ": is empty")
    }

    /// csvkit null_byte.csv: `a,b,c\n\0,2,3\n`.
    @Test func csvkitNulByte() throws {
        let result = try ReaderHarness.readEveryWay(
            try ReaderHarness.fixture("csvkit-null_byte.csv", in: "conformance"))
        #expect(
            result.records == [
                ReadRecord(
                    fields: ["\\x00", "2", "3"], line: 2, record: 1, offset: 6,
                    problem: .nulByte, column: 1, detail: "NUL byte at byte 1 of the field")
            ])
    }

    /// csvkit's UTF-16 files hold `a,b,c\n1,2,3\n4,5,ʤ` (U+02A4) after a BOM.
    @Test(arguments: [("csvkit-test_utf16_little.csv", TextEncoding.utf16LE), ("csvkit-test_utf16_big.csv", .utf16BE)])
    func csvkitUTF16(name: String, encoding: TextEncoding) throws {
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.fixture(name, in: "conformance"))
        #expect(result.shape?.encoding == encoding)
        #expect(result.shape?.hadByteOrderMark == true)
        #expect(result.layout.columnNames == ["a", "b", "c"])
        #expect(result.fields == [["1", "2", "3"], ["4", "5", "\u{02A4}"]])
        #expect(result.records.map(\.line) == [2, 3])
    }

    /// csvkit test_latin1.csv ends in byte 0xA9, "©" in Latin-1.
    @Test func csvkitLatin1() throws {
        let path = try ReaderHarness.fixture("csvkit-test_latin1.csv", in: "conformance")
        let declared = try ReaderHarness.readEveryWay(path, ReadOptions(encoding: .latin1))
        #expect(declared.fields == [["1", "2", "3"], ["4", "5", "©"]])
        #expect(declared.records.allSatisfy { $0.problem == nil })
        // Undeclared, it is not UTF-8 and has no multi-byte sequence: read as Windows-1252, where
        // 0xA9 is "©" too.
        let undeclared = try ReaderHarness.readEveryWay(path)
        #expect(undeclared.fields == [["1", "2", "3"], ["4", "5", "©"]])
        #expect(undeclared.records.allSatisfy { $0.problem == nil })
        let utf8 = try ReaderHarness.readEveryWay(path, ReadOptions(encoding: .utf8))
        // `a,b,c\n1,2,3\n` is 12 bytes.
        #expect(
            utf8.records == [
                ReadRecord(fields: ["1", "2", "3"], line: 2, record: 1, offset: 6),
                ReadRecord(
                    fields: ["4", "5", "\\xA9"], line: 3, record: 2, offset: 12, problem: .invalidEncoding, column: 3,
                    detail: "invalid UTF-8 byte 0xA9 at byte 1 of the field (the record starts at byte offset 12)"),
            ])
    }

    /// csvkit test_utf8_bom.csv: BOM, `foo,bar,baz\n1,2,3\n4,5,ʤ\n`.
    @Test func csvkitUTF8BOM() throws {
        let result = try ReaderHarness.readEveryWay(
            try ReaderHarness.fixture("csvkit-test_utf8_bom.csv", in: "conformance"))
        #expect(result.layout.columnNames == ["foo", "bar", "baz"])
        // Offsets in the file as stored: 3 BOM bytes + 12 header bytes = 15, then + 6 = 21.
        #expect(
            result.records == [
                ReadRecord(fields: ["1", "2", "3"], line: 2, record: 1, offset: 15),
                ReadRecord(fields: ["4", "5", "\u{02A4}"], line: 3, record: 2, offset: 21),
            ])
    }

    /// qualtRics sample.csv: 3 header rows, 1 response of 20 columns on line 4.
    @Test func qualtricsSample() throws {
        let result = try ReaderHarness.readEveryWay(
            try ReaderHarness.fixture("qualtrics-sample.csv", in: "conformance"))
        #expect(result.layout.format == .qualtrics)
        #expect(result.layout.headerRows == 3)
        #expect(result.layout.columnNames.count == 20)
        // Offset: `python3 -c "b=open('sample.csv','rb').read(); print([i+1 for i,c in enumerate(b) if c==10][2])"` → 1330
        #expect(
            result.records == [
                ReadRecord(
                    fields: [
                        "2017-07-18 08:28:09", "2017-07-18 08:28:48", "0", "130.92.34.66", "100", "38", "1",
                        "2017-07-18 08:28:48", "R_2YPOQ602ER1jkf1", "", "", "", "", "47.115097045898",
                        "7.2315979003906",
                        "anonymous", "DE", "2", "Hello World!", "",
                    ], line: 4, record: 1, offset: 1330)
            ])
    }

    /// qualtRics sample_legacy.csv: BOM, 2 header rows, every line ends in a comma: 15 columns,
    /// the empty 16th dropped, and the record is not ragged.
    @Test func qualtricsLegacy() throws {
        let result = try ReaderHarness.readEveryWay(
            try ReaderHarness.fixture("qualtrics-sample_legacy.csv", in: "conformance"))
        #expect(result.layout.format == .qualtrics)
        #expect(result.layout.headerRows == 2)
        #expect(result.layout.columnNames.first == "V1")
        #expect(result.layout.columnNames.count == 15)
        // Offset: `python3 -c "b=open('sample_legacy.csv','rb').read(); print([i+1 for i,c in enumerate(b) if c==10][1])"` → 319
        #expect(
            result.records == [
                ReadRecord(
                    fields: [
                        "R_2YPOQ602ER1jkf1", "Standard-Antwortsatz", "Anonym", "", "", "130.92.34.66", "0",
                        "2017-07-18 08:28:09", "2017-07-18 08:28:48", "1", "2", "Hello World!", "47.115097045898",
                        "7.2315979003906", "-1",
                    ], line: 3, record: 1, offset: 319)
            ])
    }
}
