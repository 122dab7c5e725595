import CandorAggregate

extension MarkdownReport {
    /// A metric's heading, its overall figure and its kind's table.
    static func metricSection(_ metric: MetricResult) -> [String] {
        let unit = metric.kind.unit
        var lines = ["", "### " + MarkdownEscaping.escape(metric.label), ""]
        lines.append(
            "Metric " + MarkdownEscaping.escape(metric.id) + " (" + MarkdownEscaping.escape(metric.kind.name) + ").")
        if case .likert = metric.detail {
            // The other kinds show their primary figure in their own table.
            lines += ["", "Favourable overall: " + FigureCells(figure: metric.overall, unit: unit).phrase + "."]
        }
        lines.append("")
        switch metric.detail {
        case .summary(let definition):
            var table = MarkdownTable(figureColumns(first: "Measure", bar: false))
            table.append(figureRow(MarkdownEscaping.escape(metric.label), metric.overall, unit: unit, bar: false))
            lines += table.lines + ["", "Definition: " + MarkdownEscaping.escape(FigureText.sentence(definition))]
        case .multiselect(let options, let atLeastOne, let meanChosen):
            var table = MarkdownTable(figureColumns(first: "Option", bar: true))
            for option in options {
                let label = MarkdownEscaping.escape(option.label) + (option.isNoneOption ? " (none option)" : "")
                table.append(figureRow(label, option.figure, unit: .fraction, bar: true))
            }
            lines += table.lines
            lines += ["", "At least one option: " + FigureCells(figure: atLeastOne, unit: .fraction).phrase + "."]
            if let meanChosen, !metric.overall.suppressed {
                lines.append("Mean number of options chosen: " + FigureText.decimal(meanChosen, places: 2) + ".")
            }
        case .likert(let items, let index):
            lines += likertTable(items: items, index: index)
        case .nps(let promoters, let passives, let detractors):
            var table = MarkdownTable(figureColumns(first: "Group", bar: true))
            table.append(figureRow("Promoters (9–10)", promoters, unit: .fraction, bar: true))
            table.append(figureRow("Passives (7–8)", passives, unit: .fraction, bar: true))
            table.append(figureRow("Detractors (0–6)", detractors, unit: .fraction, bar: true))
            table.append(figureRow("Net Promoter Score", metric.overall, unit: .points, bar: false))
            lines += table.lines
            // The split is shown, not hidden: the score, its interval and n determine it anyway.
            lines += ["", "Count of a Net Promoter Score: promoters / detractors."]
        case .engagement(let engaged, let notEngaged, let activelyDisengaged, let meanScore, let rule):
            var table = MarkdownTable(figureColumns(first: "Class", bar: true))
            table.append(figureRow("Engaged", engaged, unit: .fraction, bar: true))
            table.append(figureRow("Not engaged", notEngaged, unit: .fraction, bar: true))
            table.append(figureRow("Actively disengaged", activelyDisengaged, unit: .fraction, bar: true))
            lines += table.lines + [""]
            if let meanScore, !metric.overall.suppressed {
                lines.append(
                    "Mean of respondents' means: " + FigureText.decimal(meanScore, places: 2)
                        + " (each respondent's mean over the items, averaged; not the mean of all answers).")
            }
            lines.append("Rule: " + MarkdownEscaping.escape(FigureText.sentence(rule)))
        case .varianceShare(let figures):
            lines += VarianceShareText.markdown(figures, overall: metric.overall)
        case .drivers(let outcome, let items, _):
            var table = MarkdownTable([
                ("Item", .left), ("r", .right), ("n", .right), ("p", .right), ("p (adj.)", .right),
                ("Significant at 5% (adj.)", .left),
            ])
            for item in items {
                let hidden = item.r == nil
                table.append([
                    MarkdownEscaping.escape(item.item), FigureText.decimal(item.r, places: 2),
                    hidden ? FigureText.missing : FigureText.count(item.n),
                    FigureText.pValue(hidden ? nil : item.pValue), FigureText.pValue(hidden ? nil : item.pAdjusted),
                    hidden ? FigureText.missing : (item.significant ? "yes" : "no"),
                ])
            }
            lines += table.lines + ["", "Outcome: " + MarkdownEscaping.escape(outcome) + "."]
            if let note = DriversText.itemRestNote(outcome: outcome, items: items) {
                lines.append(MarkdownEscaping.escape(note))
            }
            lines.append(DriversText.ordering)
        }
        return lines
    }

