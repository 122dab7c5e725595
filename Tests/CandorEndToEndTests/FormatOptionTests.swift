import Foundation
import Testing

/// `--format` on the built binary: it adds report files to a run, and refuses what it cannot write.
@Suite struct FormatOptionTests {
    @Test func formatAddsToTheDefinitionsFormats() throws {
        let workspace = try Workspace()
        try workspace.edit(
            "Pipelines/bad-boss.yml", replacing: "  formats: [markdown, json, html, xlsx, csv]\n",
            with: "  formats: [json]\n")
        let reports = workspace.reports()
        let first = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(
            FileFacts.entries(reports) == [
                ".candor.lock", "bad-boss.json", "bad-boss.rejects.csv", "history.sqlite", "runs.jsonl",
            ])
        let second = try workspace.candor("run", "Pipelines/bad-boss.yml", "--format", "markdown")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(
            FileFacts.entries(reports) == [
                ".candor.lock", "bad-boss.json", "bad-boss.md", "bad-boss.rejects.csv", "history.sqlite", "runs.jsonl",
            ])
    }

    /// The tidy CSV files every figure under the run's wave: `--wave` when given, else `current`.
    @Test func theTidyCSVCarriesTheRunsWave() throws {
        let workspace = try Workspace()
        let waved = try workspace.candor("run", "Pipelines/bad-boss.yml", "--format", "csv", "--wave", "2026-Q1")
        #expect(waved.status == 0, "\(waved.stderr)")
        let csv = try String(contentsOfFile: workspace.reports() + "/bad-boss.csv", encoding: .utf8)
        let rows = csv.components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
        #expect(!rows.isEmpty)
        #expect(rows.allSatisfy { $0.hasPrefix("bad-boss,2026-Q1,") })
    }

    @Test func anUnknownFormatExits78BeforeAnythingRuns() throws {
        let (format, message) = ("pdf", "unknown output format 'pdf'; use markdown, json, html, xlsx, csv")
        let workspace = try Workspace()
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--format", format)
        #expect(result.status == 78)
        #expect(result.stderr == "candor: error: --format: \(message)\n")
        #expect(!FileFacts.exists(workspace.reports()))
    }
}
