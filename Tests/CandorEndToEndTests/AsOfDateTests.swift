import Foundation
import Testing

/// The report's date: `--as-of` when given, else the latest value of the definition's first
/// timestamp field, never a file time.
@Suite struct AsOfDateTests {
    @Test func asOfDatesBothReports() throws {
        let workspace = try Workspace()
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--as-of", "2026-03-31")
        #expect(result.status == 0 && result.stderr == "")
        let report = try #require(FileFacts.jsonObject(workspace.reports() + "/bad-boss.json"))
        let asOf = try #require(report["as_of"] as? [String: Any])
        #expect(asOf["date"] as? String == "2026-03-31" && asOf["source"] as? String == "option")
        let markdown = try String(contentsOfFile: workspace.reports() + "/bad-boss.md", encoding: .utf8)
        #expect(markdown.contains("\nData as of 2026-03-31 (given with --as-of).\n"))
    }

    /// The sample's latest `submitted_at` is 2026-03-20T07:22:27Z:
    /// `python3 -c "import csv; print(max(r['submitted_at'] for r in csv.DictReader(open('SampleData/bad-boss.csv'))))"`.
    @Test func withoutTheOptionTheLatestTimestampDatesTheReport() throws {
        let workspace = try Workspace()
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(result.status == 0)
        let report = try #require(FileFacts.jsonObject(workspace.reports() + "/bad-boss.json"))
        let asOf = try #require(report["as_of"] as? [String: Any])
        #expect(asOf["date"] as? String == "2026-03-20")
        #expect(asOf["source"] as? String == "field" && asOf["field"] as? String == "submitted")
    }

    @Test(arguments: ["2026-02-30", "31/03/2026", "yesterday"])
    func aBadDateIsAUsageError(_ date: String) throws {
        let workspace = try Workspace()
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--as-of", date)
        #expect(result.status == 64)
        #expect(
            result.stderrLines.first
                == "Error: --as-of must be a date written YYYY-MM-DD, such as 2026-03-31 (got '\(date)')")
        #expect(!FileFacts.exists(workspace.reports()))
    }
}
