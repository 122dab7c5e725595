import CandorCore
import Foundation
import Testing

@testable import CandorIngest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Each kind of bad record: its reason, line, column, and the records on either side intact;
/// then the inputs that cannot be read at all, with their exact messages.
@Suite(.temporaryFiles)
struct BadInputTests {
    @Test func raggedTooFewAndTooMany() throws {
        let path = try ReaderHarness.temporaryFile("a,b,c\n1,2\n3,4,5,6\n7,8,9\n")
        #expect(
            try ReaderHarness.readEveryWay(path).records == [
                ReadRecord(
                    fields: ["1", "2"], line: 2, record: 1, offset: 6, problem: .raggedRecord, column: 3,
                    detail: "expected 3 fields, found 2"),
                ReadRecord(
                    fields: ["3", "4", "5", "6"], line: 3, record: 2, offset: 10, problem: .raggedRecord, column: 4,
                    detail: "expected 3 fields, found 4"),
                ReadRecord(fields: ["7", "8", "9"], line: 4, record: 3, offset: 18),
            ])
    }

    /// The quote opened on line 3 never closes: that record is rejected and lines 4 and 5 are
    /// read again as the records they are.
    @Test func unterminatedQuoteAtEndOfFile() throws {
        let path = try ReaderHarness.temporaryFile("a,b\n1,2\n3,\"x\n4,5\n6,7\n")
        #expect(
            try ReaderHarness.readEveryWay(path).records == [
                ReadRecord(fields: ["1", "2"], line: 2, record: 1, offset: 4),
                ReadRecord(
                    fields: ["3", "x\n4,5\n6,7\n"], line: 3, record: 2, offset: 8, problem: .unterminatedQuote,
                    column: 2,
                    detail: "quoted field is not closed before the end of the file"),
                ReadRecord(fields: ["4", "5"], line: 4, record: 3, offset: 13),
                ReadRecord(fields: ["6", "7"], line: 5, record: 4, offset: 17),
            ])
    }

    @Test func unterminatedQuoteWithCRLF() throws {
        let path = try ReaderHarness.temporaryFile("a,b\r\n\"x,1\r\n2,3\r\n")
        let result = try ReaderHarness.readEveryWay(path)
        #expect(
            result.records == [
                ReadRecord(
                    fields: ["x,1\r\n2,3\r\n"], line: 2, record: 1, offset: 5, problem: .unterminatedQuote, column: 1,
                    detail: "quoted field is not closed before the end of the file"),
                ReadRecord(fields: ["2", "3"], line: 3, record: 2, offset: 11),
            ])
        #expect(result.shape?.blankLines == 0)
        #expect(result.shape?.lineEndings == LineEndingCounts(crlf: 1, lf: 0, cr: 0))
    }

    @Test func nulByte() throws {
        let path = try ReaderHarness.temporaryFile(Array("a,b\n1,x\n2,y".utf8) + [0] + Array("z\n3,w\n".utf8))
        #expect(
            try ReaderHarness.readEveryWay(path).records == [
                ReadRecord(fields: ["1", "x"], line: 2, record: 1, offset: 4),
                ReadRecord(
                    fields: ["2", "y\\x00z"], line: 3, record: 2, offset: 8, problem: .nulByte, column: 2,
                    detail: "NUL byte at byte 2 of the field"),
                ReadRecord(fields: ["3", "w"], line: 4, record: 3, offset: 14),
            ])
    }

    /// maxFieldBytes 64: an unquoted 100-byte field is rejected whole; a quoted one still open
    /// at the end of its first line is rejected there and reading resumes on its second line.
    @Test func fieldOverTheSizeLimit() throws {
        let xs = String(repeating: "x", count: 100)
        let ys = String(repeating: "y", count: 100)
        let path = try ReaderHarness.temporaryFile("a,b\n1,\(xs)\n2,\"\(ys)\nz\"\n3,4\n")
        // Offsets: 4; 4 + "1," + 100 + LF = 107; 107 + "2,\"" + 100 + LF = 211; 211 + "z\"\n" = 214.
        #expect(
            try ReaderHarness.readEveryWay(path, ReadOptions(maxFieldBytes: 64)).records == [
                ReadRecord(
                    fields: ["1", String(xs.prefix(64))], line: 2, record: 1, offset: 4, problem: .fieldTooLarge,
                    column: 2,
                    detail: "field is longer than the limit of 64 bytes"),
                ReadRecord(
                    fields: ["2", String(ys.prefix(64))], line: 3, record: 2, offset: 107, problem: .fieldTooLarge,
                    column: 2,
                    detail: "quoted field longer than 64 bytes (an unclosed quote?); reading resumes at the next line"),
                ReadRecord(
                    fields: ["z\""], line: 4, record: 3, offset: 211, problem: .raggedRecord, column: 2,
                    detail: "expected 2 fields, found 1"),
                ReadRecord(fields: ["3", "4"], line: 5, record: 4, offset: 214),
            ])
    }

    /// An unclosed quote in a file of short lines is cut off at the size limit, not buffered to
    /// the end of the file.
    @Test func runawayQuoteStopsAtTheLimit() throws {
        var text = "id,v\n1,\"open\n"
        for index in 2...40 { text += "\(index),ok\n" }
        let result = try ReaderHarness.readEveryWay(
            try ReaderHarness.temporaryFile(text), ReadOptions(maxFieldBytes: 64))
        // "open\n2,ok\n"... passes 64 bytes within a few lines; the record is rejected and every
        // line after its first is read again: records 2...40 come back intact.
        #expect(result.records.first?.problem == .fieldTooLarge)
        #expect(result.records.dropFirst().map(\.fields) == (2...40).map { ["\($0)", "ok"] })
        #expect(result.records.dropFirst().allSatisfy { $0.problem == nil })
    }

    @Test func invalidEncoding() throws {
        let path = try ReaderHarness.temporaryFile(Array("a,b\n1,ok\n2,caf".utf8) + [0xE9] + Array("\n3,fine\n".utf8))
        // Declared UTF-8: undeclared, this file would be read as Windows-1252 (EncodingGuessTests).
        #expect(
            try ReaderHarness.readEveryWay(path, ReadOptions(encoding: .utf8)).records == [
                ReadRecord(fields: ["1", "ok"], line: 2, record: 1, offset: 4),
                ReadRecord(
                    fields: ["2", "caf\\xE9"], line: 3, record: 2, offset: 9, problem: .invalidEncoding, column: 2,
                    detail: "invalid UTF-8 byte 0xE9 at byte 4 of the field (the record starts at byte offset 9)"),
                ReadRecord(fields: ["3", "fine"], line: 4, record: 3, offset: 16),
            ])
    }

    /// Sequences cut in two by a delimiter: the batch's bytes together are valid UTF-8, so only
    /// the check of where each field starts finds them (the third record's first field is empty,
    /// so its start is also the second field's).
    @Test func sequenceSplitByADelimiter() throws {
        let path = try ReaderHarness.temporaryFile(
            Array("a,b,c\n".utf8) + [0xC3] + Array(",".utf8) + [0xA9] + Array(",z\nx,é,y\n,".utf8) + [0xE2, 0x82]
                + Array(",".utf8) + [0xAC] + Array("\n".utf8))
        // Records start at bytes 6, 6 + 6 = 12 and 12 + 7 = 19 ("é" is two bytes). Declared UTF-8:
        // undeclared, the file is neither UTF-8 nor Windows-1252 and is refused.
        #expect(
            try ReaderHarness.readEveryWay(path, ReadOptions(encoding: .utf8)).records == [
                ReadRecord(
                    fields: ["\\xC3", "\\xA9", "z"], line: 2, record: 1, offset: 6, problem: .invalidEncoding,
                    column: 1,
                    detail: "invalid UTF-8 byte 0xC3 at byte 1 of the field (the record starts at byte offset 6)"),
                ReadRecord(fields: ["x", "é", "y"], line: 3, record: 2, offset: 12),
                ReadRecord(
                    fields: ["", "\\xE2\\x82", "\\xAC"], line: 4, record: 3, offset: 19, problem: .invalidEncoding,
                    column: 2,
                    detail: "invalid UTF-8 byte 0xE2 at byte 1 of the field (the record starts at byte offset 19)"),
            ])
    }

    @Test func missingFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent(
            "candor-missing-\(UUID().uuidString).csv"
        ).path
        let error = try #require(ReaderHarness.failure(path))
        #expect(error.kind == .missing)
        #expect(error.description == path + ": No such file or directory")
    }

    @Test func directory() throws {
        let path = FileManager.default.temporaryDirectory.path
        let error = try #require(ReaderHarness.failure(path))
        #expect(error.kind == .directory)
        #expect(error.description == path + ": is a directory, not a CSV file")
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their permissions"))
    func unreadable() throws {
        let path = try ReaderHarness.temporaryFile("a,b\n1,2\n")
        #expect(chmod(path, 0) == 0)
        defer { _ = chmod(path, 0o600) }
        let error = try #require(ReaderHarness.failure(path))
        #expect(error.kind == .unreadable)
        #expect(error.description == path + ": Permission denied")
    }

    @Test func emptyFile() throws {
        let path = try ReaderHarness.temporaryFile([UInt8]())
        let error = try #require(ReaderHarness.failure(path))
        #expect(error.kind == .empty)
        #expect(error.description == path + ": is empty")
        let bomOnly = try ReaderHarness.temporaryFile([0xEF, 0xBB, 0xBF])
        #expect(ReaderHarness.failure(bomOnly)?.kind == .empty)
    }

    @Test func onlyBlankLines() throws {
        let path = try ReaderHarness.temporaryFile("\n\r\n\n")
        let error = try #require(ReaderHarness.failure(path))
        #expect(error.kind == .noHeader)
        #expect(error.description == path + ": has no header row (only blank lines)")
    }
}
