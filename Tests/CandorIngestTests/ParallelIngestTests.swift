import CandorCore
import Foundation
import Testing

@testable import CandorIngest

/// `ParallelIngest`: a file read in two parts at once gives what one sequential pass gives,
/// whether the cut holds or falls inside a quoted field.
@Suite(.temporaryFiles)
struct ParallelIngestTests {
    /// `count` records `k,x` after a header, one line each.
    private static func plainRecords(_ count: Int, lineBreak: String = "\n") -> String {
        "id,value" + lineBreak + (1...count).map { "\($0),x" + lineBreak }.joined()
    }

    @Test func aCutBetweenRecordsIsReadInTwoParts() throws {
        let path = try ReaderHarness.temporaryFile(Self.plainRecords(1000))
        let (result, parts) = try ReaderHarness.readInParts(path)
        #expect(parts == 2)
        #expect(result == (try ReaderHarness.read(path)))
        // Worked out from the text: record k is on line k + 1, and its offset is the header's
        // 9 bytes plus the lengths of the records before it ("k,x\n" is digits(k) + 3 bytes).
        let last = try #require(result.records.last)
        #expect(last.record == 1000 && last.line == 1001)
        let bytesBefore = 9 + (1...999).reduce(0) { $0 + String($1).utf8.count + 3 }
        #expect(last.offset == Int64(bytesBefore))
    }

    @Test func aCutInsideAQuotedFieldFallsBackToOneSequentialPart() throws {
        // One record whose quoted field spans every line around the middle of the file.
        let quoted = (1...200).map { "line \($0)" }.joined(separator: "\n")
        let text = "id,note\n1,a\n2,\"\(quoted)\"\n3,b\n"
        let path = try ReaderHarness.temporaryFile(text)
        let (result, parts) = try ReaderHarness.readInParts(path)
        #expect(parts == 1)
        #expect(result.records.map(\.record) == [1, 2, 3])
        #expect(result.records.map(\.line) == [2, 3, 203])
        #expect(result.records[1].fields[1] == quoted)
        #expect(result == (try ReaderHarness.read(path)))
    }

    @Test func blankLinesLineEndingsAndRejectsAcrossTheCutAddUp() throws {
        // CRLF, a blank line and a ragged record in each half.
        var text = "id,value\r\n"
        for index in 1...400 {
            text += index % 100 == 50 ? "\r\n\(index)\r\n" : "\(index),x\r\n"
        }
        let path = try ReaderHarness.temporaryFile(text)
        let (result, parts) = try ReaderHarness.readInParts(path)
        #expect(parts == 2)
        #expect(result.shape?.blankLines == 4)
        #expect(result.shape?.lineEndings == LineEndingCounts(crlf: 404, lf: 0, cr: 0))
        #expect(result.records.filter { $0.problem == .raggedRecord }.map(\.record) == [50, 150, 250, 350])
        #expect(result == (try ReaderHarness.read(path)))
    }

    @Test func transcodedInputIsReadInOnePart() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in Self.plainRecords(300).utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let path = try ReaderHarness.temporaryFile(bytes)
        let (result, parts) = try ReaderHarness.readInParts(path)
        #expect(parts == 1)
        #expect(result.records.count == 300)
        #expect(result == (try ReaderHarness.read(path)))
    }

    @Test func countingInspectionAgreesWithTheProfilingOne() throws {
        // Over `ParallelIngest.defaultMinimumPartBytes`, so counting reads it in two parts.
        let padding = String(repeating: "x", count: 100)
        var text = "id,value\n" + (1...50_000).map { "\($0),\(padding)\n" }.joined()
        text += "50001\n50002,\"unterminated\n"
        let path = try ReaderHarness.temporaryFile(text)
        #expect(text.utf8.count > ParallelIngest.defaultMinimumPartBytes)
        let counted = try InputInspection.inspect(path: path, profileColumns: false)
        let profiled = try InputInspection.inspect(path: path)
        #expect(counted.records == 50_002)
        #expect(counted.rejectedByReason == [.raggedRecord: 1, .unterminatedQuote: 1])
        #expect(counted.records == profiled.records && counted.rejectedByReason == profiled.rejectedByReason)
        #expect(counted.shape == profiled.shape)
        #expect(counted.columns.isEmpty && profiled.columns.map(\.name) == ["id", "value"])
    }
}
