import CandorAggregate

extension MarkdownReport {
    /// A metric broken down by a segment: one row per group, suppressed groups with no numbers.
    static func segmentSection(_ table: SegmentTable, unit: FigureUnit) -> [String] {
        var lines = ["", "#### By " + MarkdownEscaping.escape(table.name), ""]
        let fields = table.fields.isEmpty ? [table.name] : table.fields
        var columns: [(header: String, alignment: MarkdownTable.Alignment)] = fields.map {
            (MarkdownEscaping.escape($0), .left)
        }
        // A Count column of dashes only (a pooled Likert index, NPS) says nothing: leave it out.
        let hasCount = table.rows.contains { !$0.figure.suppressed && $0.figure.count != nil }
        // Likert rows carry their mean, as the overall table does.
        let hasMean = table.rows.contains { $0.mean != nil }
        columns += [("Value", .right)] + (hasMean ? [("Mean", .right)] : []) + (hasCount ? [("Count", .right)] : [])
        columns += [("n", .right), ("95% CI", .right), ("Difference", .right), ("p", .right), ("Differs", .left)]
        var markdown = MarkdownTable(columns)
        for row in table.rows {
            let labels = (0..<fields.count).map { $0 < row.labels.count ? MarkdownEscaping.escape(row.labels[$0]) : "" }
            let cells = FigureCells(figure: row.figure, unit: unit)
            if row.figure.suppressed {
                markdown.append(
                    labels + [cells.value]
                        + Array(repeating: FigureText.missing, count: 5 + (hasCount ? 1 : 0) + (hasMean ? 1 : 0)))
                continue
            }
            let differs = row.significant.map { $0 ? "yes" : "no" } ?? FigureText.missing
            markdown.append(
                labels + [cells.value] + (hasMean ? [FigureText.decimal(row.mean, places: 2)] : [])
                    + (hasCount ? [cells.count] : []) + [
                        cells.n, cells.interval, FigureText.difference(row.difference, unit: unit),
                        FigureText.pValue(row.pValue), differs,
                    ])
        }
        lines += markdown.lines
        if !table.test.isEmpty {
            lines += [
                "",
                "Difference: the group minus the overall figure; test: " + MarkdownEscaping.escape(table.test) + ".",
            ]
        }
        return lines
    }
}
