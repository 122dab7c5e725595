import CandorAggregate
import CandorCharts

extension HTMLReport {
    /// A metric: heading, overall figure, its chart, the table the chart draws, its trend across
    /// the history's waves (`trend`, the same waves as the Markdown's trend table), its segments.
    static func metricArticle(_ metric: MetricResult, index: Int, trend: [TrendWave] = []) -> Markup {
        let unit = metric.kind.unit
        var content: [Markup] = [
            .node(
                "header", [:],
                [
                    .node("h3", [:], text: metric.label),
                    paragraph("Metric " + metric.id + " (" + metric.kind.name + ").", note: true),
                ])
        ]
        if case .likert = metric.detail {
            content.append(
                paragraph("Favourable overall: " + FigureCells(figure: metric.overall, unit: unit).phrase + "."))
        }
        content += detail(metric, id: "chart-\(index + 1)")
        content += trendChart(metric, waves: trend, id: "trend-\(index + 1)")
        for (segment, table) in metric.segments.enumerated() {
            content += segmentTable(table, unit: unit, id: "chart-\(index + 1)-\(segment + 1)")
        }
        return .node("article", ["class": "metric", "id": "metric-" + metric.id], content)
    }

    /// The kind's chart and table.
    private static func detail(_ metric: MetricResult, id: String) -> [Markup] {
        let unit = metric.kind.unit
        switch metric.detail {
        case .summary(let definition):
            var table = figureTable(first: "Measure")
            table.append(figureRow(metric.label, metric.overall, unit: unit))
            let chart: [Markup] =
                unit == .fraction
                ? [shareChart(id: id, title: metric.label, [(metric.label, metric.overall)])] : []
            return chart + [table.markup, paragraph("Definition: " + definition + ".")]
        case .multiselect(let options, let atLeastOne, let meanChosen):
            var table = figureTable(first: "Option")
            for option in options {
                table.append(
                    figureRow(
                        option.label + (option.isNoneOption ? " (none option)" : ""), option.figure, unit: .fraction))
            }
            var content = [
                shareChart(
                    id: id, title: metric.label + ": share choosing each option", options.map { ($0.label, $0.figure) }),
                table.markup,
                paragraph("At least one option: " + FigureCells(figure: atLeastOne, unit: .fraction).phrase + "."),
            ]
            if let meanChosen, !metric.overall.suppressed {
                content.append(
                    paragraph("Mean number of options chosen: " + FigureText.decimal(meanChosen, places: 2) + "."))
            }
            return content
        case .likert(let items, let index):
            return likert(metric, items: items, index: index, id: id)
        case .nps(let promoters, let passives, let detractors):
            var table = figureTable(first: "Group")
            table.append(figureRow("Promoters (9–10)", promoters, unit: .fraction))
            table.append(figureRow("Passives (7–8)", passives, unit: .fraction))
            table.append(figureRow("Detractors (0–6)", detractors, unit: .fraction))
            table.append(figureRow("Net Promoter Score", metric.overall, unit: .points))
            return npsChart(metric, promoters: promoters, passives: passives, detractors: detractors, id: id) + [
                table.markup, paragraph("Count of a Net Promoter Score: promoters / detractors.", note: true),
            ]
        case .engagement(let engaged, let notEngaged, let activelyDisengaged, let meanScore, let rule):
            let classes = [
                ("Engaged", engaged), ("Not engaged", notEngaged), ("Actively disengaged", activelyDisengaged),
            ]
            var table = figureTable(first: "Class")
            for (label, figure) in classes { table.append(figureRow(label, figure, unit: .fraction)) }
            var content = [shareChart(id: id, title: metric.label + ": share in each class", classes), table.markup]
            if let meanScore, !metric.overall.suppressed {
                content.append(paragraph("Mean score: " + FigureText.decimal(meanScore, places: 2) + "."))
            }
            return content + [paragraph("Rule: " + rule + ".")]
        case .varianceShare(let figures):
            var table = HTMLTable(["Statistic", "Value"])
            for row in VarianceShareText.rows(figures, overall: metric.overall) {
                table.append([row.label, row.value])
            }
            return [table.markup] + VarianceShareText.sentences(figures, overall: metric.overall).map { paragraph($0) }
        case .drivers(let outcome, let items, _):
            var table = HTMLTable(
                ["Item", "r", "n", "p", "p (adj.)", "Significant at 5% (adj.)"], numeric: [1, 2, 3, 4])
            for item in items {
                let hidden = item.r == nil
                table.append([
                    item.item, FigureText.decimal(item.r, places: 2),
                    hidden ? FigureText.missing : FigureText.count(item.n),
                    FigureText.pValue(hidden ? nil : item.pValue), FigureText.pValue(hidden ? nil : item.pAdjusted),
                    hidden ? FigureText.missing : (item.significant ? "yes" : "no"),
                ])
            }
            let notes = [DriversText.itemRestNote(outcome: outcome, items: items), DriversText.ordering]
            return [table.markup, paragraph("Outcome: " + outcome + ".")]
                + notes.compactMap { $0.map { paragraph($0) } }
        }
    }

