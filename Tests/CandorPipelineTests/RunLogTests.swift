import Foundation
import Testing

@testable import CandorPipeline

/// The run log: exact JSON lines, reading back, damaged lines, concurrent appenders.
@Suite struct RunLogTests {
    /// 2026-03-02T02:00:00Z is 1772416800 s after the epoch:
    /// `python3 -c 'import calendar; print(calendar.timegm((2026,3,2,2,0,0)))'`.
    static let started = Date(timeIntervalSince1970: 1_772_416_800.125)
    /// 754.321 s later; not exactly representable in binary, so this checks the rounding.
    static let ended = Date(timeIntervalSince1970: 1_772_417_554.446)

    static func entry(
        pipeline: String = "bad-boss-2026", exit: CandorPipeline.ExitStatus = .success, sha: String = "c6"
    )
        -> RunLogEntry
    {
        RunLogEntry(
            pipeline: pipeline, definitionPath: "Pipelines/bad-boss.yaml",
            definitionSHA256: String(repeating: "ab", count: 32), started: started, ended: ended,
            inputs: [
                .init(
                    path: "SampleData/bad-boss.csv", bytes: 1_048_699,
                    sha256: sha + "8471891db800c38489aaf36edeca12f6686d5ea50aee79ce88fc37bd688e85", records: 5000),
                .init(
                    path: "Exports/Zoë 2026.csv", bytes: 0,
                    sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", records: 0),
            ],
            counts: .init(read: 5000, accepted: 4870, rejected: 100, excluded: 30), exitStatus: exit)
    }

    /// From `python3 -c 'import json; print(json.dumps(e, sort_keys=True, separators=(",",":"),
    /// ensure_ascii=False))'` with `e` the dict of the entry above written out by hand
    /// ("started": "2026-03-02T02:00:00.125Z", "duration_seconds": 754.321, ...).
    static let expectedLine =
        #"{"counts":{"accepted":4870,"excluded":30,"read":5000,"rejected":100},"definition_path":"Pipelines/bad-boss.yaml","definition_sha256":"abababababababababababababababababababababababababababababababab","duration_seconds":754.321,"ended":"2026-03-02T02:12:34.446Z","exit_code":0,"inputs":[{"bytes":1048699,"path":"SampleData/bad-boss.csv","records":5000,"sha256":"c68471891db800c38489aaf36edeca12f6686d5ea50aee79ce88fc37bd688e85"},{"bytes":0,"path":"Exports/Zoë 2026.csv","records":0,"sha256":"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"}],"pipeline":"bad-boss-2026","started":"2026-03-02T02:00:00.125Z"}"#

    @Test func appendsOneSortedCompactLine() throws {
        let previous = umask(0o022)
        defer { umask(previous) }
        let folder = ScratchFolder()
        let log = RunLog(directory: folder.path)
        #expect(log.path == folder.path + "/runs.jsonl")
        try log.append(Self.entry())
        #expect(folder.read("runs.jsonl") == Self.expectedLine + "\n")
        #expect(permissionBits(log.path) == 0o644)
        try log.append(Self.entry())
        #expect(folder.read("runs.jsonl") == Self.expectedLine + "\n" + Self.expectedLine + "\n")
    }

    @Test func readsBackWhatItWrote() throws {
        let folder = ScratchFolder()
        let log = RunLog(directory: folder.path)
        #expect(try log.entries().isEmpty)
        #expect(try log.lastSuccessful(pipeline: "bad-boss-2026") == nil)
        try log.append(Self.entry())
        let read = try #require(try log.lastSuccessful(pipeline: "bad-boss-2026"))
        #expect(ISO8601Milliseconds.format(read.started) == "2026-03-02T02:00:00.125Z")
        #expect(ISO8601Milliseconds.format(read.ended) == "2026-03-02T02:12:34.446Z")
        #expect(read.durationSeconds == 754.321)
        #expect(read.inputs == Self.entry().inputs)
        #expect(read.counts == Self.entry().counts)
        #expect(read.exitCode == 0)
    }

    @Test func lastSuccessfulSkipsFailuresAndOtherPipelines() throws {
        let folder = ScratchFolder()
        let log = RunLog(directory: folder.path)
        try log.append(Self.entry(sha: "01"))
        try log.append(Self.entry(sha: "02"))
        try log.append(Self.entry(exit: .dataQuality, sha: "03"))
        try log.append(Self.entry(pipeline: "other", sha: "04"))
        let last = try #require(try log.lastSuccessful(pipeline: "bad-boss-2026"))
        #expect(last.inputs[0].sha256.hasPrefix("02"))
        #expect(try log.lastSuccessful(pipeline: "other")?.inputs[0].sha256.hasPrefix("04") == true)
        #expect(try log.lastSuccessful(pipeline: "missing") == nil)
        #expect(try log.entries().count == 4)
    }

    @Test func truncatedLastLineIsSkippedAndTheNextAppendStartsAFreshLine() throws {
        let folder = ScratchFolder()
        let log = RunLog(directory: folder.path)
        try log.append(Self.entry(sha: "01"))
        // A run killed in the middle of its write (or a full disk) leaves half a line.
        let handle = try #require(FileHandle(forWritingAtPath: log.path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data(Self.expectedLine.prefix(70).utf8))
        try handle.close()
        #expect(try log.lastSuccessful(pipeline: "bad-boss-2026")?.inputs[0].sha256.hasPrefix("01") == true)

        try log.append(Self.entry(sha: "02"))
        #expect(try log.entries().count == 2)
        #expect(try log.lastSuccessful(pipeline: "bad-boss-2026")?.inputs[0].sha256.hasPrefix("02") == true)
        let lines = try #require(folder.read("runs.jsonl")).split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 4)  // good, damaged, good, and the empty string after the final newline
        #expect(lines[1] == Self.expectedLine.prefix(70))
    }

    @Test func concurrentAppendersNeverInterleave() async throws {
        let folder = ScratchFolder()
        let log = RunLog(directory: folder.path)
        // Each line is ~700 bytes; 8 writers x 40 lines race for the end of the file.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for writer in 0..<8 {
                group.addTask {
                    for line in 0..<40 {
                        try log.append(Self.entry(pipeline: "p\(writer)-\(line)"))
                    }
                }
            }
            try await group.waitForAll()
        }
        let text = try #require(folder.read("runs.jsonl"))
        let lines = text.split(separator: "\n")
        #expect(lines.count == 320)
        #expect(text.hasSuffix("\n"))
        let entries = try log.entries()
        #expect(entries.count == 320)
        #expect(Set(entries.map(\.pipeline)).count == 320)
    }

    @Test func unreadableLogIsAnError() throws {
        let folder = ScratchFolder()
        try FileManager.default.createDirectory(atPath: folder.file("runs.jsonl"), withIntermediateDirectories: false)
        let log = RunLog(directory: folder.path)
        #expect(throws: OutputError.cannotRead(path: log.path, reason: "Is a directory")) {
            try log.entries()
        }
        #expect(throws: OutputError.cannotCreate(path: log.path, reason: "Is a directory")) {
            try log.append(Self.entry())
        }
        #expect(
            OutputError.cannotRead(path: log.path, reason: "Is a directory").description
                == "cannot read \(folder.path)/runs.jsonl: Is a directory")
    }
}

