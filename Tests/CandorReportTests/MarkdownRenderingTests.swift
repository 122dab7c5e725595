import Foundation
import Testing

@testable import CandorReport

/// Renders reports with hostile values through the real GitHub-flavoured Markdown renderer and
/// checks that nothing escaped its cell or became HTML.
@Suite(
    .enabled(
        if: ExternalTool.exists(ExternalTool.cmarkGFM),
        "cmark-gfm is not installed at /usr/bin/cmark-gfm (apt-get install cmark-gfm); skipping the GFM rendering tests"
    ))
struct MarkdownRenderingTests {
    /// The report as HTML. `--unsafe` lets raw HTML through, so an escaping mistake shows up as
    /// a tag instead of being quietly dropped by the renderer.
    static func html(_ document: ReportDocument) throws -> String {
        let result = try ExternalTool.withTemporaryFile(named: "report.md", contents: MarkdownReport.render(document)) {
            try ExternalTool.run(
                ExternalTool.cmarkGFM,
                [
                    "--unsafe", "--extension", "table", "--extension", "autolink", "--extension", "strikethrough",
                    $0.path,
                ])
        }
        #expect(result.status == 0, "cmark-gfm failed: \(result.stderr)")
        return result.stdout
    }

    /// Cells per row, for every table in `html`.
    static func cellCounts(_ html: String) -> [[Int]] {
        html.components(separatedBy: "<table>").dropFirst().map { table in
            let body = table.components(separatedBy: "</table>")[0]
            return body.components(separatedBy: "<tr>").dropFirst().map { row in
                row.components(separatedBy: "<td").count - 1 + row.components(separatedBy: "<th").count - 1
            }
        }
    }

    @Test func hostileValuesInjectNoHTML() throws {
        let html = try Self.html(HostileFixtures.document())
        let lower = html.lowercased()
        #expect(!lower.contains("<script"))
        #expect(!lower.contains("<img"))
        #expect(!lower.contains("<b>"))
        #expect(!lower.contains("href="))
        #expect(!lower.contains("raw html omitted"))
        #expect(!lower.contains("<em>"))
        #expect(!lower.contains("<code>"))
        #expect(!lower.contains("<del>"))
        // The only emphasis is the headline's figure; the only level-1 heading is the title.
        #expect(lower.components(separatedBy: "<strong>").count - 1 == 1)
        #expect(html.contains("<strong>99.5%</strong>"))
        #expect(lower.components(separatedBy: "<h1>").count - 1 == 1)
    }

    @Test func hostileValuesAppearAsText() throws {
        let html = try Self.html(HostileFixtures.document())
        #expect(html.contains("<h1>&lt;script&gt;alert(1)&lt;/script&gt; | report</h1>"))
        #expect(html.contains("<td>&lt;script&gt;alert(1)&lt;/script&gt;</td>"))
        #expect(html.contains("<td>a|b</td>"))
        #expect(html.contains("<td>line break</td>"))
        #expect(html.contains("<td>[x](javascript:alert(1))</td>"))
        #expect(html.contains("<td>`tick`|\\</td>"))
        #expect(html.contains("<td>**bold**</td>"))
        #expect(html.contains("<td># heading next (none option)</td>"))
        #expect(html.contains("<th>dept|&lt;b&gt;</th>"))
        #expect(html.contains("<td>f|&lt;script&gt;</td>"))
        #expect(html.contains("of &lt;script&gt;x&lt;/script&gt; | *people* &quot;quoted&quot; (1,194 of 1,200"))
        #expect(
            html.contains(
                "Outside estimate, not computed from this survey: [click](javascript:alert(1)) (Source: &amp;lt;img&amp;gt; Gallup)"
            ))
    }

    @Test func everyTableRowHasItsHeadersCellCount() throws {
        for document in [HostileFixtures.document(), ReportFixtures.document()] {
            let tables = Self.cellCounts(try Self.html(document))
            // Data quality (totals, reasons, filters, missing, straight-lining, inputs), the
            // share, its segments, NPS and multiselect.
            #expect(tables.count == 10)
            for rows in tables {
                #expect(rows.count >= 2)
                #expect(Set(rows).count == 1, "ragged table: \(rows)")
            }
        }
    }
}
