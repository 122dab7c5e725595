import Foundation
import Testing

/// `candor run`'s options on the built binary: --input (files and globs), --output, paths
/// relative to the definition, --if-changed and --jobs.
@Suite struct RunOptionTests {
    /// Two exports in a drop folder: 300 and 200 records
    /// (`python3 -c "import csv; print(sum(1 for _ in csv.reader(open('drop/a.csv', newline='')))-1)"`
    /// prints 300 for a.csv and 200 for b.csv after the two `candor sample` commands below).
    private static func makeDropFolder(_ workspace: Workspace) throws {
        try workspace.makeFolder("drop")
        for (name, rows, seed) in [("a", "300", "11"), ("b", "200", "12")] {
            let made = try workspace.candor(
                "sample", "--survey", "bad-boss", "--rows", rows, "--seed", seed, "--output", "drop/\(name).csv")
            try #require(made.status == 0)
        }
    }

    @Test func aGlobInputIsAccountedForPerFileAndInTotal() throws {
        let workspace = try Workspace()
        try Self.makeDropFolder(workspace)
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--input", "drop/*.csv")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        let report = try #require(FileFacts.jsonObject(workspace.reports() + "/bad-boss.json"))
        let accounting = try #require(report["accounting"] as? [String: Any])
        let perInput = try #require(accounting["per_input"] as? [String: [String: Int]])
        #expect(perInput.keys.sorted() == ["drop/a.csv", "drop/b.csv"])
        #expect(perInput["drop/a.csv"]?["read"] == 300)
        #expect(perInput["drop/b.csv"]?["read"] == 200)
        for key in ["read", "accepted", "rejected", "excluded"] {
            #expect(
                perInput.values.map { $0[key] ?? -1 }.reduce(0, +) == accounting[key] as? Int,
                "per_input \(key) sums to the total")
        }
        #expect(accounting["read"] as? Int == 500)
        let inputs = (report["inputs"] as? [[String: Any]])?.compactMap { $0["path"] as? String }
        #expect(inputs == ["drop/a.csv", "drop/b.csv"])
        let log = FileFacts.jsonLines(workspace.reports() + "/runs.jsonl")
        let logged = (log.first??["inputs"] as? [[String: Any]])?.compactMap { $0["records"] as? Int }
        #expect(logged == [300, 200])
    }

    @Test func inputAndOutputOverridesReplaceTheDefinitions() throws {
        let workspace = try Workspace()
        try Self.makeDropFolder(workspace)
        let result = try workspace.candor(
            "run", "Pipelines/bad-boss.yml", "--input", "drop/b.csv", "--output", "client-b/reports")
        #expect(result.status == 0)
        #expect(!FileFacts.exists(workspace.path("Reports")))
        let folder = workspace.path("client-b/reports")
        #expect(
            FileFacts.entries(folder) == [
                ".candor.lock", "bad-boss.csv", "bad-boss.html", "bad-boss.json", "bad-boss.md", "bad-boss.rejects.csv",
                "bad-boss.xlsx", "history.sqlite", "runs.jsonl",
            ])
        let report = try #require(FileFacts.jsonObject(folder + "/bad-boss.json"))
        #expect((report["accounting"] as? [String: Any])?["read"] as? Int == 200)
        #expect((report["inputs"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == ["drop/b.csv"])
    }

    @Test func relativePathsResolveAgainstTheDefinitionsFolder() throws {
        let workspace = try Workspace()
        try workspace.makeFolder("somewhere/else")
        let result = try workspace.candor("run", "../../Pipelines/bad-boss.yml", in: workspace.path("somewhere/else"))
        #expect(result.status == 0)
        #expect(FileFacts.entries(workspace.path("somewhere/else")) == [])
        let report = try #require(FileFacts.jsonObject(workspace.reports() + "/bad-boss.json"))
        #expect((report["accounting"] as? [String: Any])?["read"] as? Int == CronRunTests.sampleRead)
        #expect(
            (report["inputs"] as? [[String: Any]])?.compactMap { $0["path"] as? String } == [
                "../SampleData/bad-boss.csv"
            ])
    }

    @Test func ifChangedSkipsAnUnchangedRunAndRerunsAfterAChange() throws {
        let workspace = try Workspace()
        let reports = workspace.reports()
        let outputs = ["bad-boss.md", "bad-boss.json", "bad-boss.html", "bad-boss.rejects.csv"].map {
            reports + "/" + $0
        }
        let first = try workspace.candor("run", "Pipelines/bad-boss.yml", "--if-changed")
        #expect(first.status == 0)
        let written = outputs.map(FileFacts.identity)
        #expect(!written.contains { $0 == nil })

        let skipped = try workspace.candor("run", "Pipelines/bad-boss.yml", "--if-changed", "--verbose")
        #expect(skipped.status == 0)
        #expect(skipped.stdoutLines == ["bad-boss: unchanged since the last successful run, skipped"])
        #expect(skipped.stderr == "")
        #expect(outputs.map(FileFacts.identity) == written)

        // One answer changed in the input: the first respondent's id.
        let oldJSON = FileFacts.bytes(reports + "/bad-boss.json")
        try workspace.edit("SampleData/bad-boss.csv", replacing: "R_FZVB1KFfWCvzKJ7,", with: "R_FZVB1KFfWCvzKJ8,")
        let rerun = try workspace.candor("run", "Pipelines/bad-boss.yml", "--if-changed", "--verbose")
        #expect(rerun.status == 0)
        #expect(rerun.stdoutLines.first?.hasPrefix("bad-boss: ok; read 1500, ") == true)
        #expect(FileFacts.identity(reports + "/bad-boss.json") != written[1])
        #expect(FileFacts.bytes(reports + "/bad-boss.json") != oldJSON)

        // A changed definition reruns too.
        try workspace.edit("Pipelines/bad-boss.yml", replacing: "(sample data)", with: "(sample data, edited)")
        let afterEdit = try workspace.candor("run", "Pipelines/bad-boss.yml", "--if-changed", "--verbose")
        #expect(afterEdit.stdoutLines.first?.hasPrefix("bad-boss: ok; ") == true)
        // Every run appends its line, the skipped one too: first, skipped, rerun, after the edit.
        #expect(FileFacts.jsonLines(reports + "/runs.jsonl").map { $0?["exit_code"] as? Int } == [0, 0, 0, 0])
    }

    /// `--if-changed` skipped a run whose wave or roster had changed (both change the reports
    /// without touching a response file): the new wave then had no history record and the
    /// response rates stayed those of the old roster.
    @Test func ifChangedRerunsForANewWaveOrAnEditedRoster() throws {
        let workspace = try Workspace(pipelines: ["engagement"])
        func run(wave: String? = nil) throws -> String? {
            let result =
                if let wave {
                    try workspace.candor("run", "Pipelines/engagement.yml", "--if-changed", "--verbose", "--wave", wave)
                } else {
                    try workspace.candor("run", "Pipelines/engagement.yml", "--if-changed", "--verbose")
                }
            #expect(result.status == 0)
            return result.stdoutLines.first
        }
        let skipped = "engagement: unchanged since the last successful run, skipped"
        #expect(try run()?.hasPrefix("engagement: ok; ") == true)
        #expect(try run() == skipped)
        #expect(try run(wave: "2027-Q1")?.hasPrefix("engagement: ok; ") == true)
        #expect(try run(wave: "2027-Q1") == skipped)
        // One more person invited.
        let first = "E0001,Engineering,Less than 1 year\n"
        try workspace.edit(
            "SampleData/engagement-roster.csv", replacing: first, with: first + "E9999,Engineering,Less than 1 year\n")
        #expect(try run(wave: "2027-Q1")?.hasPrefix("engagement: ok; ") == true)
        #expect(try run(wave: "2027-Q1") == skipped)
    }

    @Test func twoPipelinesRunTogetherWithJobs2() throws {
        let workspace = try Workspace(pipelines: ["bad-boss", "bad-boss-qualtrics"])
        let result = try workspace.candor(
            "run", "Pipelines/bad-boss.yml", "Pipelines/bad-boss-qualtrics.yml", "--jobs", "2", "--verbose")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        // One line each, in the order given. The Qualtrics file holds the same 1,500 respondents
        // (python3's csv module counts 1,503 rows with its three header rows).
        #expect(result.stdoutLines.count == 2)
        #expect(
            result.stdoutLines.first?.hasPrefix("bad-boss: ok; read 1500, accepted 1493, rejected 7, excluded 0; ")
                == true)
        #expect(result.stdoutLines.last?.hasPrefix("bad-boss-qualtrics: ok; read 1500, ") == true)
        for name in ["bad-boss", "bad-boss-qualtrics"] {
            #expect(
                FileFacts.entries(workspace.reports(name)).filter { !$0.hasPrefix(".") } == [
                    "\(name).csv", "\(name).html", "\(name).json", "\(name).md", "\(name).rejects.csv", "\(name).xlsx",
                    "history.sqlite", "runs.jsonl",
                ])
        }
    }
}
