import CandorAggregate
import CandorCharts

/// Renders a `ReportDocument` as one self-contained HTML page with inline SVG charts.
///
/// Ordered for a reader: headlines, then the results with their charts, then as an appendix the
/// data quality, the inputs and checksums, and the methods. The page needs nothing outside it
/// (no script, font, style sheet or image to fetch), so it opens from an email attachment, and
/// its Content-Security-Policy forbids scripts outright. The page is a `Markup` tree: every value
/// from the data or the definition goes through `Markup.escape`, and the same document always
/// gives the same bytes.
package enum HTMLReport {
    /// The policy: nothing may load or run; only the inline style sheet applies.
    static let contentSecurityPolicy =
        "default-src 'none'; script-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'"

    /// The report as HTML, ending with a newline.
    package static func render(_ document: ReportDocument) -> String {
        var page = "<!DOCTYPE html>\n"
        Markup.node("html", ["lang": "en"], [head(document), body(document)]).render(into: &page)
        return page + "\n"
    }

    private static func title(_ document: ReportDocument) -> String {
        document.pipeline.title.isEmpty ? document.pipeline.name : document.pipeline.title
    }

    private static func head(_ document: ReportDocument) -> Markup {
        .node(
            "head", [:],
            [
                .node("meta", ["charset": "utf-8"]),
                .node("meta", ["http-equiv": "Content-Security-Policy", "content": contentSecurityPolicy]),
                .node("meta", ["name": "viewport", "content": "width=device-width, initial-scale=1"]),
                .node("title", [:], text: title(document)),
                HTMLStyle.sheet,
            ])
    }

    private static func body(_ document: ReportDocument) -> Markup {
        let header = Markup.node(
            "header", [:],
            [
                .node("h1", [:], text: title(document)),
                .node(
                    "p", ["class": "meta"],
                    text: "Pipeline " + document.pipeline.name + ". Data quality, inputs, checksums and methods are in"
                        + " the appendix."),
            ] + (document.asOf.map { [paragraph($0.sentence, note: true)] } ?? []))
        let parts =
            [
                headlines(document), participation(document), weighting(document), results(document),
                freeText(document),
            ].compactMap { $0 }
            + appendix(document)
        return .node("body", [:], [.node("main", [:], [header] + parts)])
    }

    /// A top-level part of the report: printed from a new page.
    static func part(_ id: String, _ heading: String, appendix: Bool = false, _ content: [Markup]) -> Markup {
        .node(
            "section", ["id": id, "class": appendix ? "part appendix" : "part"],
            [.node("h2", [:], text: heading)] + content)
    }

    static func paragraph(_ text: String, note: Bool = false) -> Markup {
        note ? .node("p", ["class": "note"], text: text) : .node("p", [:], text: text)
    }

    private static func headlines(_ document: ReportDocument) -> Markup? {
        guard !document.headlines.isEmpty else { return nil }
        var content: [Markup] = [
            .node(
                "ul", ["class": "headlines"],
                document.headlines.map { .node("li", [:], text: HeadlineText.render($0, in: document, style: .plain)) })
        ]
        if document.headlines.contains(where: { HeadlineText.isUnreliable($0, in: document) }) {
            content.append(paragraph(MarkdownReport.unreliableNote(document.methods), note: true))
        }
        return part("headlines", "Headlines", content)
    }

    /// Response rates, right before the results: whom the results speak for.
    private static func participation(_ document: ReportDocument) -> Markup? {
        guard let section = document.participation else { return nil }
        var table = HTMLTable(ParticipationText.columns, numeric: [1, 2, 3])
        for row in ParticipationText.rows(section) { table.append(row) }
        var content = [paragraph(ParticipationText.introduction(section)), table.markup]
        if let note = ParticipationText.suppressionNote(section, minGroupSize: document.methods.minGroupSize) {
            content.append(paragraph(note, note: true))
        }
        if !section.byNight.isEmpty {
            var nights = HTMLTable(ParticipationText.nightColumns)
            for row in ParticipationText.nightRows(section) { nights.append(row) }
            content += [
                .node("h3", [:], text: ParticipationText.nightHeading),
                paragraph(ParticipationText.nightIntroduction(wave: document.wave)), nights.markup,
            ]
        }
        if !section.warnings.isEmpty {
            content.append(paragraph("Data-quality warnings:"))
            content.append(.node("ul", [:], section.warnings.map { .node("li", [:], text: $0) }))
        }
        return part("response-rates", ParticipationText.heading, content)
    }

    private static func results(_ document: ReportDocument) -> Markup {
        var content: [Markup] = []
        if let held = document.heldCells {
            content.append(paragraph(HeldText.summary(held, minGroupSize: document.methods.minGroupSize), note: true))
        }
        let figures = document.metrics.flatMap(\.allFigures)
        if figures.contains(where: { $0.suppressed && $0.suppressionReason != FigureCells.displayRuleReason }) {
            content.append(paragraph(MarkdownReport.suppressionNote(document.methods), note: true))
        }
        if figures.contains(where: { !$0.suppressed && $0.value != nil && $0.unreliable }) {
            content.append(paragraph(MarkdownReport.unreliableNote(document.methods), note: true))
        }
        for (index, metric) in document.metrics.enumerated() {
            content.append(metricArticle(metric, index: index, trend: document.waveChanges?.trend ?? []))
        }
        content += segmentHeatmaps(document)
        return part("results", "Results", content)
    }

    private static func freeText(_ document: ReportDocument) -> Markup? {
        guard let first = document.freeText.first else { return nil }
        var content = [
            paragraph(
                "Quoted because the pipeline opted in; a field's answers are shown only when at least "
                    + FigureText.count(first.minGroupSize) + " respondents answered it.")
        ]
        for section in document.freeText {
            content.append(.node("h3", [:], text: section.field))
            guard !section.suppressed else {
                content.append(paragraph("Not shown: fewer respondents answered than the free-text threshold."))
                continue
            }
            content.append(
                paragraph(
                    FigureText.count(section.answered) + " respondents answered; the first "
                        + FigureText.count(section.quotes.count) + " answers in input order:"))
            content += section.quotes.map { .node("blockquote", [:], [paragraph($0)]) }
        }
        return part("free-text", "Free text", content)
    }
}
