import Foundation
import Testing

/// `--format` on the built binary: it adds report files to a run, and refuses what it cannot write.
@Suite struct FormatOptionTests {
    @Test func formatAddsToTheDefinitionsFormats() throws {
        let workspace = try Workspace()
        try workspace.edit(
            "Pipelines/bad-boss.yml", replacing: "  max_reject_share: 0.10\n",
            with: "  max_reject_share: 0.10\n  formats: [json]\n")
        let reports = workspace.reports()
        let first = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(first.status == 0, "\(first.stderr)")
        #expect(FileFacts.entries(reports) == [".candor.lock", "bad-boss.json", "bad-boss.rejects.csv", "runs.jsonl"])
        let second = try workspace.candor("run", "Pipelines/bad-boss.yml", "--format", "markdown")
        #expect(second.status == 0, "\(second.stderr)")
        #expect(
            FileFacts.entries(reports) == [
                ".candor.lock", "bad-boss.json", "bad-boss.md", "bad-boss.rejects.csv", "runs.jsonl",
            ])
    }

    @Test(arguments: [
        (
            "xlsx",
            "the output format 'xlsx' is not available in this build of candor yet (its writer is not built); use markdown, json, html"
        ),
        ("pdf", "unknown output format 'pdf'; use markdown, json, html, xlsx, csv"),
    ])
    func anUnwritableFormatExits78BeforeAnythingRuns(format: String, message: String) throws {
        let workspace = try Workspace()
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--format", format)
        #expect(result.status == 78)
        #expect(result.stderr == "candor: error: --format: \(message)\n")
        #expect(!FileFacts.exists(workspace.reports()))
    }
}
