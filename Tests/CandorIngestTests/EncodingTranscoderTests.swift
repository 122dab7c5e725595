import Foundation
import Testing

@testable import CandorIngest

/// UTF-16 and single-byte input turned into UTF-8, across chunk boundaries.
struct EncodingTranscoderTests {
    /// Transcodes `input` fed in chunks cut at `cuts` (offsets into `input`).
    private func transcode(_ input: [UInt8], _ encoding: TextEncoding, cuts: [Int] = []) -> [UInt8] {
        var transcoder = StreamingTranscoder(encoding: encoding)
        var output: [UInt8] = []
        let bounds = [0] + cuts + [input.count]
        for piece in 0..<(bounds.count - 1) {
            Array(input[bounds[piece]..<bounds[piece + 1]]).withUnsafeBytes {
                transcoder.transcode($0, appendingTo: &output, isFinal: piece == bounds.count - 2)
            }
        }
        return output
    }

    private func hex(_ text: String) -> [UInt8] {
        text.split(separator: " ").compactMap { UInt8($0, radix: 16) }
    }

    // python3 -c "s='a😀é€\n'; print(s.encode('utf-16-le').hex(' ')); print(s.encode('utf-16-be').hex(' ')); print(s.encode('utf-8').hex(' '))"
    private var sampleLE: [UInt8] { hex("61 00 3d d8 00 de e9 00 ac 20 0a 00") }
    private var sampleBE: [UInt8] { hex("00 61 d8 3d de 00 00 e9 20 ac 00 0a") }
    private var sampleUTF8: [UInt8] { hex("61 f0 9f 98 80 c3 a9 e2 82 ac 0a") }

    @Test func utf16WholeChunk() {
        #expect(transcode(sampleLE, .utf16LE) == sampleUTF8)
        #expect(transcode(sampleBE, .utf16BE) == sampleUTF8)
    }

    @Test func utf16SplitAtEveryOneAndTwoCutPositions() {
        for encoding in [TextEncoding.utf16LE, .utf16BE] {
            let input = encoding == .utf16LE ? sampleLE : sampleBE
            for first in 0...input.count {
                #expect(transcode(input, encoding, cuts: [first]) == sampleUTF8, "cut at \(first)")
                for second in first...input.count {
                    #expect(
                        transcode(input, encoding, cuts: [first, second]) == sampleUTF8, "cuts \(first), \(second)")
                }
            }
        }
    }

    @Test(arguments: [
        // (UTF-16LE input, expected UTF-8 with 0xFF markers for lone surrogates, 0xFE for an odd byte)
        ("3d d8", "ff"),  // lone high surrogate at the end
        ("00 de 61 00", "ff 61"),  // lone low surrogate
        ("3d d8 61 00", "ff 61"),  // high surrogate followed by a BMP unit
        ("3d d8 3d d8 00 de", "ff f0 9f 98 80"),  // two highs, the second paired
        ("61 00 62", "61 fe"),  // odd trailing byte at the end of input: its own marker
        ("", ""),
    ])
    func invalidUTF16BecomesMarkers(input: String, expected: String) {
        #expect(transcode(hex(input), .utf16LE) == hex(expected))
        if !input.isEmpty {
            #expect(transcode(hex(input), .utf16LE, cuts: [1]) == hex(expected))
        }
    }

    @Test func carriedStateIsFlushedOnlyOnFinal() {
        var transcoder = StreamingTranscoder(encoding: .utf16BE)
        var output: [UInt8] = []
        ([0xD8, 0x3D, 0xDE] as [UInt8]).withUnsafeBytes {
            transcoder.transcode($0, appendingTo: &output, isFinal: false)
        }
        #expect(output.isEmpty)
        ([0x00] as [UInt8]).withUnsafeBytes { transcoder.transcode($0, appendingTo: &output, isFinal: true) }
        #expect(output == [0xF0, 0x9F, 0x98, 0x80])
    }

    @Test func windows1252HighTable() {
        // python3 -c "print(bytes(range(0x80,0xa0)).decode('cp1252', errors='replace').encode('utf-8').hex(' '))"
        // with Python's U+FFFD (ef bf bd) for the undefined 0x81 0x8D 0x8F 0x90 0x9D replaced by the
        // WHATWG C1 mapping (c2 81, c2 8d, c2 8f, c2 90, c2 9d).
        let expected = hex(
            """
            e2 82 ac c2 81 e2 80 9a c6 92 e2 80 9e e2 80 a6 e2 80 a0 e2 80 a1 cb 86 e2 80 b0 c5 a0 e2 80 b9 \
            c5 92 c2 8d c5 bd c2 8f c2 90 e2 80 98 e2 80 99 e2 80 9c e2 80 9d e2 80 a2 e2 80 93 e2 80 94 \
            cb 9c e2 84 a2 c5 a1 e2 80 ba c5 93 c2 9d c5 be c5 b8
            """)
        #expect(transcode(Array(0x80...0x9F), .windows1252) == expected)
        // Outside 0x80–0x9F Windows-1252 is Latin-1: é is E9 -> c3 a9.
        #expect(transcode([0x41, 0xE9], .windows1252) == [0x41, 0xC3, 0xA9])
    }

    @Test func latin1MapsEveryByteToItsCodePoint() {
        // python3 -c "print(bytes([0xa9,0xff,0x41]).decode('latin-1').encode('utf-8').hex(' '))"
        #expect(transcode([0xA9, 0xFF, 0x41], .latin1) == hex("c2 a9 c3 bf 41"))
        // python3 -c "print(bytes([0x80,0x81,0x8d,0x8f,0x90,0x9d]).decode('latin-1').encode('utf-8').hex(' '))"
        #expect(transcode([0x80, 0x81, 0x8D, 0x8F, 0x90, 0x9D], .latin1) == hex("c2 80 c2 81 c2 8d c2 8f c2 90 c2 9d"))
    }

    @Test func utf8IsPassedThroughAndFlaggedCheap() {
        let transcoder = StreamingTranscoder(encoding: .utf8)
        #expect(transcoder.isPassthrough)
        #expect(!StreamingTranscoder(encoding: .utf16LE).isPassthrough)
        #expect(transcode([0xFF, 0x61], .utf8) == [0xFF, 0x61])
    }

    @Test func appendsAfterExistingOutput() {
        var transcoder = StreamingTranscoder(encoding: .latin1)
        var output: [UInt8] = [0x7A]
        ([0xE9] as [UInt8]).withUnsafeBytes { transcoder.transcode($0, appendingTo: &output, isFinal: true) }
        #expect(output == [0x7A, 0xC3, 0xA9])
    }

    @Test(arguments: [
        // Read by hand from the csvkit files: "a,b,c\n1,2,3\n4,5,ʤ" (U+02A4 = ca a4) and "...4,5,©".
        ("test_utf16_big", TextEncoding.utf16BE, Array("a,b,c\n1,2,3\n4,5,\u{02A4}".utf8)),
        ("test_utf16_little", .utf16LE, Array("a,b,c\n1,2,3\n4,5,\u{02A4}".utf8)),
        ("test_latin1", .latin1, Array("a,b,c\n1,2,3\n4,5,\u{00A9}".utf8)),
    ])
    func csvkitFixtures(name: String, encoding: TextEncoding, expected: [UInt8]) throws {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/encoding"))
        let bytes = Array(try Data(contentsOf: url))
        let bom = bytes.withUnsafeBytes { EncodingSniffer.sniff(prefix: $0, declared: encoding).bomLength }
        #expect(transcode(Array(bytes[bom...]), encoding, cuts: [3]) == expected)
    }
}
