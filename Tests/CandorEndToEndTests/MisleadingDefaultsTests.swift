import Foundation
import Testing

/// Issue 20, "Defaults that cannot mislead": each test shows one old failure gone. Every one of
/// them fails against the release before the change (`/tmp/candor-base`, checked by hand).
@Suite struct MisleadingDefaultsTests {
    /// The sample's header and its first eight data records (all valid: the sample's rejects
    /// are further down, see SampleData/README.md).
    private static func sampleHead(_ workspace: Workspace, records: Int) throws -> [String] {
        let sample = try String(contentsOfFile: workspace.path("SampleData/bad-boss.csv"), encoding: .utf8)
        return Array(sample.components(separatedBy: "\r\n").prefix(1 + records))
    }

    /// Without `max_reject_share`, 2 rejects in 10 records (20%, above the default 10%) fail the
    /// run; the old default of 1.0 published the report.
    @Test func theDefaultMaxRejectShareIsTenPercent() throws {
        let workspace = try Workspace()
        try workspace.edit("Pipelines/bad-boss.yml", replacing: "  max_reject_share: 0.10\n", with: "")
        let ragged = ["R_ragged1,2026-03-02T07:37:42Z", "R_ragged2,2026-03-02T07:37:42Z"]
        try workspace.write(
            "ten.csv", (try Self.sampleHead(workspace, records: 8) + ragged).joined(separator: "\n") + "\n")
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--input", "ten.csv")
        #expect(result.status == 65)
        #expect(
            result.stderrLines == [
                "candor: error: bad-boss: 20.0% of records were rejected (2 of 10), above max_reject_share 10.0%; see \(workspace.reports())/bad-boss.rejects.csv"
            ])
        #expect(!FileFacts.exists(workspace.reports() + "/bad-boss.json"))
    }

    /// A Google Forms timestamp against an `iso8601` field rejects every record; even with
    /// `max_reject_share: 1.0` a run that accepts nobody fails (65) instead of exiting 0.
    @Test func aRunThatAcceptsNoRecordExits65() throws {
        let workspace = try Workspace()
        try workspace.edit("Pipelines/bad-boss.yml", replacing: "max_reject_share: 0.10", with: "max_reject_share: 1.0")
        // Each data record's `submitted_at` (the second field) in Google Forms' M/D/YYYY form.
        let edited = try Self.sampleHead(workspace, records: 3).enumerated().map { index, line in
            guard index > 0 else { return line }
            let fields = line.split(separator: ",", maxSplits: 2)
            return "\(fields[0]),3/2/2026 7:37:42,\(fields[2])"
        }
        try workspace.write("forms.csv", edited.joined(separator: "\n") + "\n")
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--input", "forms.csv")
        #expect(result.status == 65)
        #expect(
            result.stderrLines == [
                "candor: error: bad-boss: no record was accepted (read 3, rejected 3, excluded 0); nothing to report. See \(workspace.reports())/bad-boss.rejects.csv"
            ])
        #expect(!FileFacts.exists(workspace.reports() + "/bad-boss.json"))
        #expect(FileFacts.exists(workspace.reports() + "/bad-boss.rejects.csv"))
    }

    /// One definition that does not load fails only itself: the next one still runs, and the
    /// status is that of the first failure in the order given (the old run ran none).
    @Test func aBrokenDefinitionFailsOnlyItself() throws {
        let workspace = try Workspace()
        try workspace.write("Pipelines/broken.yml", "version: 1\nname: broken\nfeilds: []\n")
        let result = try workspace.candor("run", "Pipelines/broken.yml", "Pipelines/bad-boss.yml")
        #expect(result.status == 78)
        #expect(result.stderrLines.count == 1)
        #expect(
            result.stderrLines.first?.hasPrefix("candor: error: Pipelines/broken.yml:3:1: unknown key 'feilds'") == true
        )
        #expect(FileFacts.exists(workspace.reports() + "/bad-boss.json"))

        // The first failure in command-line order decides: a missing input (66) before it.
        let ordered = try workspace.candor(
            "run", "Pipelines/bad-boss.yml", "Pipelines/broken.yml", "--input", "missing.csv", "--quiet")
        #expect(ordered.status == 66)
    }

    /// `validate` goes on after a failure, and names a pipeline's failure as `run` does.
    @Test func validateChecksEveryDefinition() throws {
        let workspace = try Workspace()
        try workspace.write("Pipelines/broken.yml", "version: 1\nname: broken\nfeilds: []\n")
        let result = try workspace.candor("validate", "Pipelines/broken.yml", "Pipelines/bad-boss.yml")
        #expect(result.status == 78)
        #expect(result.stdoutLines.first == "pipeline bad-boss (Pipelines/bad-boss.yml)")
        #expect(result.stderrLines.count == 1)

        let missing = try workspace.candor("validate", "Pipelines/bad-boss.yml", "--input", "missing.csv")
        let run = try workspace.candor("run", "Pipelines/bad-boss.yml", "--input", "missing.csv")
        #expect(missing.stderrLines == ["candor: error: bad-boss: missing.csv: No such file or directory"])
        #expect(missing.stderrLines == run.stderrLines)
    }

    @Test func versionPrintsTheVersion() throws {
        let result = try CandorProcess.run(["--version"], in: "/")
        #expect(result.status == 0)
        let parts = try #require(result.stdoutLines.first).split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
    }

    /// With `--log-format json`, the `--verbose` summary is JSON too, keys in snake_case; the
    /// sample has 1,500 records (SampleData/README.md; python3's csv module counts them too).
    @Test func theVerboseSummaryFollowsTheLogFormat() throws {
        let workspace = try Workspace()
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--verbose", "--log-format", "json")
        #expect(result.status == 0)
        #expect(result.stdoutLines.count == 1)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdoutLines[0].utf8)) as? [String: Any])
        #expect(object["pipeline"] as? String == "bad-boss")
        #expect(object["status"] as? String == "ok")
        #expect(object["exit_status"] as? Int == 0)
        #expect(object["read"] as? Int == 1500)
        let counts = ["accepted", "rejected", "excluded"].compactMap { object[$0] as? Int }
        #expect(counts.count == 3 && counts.reduce(0, +) == 1500)
        #expect(object["seconds"] is Double)
    }

    /// Each example in `--help` stays whole at the 80 columns swift-argument-parser wraps to
    /// when stdout is not a terminal: one line per command, or a line continued with ` \`.
    /// (Before, `--output /reports/client-a` wrapped onto a line of its own.)
    @Test(arguments: [["run", "--help"], ["validate", "--help"], ["inspect", "--help"], ["sample", "--help"]])
    func helpExamplesAreNeverBroken(arguments: [String]) throws {
        let result = try CandorProcess.run(arguments, in: "/")
        let lines = result.stdoutLines.drop { $0 != "Examples:" }.dropFirst().prefix { !$0.isEmpty }
        #expect(lines.count >= 2)
        var continued = false
        for line in lines {
            #expect(line.count <= 80, "\(line)")
            #expect(continued ? line.hasPrefix("      --") : line.hasPrefix("  candor \(arguments[0]) "), "\(line)")
            continued = line.hasSuffix(" \\")
        }
        #expect(!continued)
    }
}