    /// The columns of a table of figures: value, count, n, interval and optionally a bar.
    static func figureColumns(first: String, bar: Bool) -> [(header: String, alignment: MarkdownTable.Alignment)] {
        var columns: [(header: String, alignment: MarkdownTable.Alignment)] = [
            (first, .left), ("Value", .right), ("Count", .right), ("n", .right), ("95% CI", .right),
        ]
        if bar { columns.append(("", .left)) }
        return columns
    }

    /// One row of a table of figures, matching `figureColumns`.
    static func figureRow(_ label: String, _ figure: Figure, unit: FigureUnit, bar: Bool) -> [String] {
        let cells = FigureCells(figure: figure, unit: unit)
        var row = [label, cells.value, cells.count, cells.n, cells.interval]
        if bar { row.append(cells.bar) }
        return row
    }

    /// Per item: n, the percentage at each scale point, favourable/neutral/unfavourable, the
    /// mean and a bar of the favourable share.
    private static func likertTable(items: [LikertFigure], index: LikertFigure?) -> [String] {
        let all = items + (index.map { [$0] } ?? [])
        var points: [(point: Int, label: String)] = []
        for share in all.flatMap(\.distribution) where !points.contains(where: { $0.point == share.point }) {
            points.append((share.point, share.label))
        }
        points.sort { $0.point < $1.point }
        var columns: [(header: String, alignment: MarkdownTable.Alignment)] = [("Item", .left), ("n", .right)]
        columns += points.map { (MarkdownEscaping.escape($0.label), .right) }
        columns += [
            ("Favourable", .right), ("Neutral", .right), ("Unfavourable", .right), ("Mean", .right), ("", .left),
        ]
        var table = MarkdownTable(columns)
        for (offset, item) in all.enumerated() {
            let isIndex = index != nil && offset == all.count - 1
            let label =
                (isIndex ? "Index: " : "") + MarkdownEscaping.escape(item.label) + (item.reversed ? " (reversed)" : "")
            if item.favourable.suppressed {
                table.append([label, FigureText.missing] + points.map { _ in FigureText.missing } + ["suppressed"])
                continue
            }
            var row = [label, FigureText.count(item.n)]
            row += points.map { point in
                item.distribution.first { $0.point == point.point }.map {
                    FigureText.decimal($0.percent, places: 0) + "%"
                }
                    ?? FigureText.missing
            }
            row += [
                FigureCells(figure: item.favourable, unit: .fraction).value,
                FigureCells(figure: item.neutral, unit: .fraction).value,
                FigureCells(figure: item.unfavourable, unit: .fraction).value, FigureText.decimal(item.mean, places: 2),
                FigureCells(figure: item.favourable, unit: .fraction).bar,
            ]
            table.append(row)
        }
        var notes = ["Bars show the favourable share; percentages at each point are of answers and add to 100%."]
        if items.contains(where: \.reversed) {
            notes.append(
                "(reversed): a reverse-coded item. Its percentages are of the answers given, under their labels; its"
                    + " favourable, neutral and unfavourable shares and its mean score each answer reversed"
                    + " (lowest point + highest − answer).")
        }
        if let index, !index.favourable.suppressed, let answers = index.favourable.answers {
            notes.append(
                "The index pools " + FigureText.count(answers) + " answers from " + FigureText.count(index.n)
                    + " respondents: its percentages and shares are of answers"
                    + (items.contains(where: \.reversed) ? " (reversed items at their reversed points)" : "")
                    + ", its n counts respondents, its intervals are clustered by respondent, and its Mean is the"
                    + " mean of answers.")
        }
        return table.lines + [""] + [notes.joined(separator: " ")]
    }
}