/// Timestamps: formatting, rounding, and strict parsing.
@Suite struct ISO8601MillisecondsTests {
    /// Expected texts from Python, e.g.
    /// `python3 -c 'import datetime; print(datetime.datetime.fromtimestamp(-1.5, datetime.timezone.utc).isoformat(timespec="milliseconds"))'`
    /// -> 1969-12-31T23:59:58.500+00:00, and 951782400.999 -> 2000-02-29T00:00:00.999+00:00.
    @Test(arguments: [
        (0.0, "1970-01-01T00:00:00.000Z"), (-1.5, "1969-12-31T23:59:58.500Z"),
        (951_782_400.999, "2000-02-29T00:00:00.999Z"), (1_772_416_800.125, "2026-03-02T02:00:00.125Z"),
        (1_772_416_800.9996, "2026-03-02T02:00:01.000Z"),  // rounds up into the next second
    ])
    func formats(seconds: Double, text: String) {
        #expect(ISO8601Milliseconds.format(Date(timeIntervalSince1970: seconds)) == text)
    }

    @Test(arguments: ["1970-01-01T00:00:00.000Z", "1969-12-31T23:59:58.500Z", "2000-02-29T00:00:00.999Z"])
    func roundTrips(text: String) throws {
        let date = try #require(ISO8601Milliseconds.parse(text))
        #expect(ISO8601Milliseconds.format(date) == text)
    }

    @Test func acceptsWholeSecondsAndLongFractions() {
        #expect(ISO8601Milliseconds.parse("2026-03-02T02:00:00Z") == Date(timeIntervalSince1970: 1_772_416_800))
        #expect(
            ISO8601Milliseconds.parse("2026-03-02T02:00:00.1254Z").map(ISO8601Milliseconds.format)
                == "2026-03-02T02:00:00.125Z")
    }

    @Test(arguments: [
        "", "2026-03-02", "2026-03-02T02:00:00.125", "2026-03-02T02:00:00.125+00:00", "2026-13-02T02:00:00Z",
        "2026-03-02 02:00:00Z", "2026-03-02T02:00:00.Z", "2026-03-02T02:00:00.1234567890Z", "２026-03-02T02:00:00Z",
    ])
    func rejects(text: String) {
        #expect(ISO8601Milliseconds.parse(text) == nil)
    }
}
