import CandorAggregate
import Testing

@testable import CandorReport

/// Per-group reports: which groups get one, what each shows, and safe folder names.
/// Fixture bases (ReportFixtures.anyBadBoss, threshold 5): Engineering 600, Sales 572,
/// Field ops 8, Legal 3, Support 17 (hidden as the complement of Legal).
@Suite("One report per group")
struct GroupReportTests {
    @Test("groups reaching the threshold get a report, in the table's order")
    func groups() {
        let reports = GroupReport.reports(ReportFixtures.document(), field: "department")
        #expect(reports.map(\.group) == ["Engineering", "Sales", "Field ops", "Support"])
        #expect(reports.map(\.directoryName) == ["Engineering", "Sales", "Field ops", "Support"])
    }

    @Test("a group's report has its figure against everyone's, and nothing finer")
    func content() throws {
        var document = ReportFixtures.document()
        // A pair table holds smaller groups; it must not reach a group's report.
        var pair = document.metrics[0].segments[0]
        pair.name = "department × site"
        pair.fields = ["department", "site"]
        pair.rows = pair.rows.map { row in
            var row = row
            row.labels += ["Leeds"]
            return row
        }
        document.metrics[0].segments.append(pair)
        let engineering = try #require(GroupReport.reports(document, field: "department").first)
        let metrics = engineering.document.metrics
        // enps and boss_types are not broken down by department: their group figure is unknown.
        #expect(metrics.map(\.id) == ["any_bad_boss"])
        #expect(metrics[0].overall.value == 0.995)
        #expect(metrics[0].overall.n == 600)
        #expect(metrics[0].segments.count == 1)
        #expect(metrics[0].segments[0].rows.map(\.labels) == [["Engineering"], ["Everyone"]])
        #expect(metrics[0].segments[0].rows[1].figure.n == 1_200)
        #expect(engineering.document.pipeline.title == "Bad bosses, 2026 — department: Engineering")
        // The enps headline goes with its metric; the outside estimate stays.
        #expect(engineering.document.headlines.count == 2)
        let markdown = MarkdownReport.render(engineering.document)
        #expect(!markdown.contains("Legal") && !markdown.contains("Leeds") && !markdown.contains("Sales"))
    }

    @Test("a figure hidden in the full report stays hidden in the group's")
    func sameSuppression() throws {
        let support = try #require(GroupReport.reports(ReportFixtures.document(), field: "department").last)
        #expect(support.group == "Support")
        #expect(support.document.metrics[0].overall.suppressed)
        #expect(support.document.metrics[0].overall.suppressionReason == "complementary")
        let json = JSONReport.render(support.document)
        #expect(!json.contains("\"n\": 17"))
    }

    @Test("hostile labels become safe folder names")
    func hostileLabels() {
        let document = {
            var document = ReportFixtures.document()
            document.metrics = [ReportFixtures.anyBadBoss(departments: ["../x", "/", "", "A", "a"])]
            return document
        }()
        // "A" has 3 respondents, under the threshold.
        let reports = GroupReport.reports(document, field: "department")
        #expect(reports.map(\.group) == ["../x", "/", "", "a"])
        #expect(reports.map(\.directoryName) == ["_._x", "_", "_-2", "a"])
    }

    @Test(
        "folder names",
        arguments: [
            (["..", ".", ".hidden"], ["_.", "_", "_hidden"]),
            (["Team A", "team a", "TEAM A"], ["Team A", "team a-2", "TEAM A-3"]),
            (["a\\b", "c:d", "e\u{0}f", " padded "], ["a_b", "c_d", "e_f", "padded"]),
            (["Zoë & Co (UK)"], ["Zoë & Co (UK)"]),
            ([String(repeating: "é", count: 60)], [String(repeating: "é", count: 50)]),
        ])
    func folderNames(labels: [String], expected: [String]) {
        var names = GroupDirectoryNames()
        #expect(labels.map { names.claim($0) } == expected)
    }
}
