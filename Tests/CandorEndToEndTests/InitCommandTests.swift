import Foundation
import Testing

/// `candor init` on the built binary: the draft it writes runs unedited with `candor run`.
@Suite struct InitCommandTests {
    @Test func theDraftWrittenWithOutputRunsUnedited() throws {
        let workspace = try Workspace(pipelines: [])
        try FileManager.default.copyItem(
            atPath: CandorProcess.packageRoot.path + "/SampleData/engagement.csv",
            toPath: workspace.path("SampleData/engagement.csv"))
        let drafted = try workspace.candor("init", "SampleData/engagement.csv", "--output", "Pipelines/client.yml")
        #expect(drafted.status == 0, "\(drafted.stderr)")
        #expect(drafted.stdout == "")
        let text = try String(contentsOfFile: workspace.path("Pipelines/client.yml"), encoding: .utf8)
        // The schema line points at the checkout's Docs/pipeline-schema.json, found beside the binary:
        // relative to the draft's folder where the two paths share a folder, else absolute.
        let prefix = "# yaml-language-server: $schema="
        let firstLine = text.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? ""
        #expect(firstLine.hasPrefix(prefix))
        let reference = String(firstLine.dropFirst(prefix.count))
        let resolved = URL(fileURLWithPath: reference, relativeTo: URL(fileURLWithPath: workspace.path("Pipelines/")))
        #expect(
            resolved.standardizedFileURL.resolvingSymlinksInPath().path
                == CandorProcess.packageRoot.appendingPathComponent("Docs/pipeline-schema.json")
                .standardizedFileURL.resolvingSymlinksInPath().path)
        #expect(text.contains("name: \"client\"\ninputs: [\"../SampleData/engagement.csv\"]\n"))
        let run = try workspace.candor("run", "Pipelines/client.yml")
        #expect(run.status == 0, "\(run.stderr)")
        #expect(FileFacts.exists(workspace.path("Pipelines/reports/client/client.json")))
    }

    @Test func withoutOutputTheDraftGoesToStandardOutput() throws {
        let workspace = try Workspace()
        let drafted = try workspace.candor("init", "SampleData/bad-boss.csv")
        #expect(drafted.status == 0, "\(drafted.stderr)")
        #expect(drafted.stdout.contains("inputs: [\"SampleData/bad-boss.csv\"]\n"))
        #expect(drafted.stdout.contains("  - name: respondent_id\n    type: id\n"))
        try workspace.write("drafted.yml", drafted.stdout)
        let run = try workspace.candor("run", "drafted.yml")
        #expect(run.status == 0, "\(run.stderr)")
    }

    @Test func anExistingOutputIsKeptUnlessForced() throws {
        let workspace = try Workspace()
        let before = FileFacts.bytes(workspace.path("Pipelines/bad-boss.yml"))
        let refused = try workspace.candor("init", "SampleData/bad-boss.csv", "--output", "Pipelines/bad-boss.yml")
        #expect(refused.status == 73)
        #expect(refused.stderr == "candor: error: Pipelines/bad-boss.yml exists; pass --force to replace it\n")
        #expect(FileFacts.bytes(workspace.path("Pipelines/bad-boss.yml")) == before)
        let forced = try workspace.candor(
            "init", "SampleData/bad-boss.csv", "--output", "Pipelines/bad-boss.yml", "--force")
        #expect(forced.status == 0)
        #expect(FileFacts.bytes(workspace.path("Pipelines/bad-boss.yml")) != before)
    }

    @Test func exportsThatCannotBeDraftedTogetherExit66() throws {
        let workspace = try Workspace()
        let missing = try workspace.candor("init", "SampleData/nothing.csv")
        #expect(missing.status == 66)
        #expect(missing.stdout == "")
        try workspace.write("other.csv", "respondent_id,score\nR1,3\n")
        let mixed = try workspace.candor("init", "SampleData/bad-boss.csv", "other.csv")
        #expect(mixed.status == 66)
        #expect(
            mixed.stderrLines.first?.hasPrefix("candor: error: other.csv has other columns than the first export")
                == true)
    }
}
