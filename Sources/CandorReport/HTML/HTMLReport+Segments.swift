import CandorAggregate
import CandorCharts

extension HTMLReport {
    /// A metric broken down by a segment: one row per group, suppressed groups with no numbers.
    static func segmentTable(_ table: SegmentTable, unit: FigureUnit, id: String) -> [Markup] {
        let fields = table.fields.isEmpty ? [table.name] : table.fields
        let hasCount = table.rows.contains { !$0.figure.suppressed && $0.figure.count != nil }
        let hasMean = table.rows.contains { $0.mean != nil }
        let headers =
            fields + ["Value"] + (hasMean ? ["Mean"] : []) + (hasCount ? ["Count"] : [])
            + ["n", "95% CI", "Difference", MarkdownReport.pHeader(table.adjustment), "Differs"]
        var html = HTMLTable(headers, numeric: Set(fields.count..<(headers.count - 1)))
        for row in table.rows {
            let labels = HeldText.label(row, (0..<fields.count).map { $0 < row.labels.count ? row.labels[$0] : "" })
            let cells = FigureCells(figure: row.figure, unit: unit)
            if row.figure.suppressed {
                html.append(
                    labels + [cells.value]
                        + Array(repeating: FigureText.missing, count: 5 + (hasCount ? 1 : 0) + (hasMean ? 1 : 0)))
                continue
            }
            html.append(
                labels + [cells.value] + (hasMean ? [FigureText.decimal(row.mean, places: 2)] : [])
                    + (hasCount ? [cells.count] : []) + [
                        cells.n, cells.interval, FigureText.difference(row.difference, unit: unit),
                        MarkdownReport.pCell(row), row.significant.map { $0 ? "yes" : "no" } ?? FigureText.missing,
                    ])
        }
        var content: [Markup] = [.node("h4", [:], text: "By " + table.name), html.markup]
        // The same notes as the Markdown table's: what the adjusted p and "(exact)" mean.
        if !table.test.isEmpty {
            var note = "Difference: the group minus the overall figure"
            if table.adjustment != .none {
                note +=
                    "; p (adj.): the p-value adjusted within the table ("
                    + MarkdownReport.adjustmentName(table.adjustment) + ")"
            }
            if table.rows.contains(where: { if case .fisherExact = $0.test { true } else { false } }) {
                note += "; (exact): Fisher's exact test"
            }
            content.append(paragraph(note + "; test: " + table.test + ".", note: true))
        }
        return content
    }

    /// One heatmap per segment: its groups × the metrics cut by it, coloured by each group's
    /// difference from the overall figure.
    ///
    /// Metrics are in different units (shares, points, means), so each column's colour is
    /// scaled by its own largest difference; the cell prints the group's value, and its tooltip
    /// the difference.
    static func segmentHeatmaps(_ document: ReportDocument) -> [Markup] {
        var segmentNames: [String] = []
        for table in document.metrics.flatMap(\.segments) where !segmentNames.contains(table.name) {
            segmentNames.append(table.name)
        }
        guard !segmentNames.isEmpty else { return [] }
        var content: [Markup] = [
            .node("h3", [:], text: "Segments at a glance"),
            paragraph(
                "Each cell is a group's figure; its colour is the difference from the overall figure: blue above,"
                    + " orange below, darker for a larger difference (scaled per metric). Hatched cells are suppressed"
                    + " for privacy. The tables under each metric give every figure."),
        ]
        for (index, name) in segmentNames.enumerated() {
            let metrics = document.metrics.compactMap { metric in
                metric.segments.first { $0.name == name }.map { (metric, $0) }
            }
            var groups: [String] = []
            for (_, table) in metrics {
                for row in table.rows {
                    let label = row.labels.joined(separator: " | ")
                    if !groups.contains(label) { groups.append(label) }
                }
            }
            var columns: [[String: HeatmapCell]] = []
            var sentences: [String] = []
            for (metric, table) in metrics {
                let unit = metric.kind.unit
                let largest = table.rows.compactMap { $0.figure.suppressed ? nil : $0.difference.map(abs) }.max() ?? 0
                var cells: [String: HeatmapCell] = [:]
                for row in table.rows {
                    let label = row.labels.joined(separator: " | ")
                    if row.figure.suppressed {
                        cells[label] = .suppressed
                        continue
                    }
                    guard row.figure.value != nil else { continue }
                    let difference = FigureText.difference(row.difference, unit: unit)
                    cells[label] = .value(
                        text: FigureText.value(row.figure.value, unit: unit),
                        scaled: largest > 0 ? (row.difference ?? 0) / largest : 0,
                        tip: metric.label + ", " + label + ": " + FigureText.value(row.figure.value, unit: unit)
                            + " (difference from overall " + difference + ")")
                }
                columns.append(cells)
                let hidden = table.rows.filter(\.figure.suppressed).count
                sentences.append(
                    metric.label + ": " + FigureText.count(table.rows.count - hidden) + " groups shown, "
                        + FigureText.count(hidden) + " suppressed")
            }
            let heatmap = Heatmap(
                frame: ChartFrame(
                    id: "heatmap-\(index + 1)", title: "By " + name + ": difference from overall",
                    description: "Groups of " + name + " by metric. " + sentences.joined(separator: "; ") + "."),
                columns: metrics.map(\.0.label),
                rows: groups.map { group in (group, columns.map { $0[group] ?? .empty }) })
            content.append(heatmap.markup)
        }
        return content
    }
}
