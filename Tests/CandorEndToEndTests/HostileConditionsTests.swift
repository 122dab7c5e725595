import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The attacks of issue 22 that got through, as cron would meet them: a signal mid-run, stderr
/// that cannot be written, an input that is not a regular file or changes while it is read,
/// and `--if-changed` with a report missing.
@Suite struct HostileConditionsTests {
    static let finalNames = [
        "bad-boss.md", "bad-boss.json", "bad-boss.html", "bad-boss.xlsx", "bad-boss.csv", "bad-boss.rejects.csv",
        "history.sqlite", "runs.jsonl",
    ]

    /// A shell reports a process a signal killed as 128 + the signal's number (`kill -l`:
    /// INT is 2, TERM is 15); candor exits with those codes after cleaning up.
    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aSignalMidRunRemovesTheTemporaryFilesAndLogsTheRun(signal: Int32, expected: Int32) throws {
        let workspace = try Workspace()
        let reports = workspace.reports()
        try #require(try workspace.candor("run", "Pipelines/bad-boss.yml").status == 0)
        let before = Self.finalNames.dropLast().map { FileFacts.bytes(reports + "/" + $0) }
        let big = try InterruptionTests.makeLargeInput(workspace)

        let doomed = try CandorProcess.start(["run", "Pipelines/bad-boss.yml", "--input", big], in: workspace.root)
        let signalledWhileReading = InterruptionTests.waitUntilReading(doomed, in: reports)
        kill(doomed.pid, signal)
        let result = doomed.finish()
        try #require(signalledWhileReading, "the run ended before the signal; make the input larger")

        #expect(result.status == expected)
        // The old code died by the signal, leaving `.bad-boss.rejects.csv.tmp-PID-…` (0600).
        #expect(FileFacts.entries(reports) == [".candor.lock"] + Self.finalNames.sorted())
        #expect(Self.finalNames.dropLast().map { FileFacts.bytes(reports + "/" + $0) } == before)
        let log = FileFacts.jsonLines(reports + "/runs.jsonl")
        #expect(log.map { $0?["exit_code"] as? Int } == [0, Int(expected)])
        #expect(log.last??["pipeline"] as? String == "bad-boss")
    }

    /// stderr on a full disk (`/dev/full`) or closed: the old binary trapped in
    /// `FileHandle.write` (SIGILL, 132) before the run log was written.
    @Test(arguments: ["2>/dev/full", "2>&-"])
    func aFailingRunWhoseStderrCannotBeWrittenKeepsItsStatusAndLogEntry(redirection: String) throws {
        let workspace = try Workspace()
        let result = try CandorProcess.runShell(
            "\"$CANDOR\" run Pipelines/bad-boss.yml --input missing.csv \(redirection)", in: workspace.root)
        #expect(result.status == 66)
        let log = FileFacts.jsonLines(workspace.reports() + "/runs.jsonl")
        #expect(log.map { $0?["exit_code"] as? Int } == [66])
    }

    /// A FIFO blocked the old binary in open(2) with the output lock held (and `--if-changed`
    /// in its checksum before that); /dev/zero never ended. Both are refused at once.
    @Test func aFIFOAndADeviceAreRefusedAndASymlinkIsRead() throws {
        let workspace = try Workspace()
        #expect(mkfifo(workspace.path("drop.csv"), 0o600) == 0)
        let refusals = [
            (["--input", "drop.csv"], "drop.csv: is a FIFO (named pipe), not a regular file"),
            (["--input", "drop.csv", "--if-changed"], "drop.csv: is a FIFO (named pipe), not a regular file"),
            (["--input", "/dev/zero"], "/dev/zero: is a character device, not a regular file"),
        ]
        try #require(try workspace.candor("run", "Pipelines/bad-boss.yml").status == 0)
        for (arguments, what) in refusals {
            let result = try CandorProcess.start(["run", "Pipelines/bad-boss.yml"] + arguments, in: workspace.root)
                .finish(limit: 20)
            #expect(result.status == 66)
            #expect(result.stderrLines == ["candor: error: bad-boss: \(what); only regular files are read"])
        }
        // Drop folders link the day's export under a fixed name.
        #expect(symlink(workspace.path("SampleData/bad-boss.csv"), workspace.path("linked.csv")) == 0)
        let linked = try workspace.candor("run", "Pipelines/bad-boss.yml", "--input", "linked.csv")
        #expect(linked.status == 0)
        #expect(linked.stderr == "")
    }

    /// Truncated mid-run, the export gave exit 0, a report of the records read so far and the
    /// checksum of the complete file; now the run fails and yesterday's reports stay.
    @Test func anInputTruncatedMidRunFailsAndKeepsThePreviousReports() throws {
        let workspace = try Workspace()
        let reports = workspace.reports()
        try #require(try workspace.candor("run", "Pipelines/bad-boss.yml").status == 0)
        let before = Self.finalNames.dropLast().map { FileFacts.bytes(reports + "/" + $0) }
        let big = try InterruptionTests.makeLargeInput(workspace)
        let size = try #require(FileManager.default.attributesOfItem(atPath: big)[.size] as? Int)

        let running = try CandorProcess.start(["run", "Pipelines/bad-boss.yml", "--input", big], in: workspace.root)
        let truncatedWhileReading = InterruptionTests.waitUntilReading(running, in: reports)
        #expect(truncate(big, 4096) == 0)
        let result = running.finish()
        try #require(truncatedWhileReading, "the run ended before the truncation; make the input larger")

        #expect(result.status == 66)
        #expect(
            result.stderrLines == [
                "candor: error: bad-boss: \(big): changed while it was read (it was truncated from \(size) to 4096 bytes); nothing was published: run again once it is complete"
            ])
        #expect(Self.finalNames.dropLast().map { FileFacts.bytes(reports + "/" + $0) } == before)
        #expect(FileFacts.jsonLines(reports + "/runs.jsonl").map { $0?["exit_code"] as? Int } == [0, 66])
    }

    /// `--if-changed` skipped whenever the JSON report existed: a deleted Markdown report (or
    /// rejects file) stayed missing until the inputs changed.
    @Test(arguments: ["bad-boss.md", "bad-boss.rejects.csv"])
    func ifChangedRunsAgainWhenAReportIsMissing(missing: String) throws {
        let workspace = try Workspace()
        let reports = workspace.reports()
        try #require(try workspace.candor("run", "Pipelines/bad-boss.yml").status == 0)
        let published = try #require(FileFacts.bytes(reports + "/" + missing))
        #expect(unlink(reports + "/" + missing) == 0)

        let again = try workspace.candor("run", "Pipelines/bad-boss.yml", "--if-changed", "--verbose")
        #expect(again.status == 0)
        #expect(again.stdoutLines.first?.hasPrefix("bad-boss: ok; read 1500,") == true)
        #expect(FileFacts.bytes(reports + "/" + missing) == published)

        // With every report in place, the same inputs are skipped.
        let skipped = try workspace.candor("run", "Pipelines/bad-boss.yml", "--if-changed", "--verbose")
        #expect(skipped.stdoutLines == ["bad-boss: unchanged since the last successful run, skipped"])
    }
}
