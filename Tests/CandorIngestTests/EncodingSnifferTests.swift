import Foundation
import Testing

@testable import CandorIngest

/// BOM handling, declared encodings and BOM-less UTF-16 detection.
struct EncodingSnifferTests {
    private func sniff(_ bytes: [UInt8], declared: TextEncoding? = nil) -> EncodingSniff {
        bytes.withUnsafeBytes { EncodingSniffer.sniff(prefix: $0, declared: declared) }
    }

    @Test(
        arguments: [
            // (bytes, encoding, bomLength, bomEncoding)
            ([0xEF, 0xBB, 0xBF, 0x61], TextEncoding.utf8, 3, TextEncoding?.some(.utf8)),
            ([0xFF, 0xFE, 0x61, 0x00], .utf16LE, 2, .utf16LE),
            ([0xFE, 0xFF, 0x00, 0x61], .utf16BE, 2, .utf16BE),
            ([0x61, 0x2C, 0x62, 0x0A], .utf8, 0, nil),
            ([], .utf8, 0, nil),
            ([0xEF, 0xBB], .utf8, 0, nil),  // a cut-short mark is not a mark
            ([0xC3, 0xA9, 0x2C, 0x61], .utf8, 0, nil),
        ] as [([UInt8], TextEncoding, Int, TextEncoding?)])
    func undeclared(bytes: [UInt8], encoding: TextEncoding, bomLength: Int, bomEncoding: TextEncoding?) {
        let result = sniff(bytes)
        #expect(result.encoding == encoding)
        #expect(result.bomLength == bomLength)
        #expect(result.bomEncoding == bomEncoding)
        #expect(!result.bomContradictsEncoding)
    }

    @Test func declaredEncodingWinsButAContradictingBOMIsStillSkipped() {
        let result = sniff([0xEF, 0xBB, 0xBF, 0x61], declared: .windows1252)
        #expect(
            result
                == EncodingSniff(
                    encoding: .windows1252, bomLength: 3, bomEncoding: .utf8,
                    evidence: "declared windows-1252; skipped a contradicting utf-8 byte order mark"))
        #expect(result.bomContradictsEncoding)
        #expect(sniff([0xFF, 0xFE, 0x61, 0x00], declared: .latin1).bomLength == 2)
    }

    @Test func declaredEncodingWithAgreeingOrNoBOM() {
        #expect(
            sniff([0xFF, 0xFE, 0x61, 0x00], declared: .utf16LE)
                == EncodingSniff(
                    encoding: .utf16LE, bomLength: 2, bomEncoding: .utf16LE,
                    evidence: "declared utf-16le; byte order mark agrees"))
        // Declared UTF-8 beats the NUL heuristic.
        #expect(
            sniff([0x61, 0x00, 0x62, 0x00], declared: .utf8)
                == EncodingSniff(encoding: .utf8, bomLength: 0, evidence: "declared utf-8"))
    }

    @Test func bomlessUTF16IsRecognisedByNULPositions() {
        let text = "id,answer\n1,Agree\n"
        let le = Array(text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] })
        let be = Array(text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] })
        #expect(sniff(le).encoding == .utf16LE)
        #expect(sniff(le).bomLength == 0)
        #expect(sniff(be).encoding == .utf16BE)
        // One stray NUL in UTF-8 text is not UTF-16.
        #expect(sniff(Array("a,b\n1,\u{0}2\n".utf8)).encoding == .utf8)
        // Too short to show a pattern.
        #expect(sniff([0x61, 0x00]).encoding == .utf8)
    }

    @Test(arguments: [
        ("test_utf16_big", TextEncoding.utf16BE, 2), ("test_utf16_little", .utf16LE, 2),
        ("test_utf8_bom", .utf8, 3),
        // Latin-1 text without C1 controls is Windows-1252 text too: read as such by guess.
        ("test_latin1", .windows1252, 0),
    ])
    func csvkitFixtures(name: String, encoding: TextEncoding, bomLength: Int) throws {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/encoding"))
        let result = sniff(Array(try Data(contentsOf: url)))
        #expect(result.encoding == encoding)
        #expect(result.bomLength == bomLength)
    }
}
