import Foundation
import Testing

@testable import CandorIngest

/// Issue 20, default 2: an undeclared, unmarked input is UTF-8, Windows-1252 (not UTF-8, with no
/// multi-byte UTF-8 sequence and none of 0x81, 0x8D, 0x8F, 0x90, 0x9D), or refused; the first
/// 64 KiB decide, and the rest of the file is held to the decision.
@Suite(.temporaryFiles) struct EncodingGuessTests {
    private func sniff(_ bytes: [UInt8], wholeFile: Bool = true) -> EncodingSniff {
        bytes.withUnsafeBytes { EncodingSniffer.sniff(prefix: $0, declared: nil, prefixIsWholeFile: wholeFile) }
    }

    @Test func excelsCafeIsWindows1252() {
        // "id,Café\n": é is 0xE9 at offset 6.
        let result = sniff(Array("id,Caf".utf8) + [0xE9, 0x0A])
        #expect(result.encoding == .windows1252)
        #expect(result.guess == .windows1252(firstNonUTF8: .init(offset: 6, byte: 0xE9)))
        #expect(result.refusal == nil)
    }

    @Test func utf8AndAsciiAreUTF8() {
        #expect(sniff(Array("id,Café\n".utf8)).guess == .utf8)
        #expect(sniff(Array("id,Cafe\n".utf8)).guess == .utf8)
        // A declaration or a mark decides before any guess.
        #expect(sniff([0xEF, 0xBB, 0xBF, 0xE9]).guess == nil)
    }

    @Test(
        arguments: [
            // 0xE9 at 0 is not UTF-8; C3 A9 at 2 is a well-formed sequence ("é").
            (
                [0xE9, 0x2C, 0xC3, 0xA9] as [UInt8],
                "is not utf-8 (byte 0xE9 at offset 0), and is not windows-1252 either: it holds a multi-byte utf-8 sequence (at offset 2); "
            ),
            // 0x81 is undefined in Windows-1252 (and not UTF-8 either: a stray continuation byte).
            (
                [0x61, 0x81, 0x62],
                "is not utf-8 (byte 0x81 at offset 1), and is not windows-1252 either: it holds byte 0x81 at offset 1, which windows-1252 does not define; "
            ),
            (
                [0xE9, 0x0A, 0x9D],
                "is not utf-8 (byte 0xE9 at offset 0), and is not windows-1252 either: it holds byte 0x9D at offset 2, which windows-1252 does not define; "
            ),
        ])
    func neitherIsRefusedWithAHint(bytes: [UInt8], start: String) {
        let result = sniff(bytes)
        #expect(result.refusal == start + EncodingSniffer.hint)
        #expect(EncodingSniffer.hint.contains("read.encoding"))
    }

    /// Table 3-7's edges: a surrogate (ED A0 80), an overlong form (C0 AF, E0 80 80) and a
    /// sequence broken by ASCII are not UTF-8, and none of them is a multi-byte sequence.
    @Test(arguments: [[0xED, 0xA0, 0x80], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xE2, 0x82, 0x41]] as [[UInt8]])
    func illFormedSequencesAreNotUTF8(bytes: [UInt8]) {
        var evidence = EncodingEvidence()
        bytes.withUnsafeBytes { evidence.scan($0, isFinal: true) }
        #expect(evidence.firstInvalidByte?.offset == 0)
        #expect(evidence.firstMultibyteSequence == nil)
    }

    @Test func aSequenceCutByTheWindowIsNotHeldAgainstTheFile() {
        // The window's last byte starts "é" (C3 A9); its second byte is past the window.
        let bytes = Array(repeating: UInt8(ascii: "a"), count: EncodingSniffer.guessWindow - 1) + [0xC3, 0xA9]
        #expect(sniff(bytes, wholeFile: false).guess == .utf8)
        // At the end of a whole file, the cut sequence is invalid: a lone C3, so Windows-1252 ("Ã").
        #expect(sniff(Array("ab".utf8) + [0xC3]).encoding == .windows1252)
    }

    /// Past the first 64 KiB, a multi-byte UTF-8 sequence contradicts a Windows-1252 reading:
    /// the stream fails rather than read "é" as "Ã©".
    @Test func aLaterUTF8SequenceStopsAWindows1252Read() throws {
        var bytes = Array("id,text\n1,Caf".utf8) + [0xE9, 0x0A]
        while bytes.count < EncodingSniffer.guessWindow + 100 { bytes += Array("2,plain\n".utf8) }
        let sequenceOffset = bytes.count + 2
        bytes += Array("3,".utf8) + [0xC3, 0xA9] + [0x0A]
        let path = try ReaderHarness.temporaryFile(bytes)
        // Read ahead on a thread, the error may come as the stream opens or as it is read.
        let error = #expect(throws: IngestError.self) {
            let stream = try IngestStream(path: path, options: ReadOptions(chunkSize: 4096), threaded: false)
            #expect(stream.encoding == .windows1252)
            while try stream.next() != nil {}
        }
        #expect(error?.kind == .unknownEncoding)
        #expect(
            error?.detail
                == "was read as windows-1252 (its first 64 KiB are not utf-8 and hold no multi-byte utf-8 sequence), but further on it holds a multi-byte utf-8 sequence (at offset \(sequenceOffset)); "
                + EncodingSniffer.hint)
    }
}
