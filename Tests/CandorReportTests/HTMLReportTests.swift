import CandorAggregate
import Foundation
import Testing

@testable import CandorReport

/// The HTML report's structure: every chart present, nothing that runs or loads, every value
/// escaped, the reader's order (issue 19).
@Suite struct HTMLReportTests {
    /// Every kind the report knows: a share cut by department, eNPS, a multiselect, Likert
    /// items (one suppressed), an engagement index, a variance share and drivers.
    static func everyKind() -> ReportDocument {
        var document = ReportFixtures.document()
        document.metrics += [
            OtherKindsFixtures.likert(), OtherKindsFixtures.engagement(), OtherKindsFixtures.varianceShare(),
            OtherKindsFixtures.drivers(),
        ]
        return document
    }

    static func count(_ needle: String, in text: String) -> Int {
        text.components(separatedBy: needle).count - 1
    }

    /// Share (any_bad_boss), multiselect (boss types) and engagement classes draw interval bars;
    /// Likert one diverging chart; eNPS its split; the one segment (department) one heatmap.
    /// Variance share and drivers are tables only. No history, so no trend line.
    @Test func everyChartIsPresent() {
        let html = HTMLReport.render(Self.everyKind())
        #expect(Self.count("<figure class=\"chart bars\">", in: html) == 3)
        #expect(Self.count("<figure class=\"chart diverging\">", in: html) == 1)
        #expect(Self.count("<figure class=\"chart split\">", in: html) == 1)
        #expect(Self.count("<figure class=\"chart heatmap\">", in: html) == 1)
        #expect(Self.count("<figure class=\"chart trend\">", in: html) == 0)
        // Each chart has a title and a description that its SVG is labelled by.
        let charts = Self.count("<svg ", in: html)
        #expect(charts == 6)
        #expect(Self.count("role=\"img\"", in: html) == charts)
        #expect(Self.count("<desc id=", in: html) == charts)
        #expect(Self.count("<figcaption>", in: html) == charts)
    }

    /// The suppressed Likert item q02 is a labelled gap, and the two hidden departments are
    /// hatched cells labelled "suppressed" in the heatmap.
    @Test func suppressedFiguresAreLabelledNotDrawn() throws {
        let html = HTMLReport.render(Self.everyKind())
        let heatmap = try #require(html.range(of: "<figure class=\"chart heatmap\">"))
        let end = try #require(html.range(of: "</figure>", range: heatmap.upperBound..<html.endIndex))
        let svg = String(html[heatmap.lowerBound..<end.upperBound])
        #expect(Self.count("fill=\"url(#heatmap-1-hatch)\"", in: svg) == 2)
        #expect(Self.count(">suppressed</text>", in: svg) == 2)
        #expect(html.contains("q02: suppressed"))
    }

    /// Nothing runs and nothing is fetched: no script, no event handler, no URL, no link.
    @Test func thePageHasNoScriptAndNoOutsideResource() {
        for document in [Self.everyKind(), HostileFixtures.document()] {
            let html = HTMLReport.render(document)
            let lower = html.lowercased()
            #expect(!lower.contains("<script"))
            #expect(!lower.contains("http:") && !lower.contains("https:") && !lower.contains("//"))
            #expect(!lower.contains("@import") && !lower.contains("url(h") && !lower.contains("<link"))
            // Every "<" in the page opens a real tag (text is escaped): none may load or run anything.
            for tag in lower.split(separator: "<").dropFirst().map({ $0.prefix { $0 != ">" } }) {
                #expect(
                    !tag.contains(" src=") && !tag.contains(" href=") && !tag.contains(" on")
                        && !tag.contains("javascript:"), "<\(tag)>")
            }
            #expect(
                html.contains(
                    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src &#39;none&#39;; script-src &#39;none&#39;; style-src &#39;unsafe-inline&#39;; img-src data:; base-uri &#39;none&#39;; form-action &#39;none&#39;\">"
                ))
        }
    }

    /// Labels, titles, headlines and field names from the data arrive as text.
    @Test func hostileLabelsAppearAsText() {
        let html = HTMLReport.render(HostileFixtures.document())
        #expect(html.contains("<title>&lt;script&gt;alert(1)&lt;/script&gt; | report</title>"))
        #expect(html.contains("**bold** | &lt;img src=x onerror=alert(1)&gt;"))
        #expect(html.contains("of &lt;script&gt;x&lt;/script&gt; | *people* &quot;quoted&quot;"))
        #expect(html.contains("&amp;lt;img&amp;gt; Gallup"))
        #expect(html.contains("<th scope=\"row\">f|&lt;script&gt;</th>"))
        #expect(html.contains("q|1\u{FFFD}\u{FFFD}"))
        #expect(!html.contains("<img") && !html.contains("<b>") && !html.contains("\u{0}"))
    }

    /// Headlines and results first; data quality, inputs and checksums, methods after them.
    @Test func sectionsAreInTheReadersOrder() throws {
        let html = HTMLReport.render(Self.everyKind())
        let order = [
            "<h2>Headlines</h2>", "<h2>Results</h2>", "<h2>Appendix: data quality</h2>",
            "<h2>Appendix: inputs and checksums</h2>", "<h2>Appendix: methods</h2>",
        ]
        let positions = try order.map { try #require(html.range(of: $0)).lowerBound }
        #expect(positions == positions.sorted())
        #expect(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"))
    }

    /// The eNPS split's parts are the fixture's 276, 504 and 420 of 1,200: 23%, 42%, 35%.
    @Test func theNPSSplitDescribesItsParts() {
        let html = HTMLReport.render(ReportFixtures.document())
        #expect(html.contains("Detractors 23%, passives 42%, promoters 35%"))
    }
}

/// It prints cleanly: each top-level section from a new page, charts and tables kept whole.
@Test("the HTML report carries its print style sheet")
func theHTMLReportHasPrintStyles() {
    let html = HTMLReport.render(ReportFixtures.document())
    #expect(html.contains("@media print{"))
    #expect(html.contains("section.part{break-before:page}"))
    #expect(html.contains("figure.chart,table,article.metric>header{break-inside:avoid}"))
}

/// Segment tables show the adjusted p-value under the Markdown's header and note, so "Differs"
/// and the p beside it agree (the fixture's department table is Benjamini–Hochberg adjusted).
@Test("HTML segment tables show the adjusted p as the Markdown does")
func theHTMLSegmentTableShowsTheAdjustedP() {
    let html = HTMLReport.render(ReportFixtures.document())
    #expect(html.contains("<th scope=\"col\">p (adj.)</th>"))
    #expect(html.contains("p (adj.): the p-value adjusted within the table (Benjamini–Hochberg)"))
}
