import CandorCore
import Foundation
import Testing

@testable import CandorIngest

/// Every encoding and dialect a survey export comes in, read through the stream.
@Suite(.temporaryFiles)
struct ReaderEncodingDialectTests {
    @Test func utf8WithAndWithoutBOM() throws {
        for prefix: [UInt8] in [[], [0xEF, 0xBB, 0xBF]] {
            for header in ["id,name", "\"id\",name"] {
                let path = try ReaderHarness.temporaryFile(prefix + Array("\(header)\n1,Zoë\n".utf8))
                let result = try ReaderHarness.readEveryWay(path)
                #expect(result.layout.columnNames == ["id", "name"])
                #expect(result.fields == [["1", "Zoë"]])
                #expect(result.shape?.hadByteOrderMark == !prefix.isEmpty)
                #expect(result.records.first?.offset == Int64(prefix.count + header.utf8.count + 1))
            }
        }
    }

    /// Excel's "Unicode text": UTF-16 with a BOM, tab separated, CRLF.
    @Test(arguments: [TextEncoding.utf16LE, .utf16BE])
    func utf16Tabbed(encoding: TextEncoding) throws {
        let text = "id\tname\r\n1\tCafé\r\n2\t€ 5\r\n"
        var bytes: [UInt8] = encoding == .utf16LE ? [0xFF, 0xFE] : [0xFE, 0xFF]
        for unit in text.utf16 {
            let pair = [UInt8(unit & 0xFF), UInt8(unit >> 8)]
            bytes += encoding == .utf16LE ? pair : pair.reversed()
        }
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.temporaryFile(bytes))
        #expect(result.shape?.encoding == encoding)
        #expect(result.shape?.delimiter == 0x09)
        #expect(result.layout.columnNames == ["id", "name"])
        #expect(result.fields == [["1", "Café"], ["2", "€ 5"]])
        #expect(result.records.map(\.line) == [2, 3])
        #expect(result.shape?.lineEndings == LineEndingCounts(crlf: 2, lf: 0, cr: 0))
    }

    /// Windows-1252 declared: 0xE9 is "é", 0x80 is "€".
    @Test func windows1252Declared() throws {
        let bytes = Array("name;price\nCaf".utf8) + [0xE9] + Array(";".utf8) + [0x80] + Array(" 5\n".utf8)
        let result = try ReaderHarness.readEveryWay(
            try ReaderHarness.temporaryFile(bytes), ReadOptions(encoding: .windows1252))
        #expect(result.shape?.delimiter == UInt8(ascii: ";"))
        #expect(result.fields == [["Café", "€ 5"]])
        #expect(result.records.first?.problem == nil)
    }

    @Test(arguments: [(",", UInt8(ascii: ",")), (";", UInt8(ascii: ";")), ("\t", UInt8(0x09))])
    func delimiterDetected(separator: String, byte: UInt8) throws {
        let text =
            ["id", "team", "score"].joined(separator: separator) + "\n"
            + ["1", "Sales", "4,5"].joined(separator: separator) + "\n"
        // With "," as separator "4,5" splits in two: a ragged record, as it should be.
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.temporaryFile(text))
        #expect(result.shape?.delimiter == byte)
        #expect(result.layout.columnNames == ["id", "team", "score"])
        if byte == UInt8(ascii: ",") {
            #expect(result.records.first?.problem == .raggedRecord)
        } else {
            #expect(result.fields == [["1", "Sales", "4,5"]])
        }
    }

    @Test(arguments: [
        ("a,b\r\n1,2\r\n3,4\r\n", LineEndingCounts(crlf: 2, lf: 0, cr: 0)),
        ("a,b\n1,2\n3,4\n", LineEndingCounts(crlf: 0, lf: 2, cr: 0)),
        ("a,b\r1,2\r3,4\r", LineEndingCounts(crlf: 0, lf: 0, cr: 2)),
        ("a,b\n1,2\r\n3,4\r", LineEndingCounts(crlf: 1, lf: 0, cr: 1)),
        ("a,b\n1,2\n3,4", LineEndingCounts(crlf: 0, lf: 1, cr: 0)),
    ])
    func lineEndings(text: String, counts: LineEndingCounts) throws {
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.temporaryFile(text))
        #expect(result.fields == [["1", "2"], ["3", "4"]])
        #expect(result.records.map(\.line) == [2, 3])
        #expect(result.shape?.lineEndings == counts)
    }

    @Test func quotedDelimitersQuotesAndLineBreaks() throws {
        let path = try ReaderHarness.temporaryFile("id,text\r\n1,\"a, \"\"b\"\"\r\nc\"\r\n2,\"\"\r\n")
        #expect(
            try ReaderHarness.readEveryWay(path).records == [
                ReadRecord(fields: ["1", "a, \"b\"\r\nc"], line: 2, record: 1, offset: 9),
                ReadRecord(fields: ["2", ""], line: 4, record: 2, offset: 26),
            ])
    }

    @Test func blankLinesSkippedAndCounted() throws {
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.temporaryFile("a,b\n\n1,2\r\n\r\n\n3,4\n\n"))
        #expect(
            result.records == [
                ReadRecord(fields: ["1", "2"], line: 3, record: 1, offset: 5),
                ReadRecord(fields: ["3", "4"], line: 6, record: 2, offset: 13),
            ])
        #expect(result.shape?.blankLines == 4)
    }

    @Test func trimOrKeepSpaces() throws {
        let path = try ReaderHarness.temporaryFile("a , b\n 1 ,\" 2 \"\n")
        let trimmed = try ReaderHarness.readEveryWay(path)
        #expect(trimmed.layout.columnNames == ["a", "b"])
        #expect(trimmed.fields == [["1", " 2 "]])
        let kept = try ReaderHarness.readEveryWay(path, ReadOptions(trimSpaces: false))
        #expect(kept.layout.columnNames == ["a ", " b"])
        #expect(kept.fields == [[" 1 ", " 2 "]])
    }
}
