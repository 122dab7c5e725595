import CandorAggregate

extension MarkdownReport {
    /// A metric broken down by a segment: one row per group, suppressed groups with no numbers.
    ///
    /// - Parameter changes: Each row's change since the previous wave, by labels; with it the
    ///   table has a Change column.
    static func segmentSection(
        _ table: SegmentTable, unit: FigureUnit, minGroupSize: Int, changes: [[String]: FigureChange]? = nil
    ) -> [String] {
        var lines = ["", "#### By " + MarkdownEscaping.escape(table.name), ""]
        let fields = table.fields.isEmpty ? [table.name] : table.fields
        var columns: [(header: String, alignment: MarkdownTable.Alignment)] = fields.map {
            (MarkdownEscaping.escape($0), .left)
        }
        // A Count column of dashes only (a pooled Likert index, NPS) says nothing: leave it out.
        let hasCount = table.rows.contains { !$0.figure.suppressed && $0.figure.count != nil }
        // Likert rows carry their mean, as the overall table does.
        let hasMean = table.rows.contains { $0.mean != nil }
        // A share of answers (a Likert index) shows its answers beside n, which counts respondents,
        // and its mean is the mean of those answers.
        let hasAnswers = table.rows.contains { $0.figure.answers != nil }
        columns += [("Value", .right)] + (hasMean ? [(hasAnswers ? "Mean of answers" : "Mean", .right)] : [])
        columns += (hasCount ? [("Count", .right)] : []) + (hasAnswers ? [("Answers", .right)] : [])
        columns += [
            ("n", .right), ("95% CI", .right), ("Difference", .right), (pHeader(table.adjustment), .right),
            ("Differs", .left),
        ]
        if changes != nil { columns.append(("Change", .right)) }
        var markdown = MarkdownTable(columns)
        for row in table.rows {
            let labels = HeldText.label(
                row, (0..<fields.count).map { $0 < row.labels.count ? MarkdownEscaping.escape(row.labels[$0]) : "" })
            let cells = FigureCells(figure: row.figure, unit: unit)
            if row.figure.suppressed {
                markdown.append(
                    labels + [cells.value]
                        + Array(
                            repeating: FigureText.missing,
                            count: 5 + (hasCount ? 1 : 0) + (hasMean ? 1 : 0) + (hasAnswers ? 1 : 0)
                                + (changes == nil ? 0 : 1)))
                continue
            }
            let differs = row.significant.map { $0 ? "yes" : "no" } ?? FigureText.missing
            markdown.append(
                labels + [cells.value] + (hasMean ? [FigureText.decimal(row.mean, places: 2)] : [])
                    + (hasCount ? [cells.count] : []) + (hasAnswers ? [FigureText.count(row.figure.answers)] : []) + [
                        cells.n, cells.interval, FigureText.difference(row.difference, unit: unit),
                        pCell(row), differs,
                    ] + (changes.map { [ChangeText.cell($0[row.labels], unit: unit)] } ?? []))
        }
        lines += markdown.lines
        if !table.test.isEmpty {
            var note = "Difference: the group minus the overall figure"
            if table.adjustment != .none {
                note += "; p (adj.): the p-value adjusted within the table (" + adjustmentName(table.adjustment) + ")"
            }
            if table.rows.contains(where: { if case .fisherExact = $0.test { true } else { false } }) {
                note += "; (exact): Fisher's exact test"
            }
            lines += ["", note + "; test: " + MarkdownEscaping.escape(table.test) + "."]
        }
        let legend = FigureCells.suppressionLegend(table.rows.map(\.figure), minGroupSize: minGroupSize)
        if !legend.isEmpty { lines += [""] + [legend.joined(separator: " ")] }
        if changes != nil {
            lines += ["", "Change: the group now minus in the previous wave; * significant after adjustment."]
        }
        return lines
    }

    /// A row's adjusted p-value, marked "(exact)" when it comes from Fisher's exact test, or
    /// "too few to test".
    static func pCell(_ row: SegmentRow) -> String {
        switch row.test {
        case .tooFewToTest: "too few to test"
        case .fisherExact: FigureText.pValue(row.pAdjusted) + " (exact)"
        case .approximate, .undefined, nil: FigureText.pValue(row.pAdjusted)
        }
    }

    /// The p column's header: "p (adj.)" when the table's p-values are adjusted, else "p".
    static func pHeader(_ adjustment: PValueAdjustment) -> String {
        adjustment == .none ? "p" : "p (adj.)"
    }

    /// The adjustment's short name for a table's note.
    static func adjustmentName(_ adjustment: PValueAdjustment) -> String {
        switch adjustment {
        case .benjaminiHochberg: "Benjamini–Hochberg"
        case .holm: "Holm"
        case .none: "none"
        }
    }
}
