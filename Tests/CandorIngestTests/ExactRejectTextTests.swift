import CandorCore
import Foundation
import Testing

@testable import CandorIngest

/// What the rejects file shows of a record is exact (issue 22, defect 11): a NUL byte and the
/// four characters `\x00` read differently, and broken UTF-16 has its own reason code.
@Suite(.temporaryFiles)
struct ExactRejectTextTests {
    /// Record 2 holds a real NUL; record 3 the text `\x00`, and record 4 a lone backslash. Byte
    /// offsets by hand: "a,b\n" is 4 bytes, "1,y" + NUL + "z\n" 6 more, "2,y\x00z\n" 9 more.
    @Test func aNULByteAndTheTextBackslashX00AreToldApart() throws {
        let path = try ReaderHarness.temporaryFile(
            Array("a,b\n1,y".utf8) + [0] + Array("z\n2,y\\x00z\n3,\\\n".utf8))
        #expect(
            try ReaderHarness.readEveryWay(path).records == [
                ReadRecord(
                    fields: ["1", "y\\x00z"], line: 2, record: 1, offset: 4, problem: .nulByte, column: 2,
                    detail: "NUL byte at byte 2 of the field"),
                ReadRecord(fields: ["2", "y\\\\x00z"], line: 3, record: 2, offset: 10),
                ReadRecord(fields: ["3", "\\\\"], line: 4, record: 3, offset: 19),
            ])
    }

    /// The encoding is reversible: undoing `\\` and `\xNN` left to right gives the bytes back.
    @Test(arguments: [
        [UInt8](), Array("plain".utf8), [0x5C, 0x78, 0x30, 0x30], [0x00], [0x5C, 0x00, 0x5C], [0xFF, 0x5C, 0x5C, 0x41],
        Array("é\\".utf8) + [0xC3],
    ])
    func theEncodingIsReversible(_ bytes: [UInt8]) {
        let text = bytes.withUnsafeBytes { RawText.display($0) }
        #expect(Self.decode(text) == bytes)
    }

    /// The inverse, written from the documented rule only.
    static func decode(_ text: String) -> [UInt8] {
        let utf8 = Array(text.utf8)
        var bytes: [UInt8] = []
        var index = 0
        while index < utf8.count {
            if utf8[index] == 0x5C, index + 1 < utf8.count, utf8[index + 1] == 0x5C {
                bytes.append(0x5C)
                index += 2
            } else if utf8[index] == 0x5C, index + 3 < utf8.count, utf8[index + 1] == UInt8(ascii: "x") {
                bytes.append(UInt8(String(decoding: utf8[index + 2...index + 3], as: UTF8.self), radix: 16)!)
                index += 4
            } else {
                bytes.append(utf8[index])
                index += 1
            }
        }
        return bytes
    }

    /// UTF-16LE with a BOM: "a,b\n1,ok\n2," then a lone high surrogate (U+D83D) before "z\n",
    /// then "3,en" and one stray byte. Offsets count the decoded UTF-8 after the BOM: record 2
    /// starts at 4 + 5 = 9 and record 3 at 9 + 5 = 14 (the surrogate's marker is one byte).
    @Test func brokenUTF16HasItsOwnReasonCode() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        func append(_ text: String) { for unit in text.utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] } }
        append("a,b\n1,ok\n2,")
        bytes += [0x3D, 0xD8]
        append("z\n3,en")
        bytes.append(0x41)
        let result = try ReaderHarness.readEveryWay(try ReaderHarness.temporaryFile(bytes))
        #expect(result.shape?.encoding == .utf16LE)
        #expect(
            result.records == [
                ReadRecord(fields: ["1", "ok"], line: 2, record: 1, offset: 4),
                ReadRecord(
                    fields: ["2", "\\xFFz"], line: 3, record: 2, offset: 9, problem: .invalidUTF16, column: 2,
                    detail: "a lone UTF-16 surrogate at character 1 of the field (the record starts at byte offset 9)"),
                ReadRecord(
                    fields: ["3", "en\\xFE"], line: 4, record: 3, offset: 14, problem: .invalidUTF16, column: 2,
                    detail:
                        "the UTF-16 input ends in the middle of a code unit (an odd final byte) at character 3 of the field (the record starts at byte offset 14)"
                ),
            ])
    }

    /// The same bytes 0xFF and 0xFE in a UTF-8 file are invalid UTF-8, as before.
    @Test func theMarkerBytesInAUTF8FileStayInvalidEncoding() throws {
        let path = try ReaderHarness.temporaryFile(Array("a,b\n1,".utf8) + [0xFE] + Array("\n".utf8))
        let records = try ReaderHarness.readEveryWay(path, ReadOptions(encoding: .utf8)).records
        #expect(records.map(\.problem) == [.invalidEncoding])
    }
}
