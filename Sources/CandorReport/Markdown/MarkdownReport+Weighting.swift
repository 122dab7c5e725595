extension MarkdownReport {
    /// The raking section: each rake field's margin (the roster's counts), then the fit, or
    /// why the figures are unweighted, and the warnings.
    static func weightingSection(_ document: ReportDocument) -> [String] {
        guard let section = document.weighting else { return [] }
        var lines = [
            "", "## " + WeightingText.heading, "",
            MarkdownEscaping.escape(WeightingText.introduction(section)), "",
        ]
        var table = MarkdownTable(
            WeightingText.columns.map { (header: $0, alignment: $0 == "Roster" ? .right : .left) })
        for row in WeightingText.rows(section) { table.append(row.map(MarkdownEscaping.escape)) }
        lines += table.lines
        lines.append("")
        lines += WeightingText.summary(section).map { "- " + MarkdownEscaping.escape($0) }
        return lines
    }
}
