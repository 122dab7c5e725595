import CandorAggregate

@testable import CandorClean
@testable import CandorReport

/// A document whose every data- or definition-supplied string tries to break the Markdown
/// (tables, emphasis, headings, links) or inject HTML.
enum HostileFixtures {
    static let departments = [
        "<script>alert(1)</script>", "a|b", "line\nbreak", "[x](javascript:alert(1))", "`tick`|\\",
    ]

    static func document() -> ReportDocument {
        var document = ReportFixtures.document()
        document.pipeline.title = "<script>alert(1)</script> | report"
        document.metrics = [
            ReportFixtures.anyBadBoss(
                label: "**bold** | <img src=x onerror=alert(1)>", departments: departments, field: "dept|<b>"),
            ReportFixtures.enps(),
            ReportFixtures.bossTypes(options: ["a|b", "**bold**", "# heading\r\nnext"]),
        ]
        document.headlines = [
            .metric(metricID: "any_bad_boss", template: "{share} of <script>x</script> | *people* \"quoted\""),
            .outsideEstimate(text: "[click](javascript:alert(1))", source: "&lt;img&gt; Gallup"),
        ]
        document.accounting = ReportFixtures.accounting(filter: "f|<script>", blankField: "q|1\u{0}\u{1B}")
        return document
    }
}
