import Foundation
import Testing

/// `candor run` as cron runs it: no environment, no terminal, nothing printed on success.
@Suite struct CronRunTests {
    /// The sample's counts, worked out without candor: 1,500 data records
    /// (`python3 -c "import csv; print(sum(1 for _ in csv.reader(open('SampleData/bad-boss.csv', newline='')))-1)"`
    /// prints 1500), of which SampleData/README.md makes 0.5% rounded down, 7, dirty on purpose,
    /// one defect each, every one a reject under bad-boss.yml (closed department list, required
    /// answers, agree5 scale, dedupe by respondent).
    static let sampleRead = 1500
    static let sampleRejected = 7

    @Test func emptyEnvironmentAndNoTerminalPrintNothingAndWriteEveryOutput() throws {
        let workspace = try Workspace()
        // From "/" with an absolute definition path: nothing may depend on the current folder.
        let result = try CandorProcess.run(
            ["run", workspace.path("Pipelines/bad-boss.yml")], in: "/", environment: [:])
        #expect(result.status == 0)
        #expect(result.stdout == "")
        #expect(result.stderr == "")

        let reports = workspace.reports()
        #expect(
            FileFacts.entries(reports) == [
                ".candor.lock", "bad-boss.csv", "bad-boss.html", "bad-boss.json", "bad-boss.md", "bad-boss.rejects.csv",
                "bad-boss.xlsx", "history.sqlite", "runs.jsonl",
            ])
        #expect(FileFacts.mode(reports + "/bad-boss.rejects.csv") == 0o600)
        let markdown = try #require(FileFacts.bytes(reports + "/bad-boss.md"))
        #expect(String(decoding: markdown, as: UTF8.self).hasPrefix("# "))
        let report = try #require(FileFacts.jsonObject(reports + "/bad-boss.json"))
        let accounting = try #require(report["accounting"] as? [String: Any])
        #expect(accounting["read"] as? Int == Self.sampleRead)
        #expect(accounting["rejected"] as? Int == Self.sampleRejected)

        let log = FileFacts.jsonLines(reports + "/runs.jsonl")
        #expect(log.count == 1)
        let entry = try #require(log.first ?? nil)
        #expect(entry["exit_code"] as? Int == 0)
        #expect(entry["pipeline"] as? String == "bad-boss")
        let counts = try #require(entry["counts"] as? [String: Int])
        #expect(counts == ["read": 1500, "accepted": 1493, "rejected": 7, "excluded": 0])
        let inputs = try #require(entry["inputs"] as? [[String: Any]])
        #expect(inputs.map { $0["path"] as? String } == ["../SampleData/bad-boss.csv"])
        // sha256sum SampleData/bad-boss.csv
        #expect(
            inputs.first?["sha256"] as? String == "b18dcb0c3de9dedc52aa91666f1f66765efd1d8c6b8cfc54ce5e173ec1f132c0")
    }

    @Test func verbosePrintsOneSummaryLinePerPipeline() throws {
        let workspace = try Workspace()
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--verbose")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdoutLines.count == 1)
        let line = try #require(result.stdoutLines.first)
        #expect(line.hasPrefix("bad-boss: ok; read 1500, accepted 1493, rejected 7, excluded 0; "))
        #expect(line.hasSuffix(" s"))
    }

    @Test func quietPrintsNothingEvenOnFailureButKeepsTheExitStatus() throws {
        let workspace = try Workspace()
        let missingInput = try workspace.candor("run", "Pipelines/bad-boss.yml", "--quiet", "--input", "nowhere.csv")
        #expect(missingInput.status == 66)
        #expect(missingInput.stdout == "")
        #expect(missingInput.stderr == "")

        let missingDefinition = try workspace.candor("run", "Pipelines/nowhere.yml", "--quiet")
        #expect(missingDefinition.status == 78)
        #expect(missingDefinition.stdout == "")
        #expect(missingDefinition.stderr == "")
    }

    @Test func jsonLogFormatWritesOneJSONObjectPerStderrLine() throws {
        let workspace = try Workspace()
        let result = try workspace.candor(
            "run", "Pipelines/bad-boss.yml", "--log-format", "json", "--input", "nowhere.csv")
        #expect(result.status == 66)
        #expect(result.stdout == "")
        #expect(result.stderrLines.count == 1)
        let line = try #require(result.stderrLines.first)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: String])
        #expect(object["level"] == "error")
        #expect(object["message"] == "bad-boss: nowhere.csv: No such file or directory")
        #expect(object["logger"] == "candor")
        #expect(object["time"].map { $0.hasSuffix("Z") } == true)
    }

    @Test func theSameInputTwiceGivesByteIdenticalReports() throws {
        let workspace = try Workspace()
        let first = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(first.status == 0)
        let markdown = FileFacts.bytes(workspace.reports() + "/bad-boss.md")
        let json = FileFacts.bytes(workspace.reports() + "/bad-boss.json")
        let rejects = FileFacts.bytes(workspace.reports() + "/bad-boss.rejects.csv")
        // A second run from another folder, into the same output folder.
        try workspace.makeFolder("elsewhere")
        let second = try workspace.candor("run", "../Pipelines/bad-boss.yml", in: workspace.path("elsewhere"))
        #expect(second.status == 0)
        #expect(markdown != nil)
        #expect(FileFacts.bytes(workspace.reports() + "/bad-boss.md") == markdown)
        #expect(FileFacts.bytes(workspace.reports() + "/bad-boss.json") == json)
        #expect(FileFacts.bytes(workspace.reports() + "/bad-boss.rejects.csv") == rejects)
    }
}
