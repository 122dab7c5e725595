import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A run killed part-way, and two runs on one output folder at once.
///
/// Both need a run that is still going when the test acts, so they read a large generated
/// export: 100,000 rows (about 19 MB) takes the debug binary several seconds, and the test acts
/// about half a second after the run has taken the lock and opened its rejects file.
@Suite struct InterruptionTests {
    static let largeRows = "100000"

    /// Writes the large export into the workspace as `big.csv`.
    static func makeLargeInput(_ workspace: Workspace) throws -> String {
        let made = try workspace.candor("sample", "--survey", "bad-boss", "--rows", largeRows, "--output", "big.csv")
        try #require(made.status == 0, "candor sample failed: \(made.stderr)")
        return workspace.path("big.csv")
    }

    /// Polls until the running pipeline has created its rejects temporary file (so it holds the
    /// lock and is reading), then another half second; false if the process ended first.
    static func waitUntilReading(_ running: CandorProcess.Running, in folder: String) -> Bool {
        let deadline = Date().addingTimeInterval(30)
        while running.process.isRunning && Date() < deadline {
            if FileFacts.entries(folder).contains(where: { $0.hasPrefix(".bad-boss.rejects.csv.tmp-") }) {
                usleep(500_000)
                return running.process.isRunning
            }
            usleep(5_000)
        }
        return false
    }

    @Test func aKilledRunLeavesThePreviousReportsAndTheNextRunSucceeds() throws {
        let workspace = try Workspace()
        let reports = workspace.reports()
        let first = try workspace.candor("run", "Pipelines/bad-boss.yml")
        try #require(first.status == 0)
        let finalNames = [
            "bad-boss.md", "bad-boss.json", "bad-boss.html", "bad-boss.xlsx", "bad-boss.csv", "bad-boss.rejects.csv",
            "history.sqlite", "runs.jsonl",
        ]
        let before = finalNames.map { FileFacts.bytes(reports + "/" + $0) }
        let big = try Self.makeLargeInput(workspace)

        let doomed = try CandorProcess.start(["run", "Pipelines/bad-boss.yml", "--input", big], in: workspace.root)
        let killedWhileReading = Self.waitUntilReading(doomed, in: reports)
        kill(doomed.pid, SIGKILL)
        let killed = doomed.finish()
        try #require(killedWhileReading, "the run ended before it could be killed; make the input larger")
        #expect(killed.status == 128 + SIGKILL)

        // Every final name holds exactly what the first run wrote.
        #expect(finalNames.map { FileFacts.bytes(reports + "/" + $0) } == before)
        // SIGKILL gives no chance to clean up: the hidden temporary files of the killed process
        // (`.NAME.tmp-PID-RANDOM`, never a final name) are all that may be left.
        let leftovers = FileFacts.entries(reports).filter { !finalNames.contains($0) && $0 != ".candor.lock" }
        #expect(!leftovers.isEmpty)
        for name in leftovers {
            let isKilledRunsTemporary = [
                "bad-boss.md", "bad-boss.json", "bad-boss.html", "bad-boss.xlsx", "bad-boss.csv",
                "bad-boss.rejects.csv",
            ]
            .contains { final in
                name.hasPrefix(".\(final).tmp-\(doomed.pid)-")
            }
            #expect(isKilledRunsTemporary, "unexpected file \(name) after the kill")
        }

        // The next run succeeds, publishes the same reports as the first, and clears the leftovers.
        let next = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(next.status == 0)
        #expect(next.stderr == "")
        #expect(
            FileFacts.entries(reports) == [
                ".candor.lock", "bad-boss.csv", "bad-boss.html", "bad-boss.json", "bad-boss.md", "bad-boss.rejects.csv",
                "bad-boss.xlsx", "history.sqlite", "runs.jsonl",
            ])
        #expect(FileFacts.bytes(reports + "/bad-boss.md") == before[0])
        #expect(FileFacts.bytes(reports + "/bad-boss.json") == before[1])
        #expect(FileFacts.jsonLines(reports + "/runs.jsonl").map { $0?["exit_code"] as? Int } == [0, 0])
    }

    @Test func aSecondRunOnTheSameOutputFolderExits75OrWaitsWithWait() throws {
        let workspace = try Workspace()
        let reports = workspace.reports()
        let big = try Self.makeLargeInput(workspace)

        let holder = try CandorProcess.start(["run", "Pipelines/bad-boss.yml", "--input", big], in: workspace.root)
        let holding = Self.waitUntilReading(holder, in: reports)

        let refused = try workspace.candor("run", "Pipelines/bad-boss.yml")
        let waiter = try CandorProcess.start(["run", "Pipelines/bad-boss.yml", "--wait"], in: workspace.root)
        let holderResult = holder.finish()
        let waiterResult = waiter.finish()
        try #require(holding, "the first run ended before the second started; make the input larger")

        #expect(refused.status == 75)
        #expect(refused.stdout == "")
        #expect(
            refused.stderrLines == [
                "candor: error: bad-boss: another candor run holds \(reports)/.candor.lock; try again later"
            ])
        #expect(holderResult.status == 0)
        #expect(waiterResult.status == 0)
        #expect(waiterResult.stderr == "")

        // The refused run logs nothing; the waiting one started before the holder ended and
        // ran after it, so its input (the small sample) is the one the reports show.
        let log = FileFacts.jsonLines(reports + "/runs.jsonl").compactMap { $0 }
        #expect(log.count == 2)
        let inputs = log.map { (($0["inputs"] as? [[String: Any]]) ?? []).compactMap { $0["path"] as? String } }
        #expect(inputs == [[big], ["../SampleData/bad-boss.csv"]])
        if log.count == 2, let holderEnded = log[0]["ended"] as? String,
            let waiterStarted = log[1]["started"] as? String
        {
            // ISO 8601 UTC with milliseconds compares correctly as text.
            #expect(waiterStarted < holderEnded)
        }
        let report = FileFacts.jsonObject(reports + "/bad-boss.json")
        let accounting = report?["accounting"] as? [String: Any]
        #expect(accounting?["read"] as? Int == CronRunTests.sampleRead)
    }
}