    /// A diverging bar per item and the distribution table.
    private static func likert(_ metric: MetricResult, items: [LikertFigure], index: LikertFigure?, id: String)
        -> [Markup]
    {
        let all = items.map { ($0.label, $0) } + (index.map { [("Index: " + $0.label, $0)] } ?? [])
        var points: [(point: Int, label: String)] = []
        for share in all.flatMap(\.1.distribution) where !points.contains(where: { $0.point == share.point }) {
            points.append((share.point, share.label))
        }
        points.sort { $0.point < $1.point }
        var table = HTMLTable(["Item", "n"] + points.map(\.label) + ["Favourable", "Neutral", "Unfavourable", "Mean"])
        var rows: [DivergingRow] = []
        var sentences: [String] = []
        for (label, item) in all {
            guard !item.favourable.suppressed, let favourable = item.favourable.value,
                let neutral = item.neutral.value, let unfavourable = item.unfavourable.value
            else {
                table.append([label, FigureText.missing] + points.map { _ in FigureText.missing } + ["suppressed"])
                rows.append(DivergingRow(label: label, shares: nil))
                sentences.append(label + ": suppressed")
                continue
            }
            rows.append(DivergingRow(label: label, shares: (unfavourable, neutral, favourable)))
            sentences.append(
                label + ": " + ChartText.percent(unfavourable) + " unfavourable, " + ChartText.percent(neutral)
                    + " neutral, " + ChartText.percent(favourable) + " favourable")
            table.append(
                [label, FigureText.count(item.n)]
                    + points.map { point in
                        item.distribution.first { $0.point == point.point }.map {
                            FigureText.decimal($0.percent, places: 0) + "%"
                        } ?? FigureText.missing
                    } + [
                        FigureCells(figure: item.favourable, unit: .fraction).value,
                        FigureCells(figure: item.neutral, unit: .fraction).value,
                        FigureCells(figure: item.unfavourable, unit: .fraction).value,
                        FigureText.decimal(item.mean, places: 2),
                    ])
        }
        let chart = DivergingBarChart(
            frame: ChartFrame(
                id: id, title: metric.label + ": unfavourable, neutral and favourable answers per item",
                description: sentences.joined(separator: "; ") + "."),
            rows: rows)
        return [
            chart.markup, table.markup,
            paragraph("Percentages at each point are of answers and add to 100%.", note: true),
        ]
    }

    /// The eNPS split: detractors, passives, promoters as one bar (nothing when suppressed).
    private static func npsChart(
        _ metric: MetricResult, promoters: Figure, passives: Figure, detractors: Figure, id: String
    ) -> [Markup] {
        guard let p = promoters.value, let q = passives.value, let d = detractors.value, !metric.overall.suppressed
        else { return [] }
        let score = FigureText.value(metric.overall.value, unit: .points)
        let chart = SplitBar(
            frame: ChartFrame(
                id: id, title: metric.label + ": detractors, passives and promoters (score " + score + ")",
                description: "Detractors " + ChartText.percent(d) + ", passives " + ChartText.percent(q)
                    + ", promoters " + ChartText.percent(p) + "; the score is promoters minus detractors, " + score
                    + "."),
            parts: [
                SplitPart(label: "Detractors (0–6)", share: d, colour: ChartPalette.unfavourable),
                SplitPart(label: "Passives (7–8)", share: q, colour: ChartPalette.neutral),
                SplitPart(label: "Promoters (9–10)", share: p, colour: ChartPalette.favourable),
            ])
        return [chart.markup]
    }

    /// Bars with interval whiskers for shares.
    static func shareChart(id: String, title: String, _ figures: [(String, Figure)]) -> Markup {
        let bars = figures.map { label, figure in
            IntervalBar(
                label: label, value: figure.suppressed ? nil : figure.value,
                interval: figure.suppressed ? nil : figure.interval.map { ($0.low, $0.high) },
                valueText: FigureCells(figure: figure, unit: .fraction).value)
        }
        let description = figures.map { label, figure in
            label + ": " + FigureCells(figure: figure, unit: .fraction).phrase
        }.joined(separator: "; ")
        return IntervalBarChart(frame: ChartFrame(id: id, title: title, description: description + "."), bars: bars)
            .markup
    }

    /// The columns of a table of figures: value, count, n, interval.
    static func figureTable(first: String) -> HTMLTable {
        HTMLTable([first, "Value", "Count", "n", "95% CI"])
    }

    /// One row of `figureTable`.
    static func figureRow(_ label: String, _ figure: Figure, unit: FigureUnit) -> [String] {
        let cells = FigureCells(figure: figure, unit: unit)
        return [label, cells.value, cells.count, cells.n, cells.interval]
    }
}
