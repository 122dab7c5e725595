import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The history through the binary: waves recorded by `--wave`, listed and forgotten by
/// `candor history`, and a run killed while it writes the history.
@Suite struct HistoryCommandTests {
    static func history(_ workspace: Workspace, _ arguments: String...) throws -> CandorResult {
        try CandorProcess.run(["history", "Pipelines/bad-boss.yml"] + arguments, in: workspace.root)
    }

    @Test func wavesAreListedWithTheirNAndForgotten() throws {
        let workspace = try Workspace()
        #expect(try workspace.candor("run", "Pipelines/bad-boss.yml", "--wave", "2025-Q4").status == 0)
        #expect(try workspace.candor("run", "Pipelines/bad-boss.yml", "--wave", "2026-Q1").status == 0)
        let listed = try Self.history(workspace, "--json")
        #expect(listed.status == 0, "\(listed.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(listed.stdout.utf8)) as? [String: Any])
        let waves = try #require(object["waves"] as? [[String: Any]])
        #expect(waves.map { $0["wave"] as? String } == ["2025-Q4", "2026-Q1"])
        // The same accepted count as the report's.
        let report = try #require(FileFacts.jsonObject(workspace.reports() + "/bad-boss.json"))
        let accepted = (report["accounting"] as? [String: Any])?["accepted"] as? Int
        #expect(waves.allSatisfy { $0["respondents"] as? Int == accepted })
        #expect(try Self.history(workspace).stdout.contains("| 2026-Q1 |"))

        let forgot = try Self.history(workspace, "--forget", "2025-Q4")
        #expect(forgot.status == 0 && forgot.stdout == "forgot wave 2025-Q4 of bad-boss\n")
        let again = try Self.history(workspace, "--forget", "2025-Q4")
        #expect(again.status == 64)
        #expect(
            again.stderrLines == [
                "candor: error: history \(workspace.reports())/history.sqlite has no wave '2025-Q4' of bad-boss"
            ])
    }

    @Test func withoutAHistoryTheCommandSaysSo() throws {
        let workspace = try Workspace()
        let result = try Self.history(workspace)
        #expect(result.status == 66)
        #expect(
            result.stderrLines == [
                "candor: error: history \(workspace.reports())/history.sqlite: no history has been recorded here yet"
            ])
    }

    /// A run killed with SIGKILL in the middle of its history transaction (paused there by
    /// `CANDOR_TEST_PAUSE_HISTORY_WRITE`) leaves the previous wave's record whole, and the next
    /// run records its wave.
    @Test func aRunKilledWhileWritingTheHistoryLeavesItConsistent() throws {
        let workspace = try Workspace()
        #expect(try workspace.candor("run", "Pipelines/bad-boss.yml", "--wave", "w1").status == 0)
        let before = try Self.history(workspace, "--json").stdout
        let marker = workspace.path("paused")
        let doomed = try CandorProcess.start(
            ["run", "Pipelines/bad-boss.yml", "--wave", "w2"], in: workspace.root,
            environment: ["CANDOR_TEST_PAUSE_HISTORY_WRITE": marker])
        let deadline = Date().addingTimeInterval(60)
        while doomed.process.isRunning && !FileFacts.exists(marker) && Date() < deadline { usleep(10_000) }
        let paused = FileFacts.exists(marker)
        kill(doomed.pid, SIGKILL)
        let killed = doomed.finish()
        try #require(paused, "the run never reached its history write: \(killed.stderr)")
        #expect(killed.status == 128 + SIGKILL)

        // The history is as the first run left it: w1 only, with the same figures.
        #expect(try Self.history(workspace, "--json").stdout == before)
        let next = try workspace.candor("run", "Pipelines/bad-boss.yml", "--wave", "w2")
        #expect(next.status == 0, "\(next.stderr)")
        let listed = try Self.history(workspace, "--json").stdout
        let object = try #require(try JSONSerialization.jsonObject(with: Data(listed.utf8)) as? [String: Any])
        #expect((object["waves"] as? [[String: Any]])?.map { $0["wave"] as? String } == ["w1", "w2"])
    }
}
