import Foundation
import Testing

/// Issue 20, default 2: an input that declares no encoding, has no byte-order mark and is not
/// UTF-8 is read as Windows-1252 when nothing speaks against it, and the report says so; else
/// the run stops (66) with a hint naming `read.encoding`. Before, every record with an accented
/// letter was rejected and the run exited 0.
@Suite struct EncodingGuessTests {
    /// The sample's header and its first `records` data records that are plain ASCII, in
    /// bytes, each line ending CRLF as the sample's do.
    private static func asciiHead(_ workspace: Workspace, records: Int) throws -> [[UInt8]] {
        let sample = try #require(FileFacts.bytes(workspace.path("SampleData/bad-boss.csv")))
        var lines: [[UInt8]] = []
        var current: [UInt8] = []
        for byte in sample {
            current.append(byte)
            guard byte == UInt8(ascii: "\n") else { continue }
            if current.allSatisfy({ $0 < 0x80 }) { lines.append(current) }
            current = []
            if lines.count == records + 1 { break }
        }
        return lines
    }

    /// `line` (a data record of the sample) with its comment, the last field, replaced by `comment`.
    private static func withComment(_ line: [UInt8], _ comment: [UInt8]) -> [UInt8] {
        let lastComma = line.lastIndex(of: UInt8(ascii: ","))!
        return Array(line[...lastComma]) + comment + Array("\r\n".utf8)
    }

    /// A workspace whose bad-boss definition leaves the encoding to `auto`.
    private static func autoWorkspace() throws -> Workspace {
        let workspace = try Workspace()
        try workspace.edit("Pipelines/bad-boss.yml", replacing: "  encoding: utf-8\n", with: "")
        return workspace
    }

    @Test func windows1252IsReadAndTheReportSaysSo() throws {
        let workspace = try Self.autoWorkspace()
        var lines = try Self.asciiHead(workspace, records: 20)
        // "Café trop bruyant" as Excel on Windows saves it: é is the single byte 0xE9.
        lines[5] = Self.withComment(lines[5], Array("Caf".utf8) + [0xE9] + Array(" trop bruyant".utf8))
        let bytes = lines.flatMap { $0 }
        let offset = try #require(bytes.firstIndex(of: 0xE9))
        try Data(bytes).write(to: URL(fileURLWithPath: workspace.path("excel.csv")))

        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--input", "excel.csv")
        #expect(result.status == 0)
        let json = try #require(FileFacts.bytes(workspace.reports() + "/bad-boss.json"))
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        let accounting = try #require(report["accounting"] as? [String: Any])
        let quality = try #require(accounting["data_quality"] as? [String: Any])
        let fallbacks = try #require(quality["encoding_fallbacks"] as? [String: [String: Any]])
        #expect(fallbacks.keys.sorted() == ["excel.csv"])
        #expect(fallbacks["excel.csv"]?["read_as"] as? String == "windows-1252")
        #expect(fallbacks["excel.csv"]?["first_non_utf8_offset"] as? Int == offset)
        #expect(accounting["rejected"] as? Int == 0)
        let markdown = try String(contentsOfFile: workspace.reports() + "/bad-boss.md", encoding: .utf8)
        // The report groups thousands: 1100 reads "1,100".
        #expect(offset >= 1000 && offset < 1_000_000)
        let grouped = "\(offset / 1000)," + String(format: "%03d", offset % 1000)
        #expect(
            markdown.contains(
                "excel.csv is not UTF-8 (from byte \(grouped)) and holds no multi-byte UTF-8 sequence, so it was read as Windows-1252, as Excel on Windows writes CSV. If that is wrong, declare the input's read.encoding."
            ))
    }

    @Test func aFileThatIsNeitherStopsTheRunWithAHint() throws {
        let workspace = try Self.autoWorkspace()
        var lines = try Self.asciiHead(workspace, records: 20)
        // 0xE9 is not UTF-8; "ü" as UTF-8 (C3 BC) rules Windows-1252 out.
        lines[5] = Self.withComment(lines[5], Array("Caf".utf8) + [0xE9])
        lines[6] = Self.withComment(lines[6], Array("M".utf8) + [0xC3, 0xBC] + Array("ll".utf8))
        let bytes = lines.flatMap { $0 }
        let invalid = try #require(bytes.firstIndex(of: 0xE9))
        let sequence = try #require(bytes.firstIndex(of: 0xC3))
        try Data(bytes).write(to: URL(fileURLWithPath: workspace.path("mixed.csv")))

        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--input", "mixed.csv")
        #expect(result.status == 66)
        #expect(
            result.stderrLines == [
                "candor: error: bad-boss: mixed.csv: is not utf-8 (byte 0xE9 at offset \(invalid)), and is not windows-1252 either: it holds a multi-byte utf-8 sequence (at offset \(sequence)); declare its encoding with read.encoding (utf-8, windows-1252, latin-1, utf-16le or utf-16be; `candor inspect --encoding E FILE` shows how it reads)"
            ])
        #expect(!FileFacts.exists(workspace.reports() + "/bad-boss.json"))
    }

    /// The decision is made on the first 64 KiB; a record further on that is not UTF-8 stops
    /// the run instead of being rejected quietly.
    @Test func aLaterRecordThatContradictsUTF8StopsTheRun() throws {
        let workspace = try Self.autoWorkspace()
        var lines = try Self.asciiHead(workspace, records: 600)
        #expect(lines.dropLast().joined().count > 64 * 1024)
        lines[lines.count - 1] = Self.withComment(lines[lines.count - 1], Array("Caf".utf8) + [0xE9])
        try Data(lines.flatMap { $0 }).write(to: URL(fileURLWithPath: workspace.path("late.csv")))

        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--input", "late.csv")
        #expect(result.status == 66)
        #expect(
            result.stderrLines == [
                "candor: error: bad-boss: late.csv: was read as utf-8 (its first 64 KiB are), but 1 record(s) further on are not utf-8; declare its encoding with read.encoding (utf-8, windows-1252, latin-1, utf-16le or utf-16be; `candor inspect --encoding E FILE` shows how it reads) (utf-8 rejects just those records)"
            ])

        // Declared, the same file runs and the record is rejected, as before.
        let declared = try Workspace()
        try Data(lines.flatMap { $0 }).write(to: URL(fileURLWithPath: declared.path("late.csv")))
        let run = try declared.candor("run", "Pipelines/bad-boss.yml", "--input", "late.csv")
        #expect(run.status == 0)
    }
}
