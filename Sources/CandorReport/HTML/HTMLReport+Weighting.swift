import CandorCharts

extension HTMLReport {
    /// The raking section, as the Markdown report's: margins, then the fit and the warnings.
    static func weighting(_ document: ReportDocument) -> Markup? {
        guard let section = document.weighting else { return nil }
        var table = HTMLTable(WeightingText.columns, numeric: [2])
        for row in WeightingText.rows(section) { table.append(row) }
        return part(
            "weighting", WeightingText.heading,
            [
                paragraph(WeightingText.introduction(section)), table.markup,
                .node("ul", [:], WeightingText.summary(section).map { .node("li", [:], text: $0) }),
            ])
    }
}
