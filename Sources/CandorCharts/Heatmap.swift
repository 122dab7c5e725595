/// One cell of a heatmap.
package enum HeatmapCell: Sendable {
    /// A figure: its text, and its difference from overall scaled to −1…1 for the colour.
    case value(text: String, scaled: Double, tip: String)
    /// Hidden for privacy: hatched and labelled.
    case suppressed
    /// No figure for this pair (the metric is not cut by this segment, or has no value).
    case empty
}

/// Segments × metrics, each cell coloured by the group's difference from the overall figure:
/// blue above, orange below, white at no difference; suppressed cells hatched and labelled.
package struct Heatmap: Sendable {
    /// Title, description and ids.
    package var frame: ChartFrame
    /// Column headings (the metrics).
    package var columns: [String]
    /// Row headings (the groups) and their cells, one per column.
    package var rows: [(label: String, cells: [HeatmapCell])]

    /// Creates the heatmap.
    package init(frame: ChartFrame, columns: [String], rows: [(label: String, cells: [HeatmapCell])]) {
        self.frame = frame
        self.columns = columns
        self.rows = rows
    }

    /// The chart as a `<figure>` with inline SVG.
    package var markup: Markup {
        let headerHeight = 44.0
        let plotLeft = ChartFrame.labelWidth - 60
        let cellWidth = columns.isEmpty ? 0 : min(130, (ChartFrame.width - plotLeft - 4) / Double(columns.count))
        let hatch = frame.id + "-hatch"
        let defs: [Markup] = [
            .node(
                "pattern",
                ["id": hatch, "patternUnits": "userSpaceOnUse", "width": "6", "height": "6"],
                [
                    ChartFrame.rect(x: 0, y: 0, width: 6, height: 6, fill: ChartPalette.paper.hex),
                    .node("path", ["d": "M0,6 L6,0", "stroke": ChartPalette.muted.hex, "stroke-width": "1"]),
                ])
        ]
        var body: [Markup] = []
        for (index, column) in columns.enumerated() {
            let x = plotLeft + (Double(index) + 0.5) * cellWidth
            body.append(
                ChartFrame.label(
                    ChartFrame.shortened(column, limit: max(6, Int(cellWidth / 7))), x: x, y: headerHeight - 12,
                    anchor: "middle", className: "column"))
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = headerHeight + Double(rowIndex) * ChartFrame.rowHeight
            let middle = y + ChartFrame.rowHeight / 2
            body.append(
                ChartFrame.label(ChartFrame.shortened(row.label, limit: 24), x: plotLeft - 8, y: middle, anchor: "end"))
            for (columnIndex, cell) in row.cells.enumerated() where columnIndex < columns.count {
                let x = plotLeft + Double(columnIndex) * cellWidth
                let centre = x + cellWidth / 2
                switch cell {
                case .value(let text, let scaled, let tip):
                    let fill = ChartPalette.heat(scaled)
                    body.append(
                        ChartFrame.rect(
                            x: x + 1, y: y + 1, width: cellWidth - 2, height: ChartFrame.rowHeight - 2, fill: fill.hex,
                            tip: tip))
                    body.append(
                        ChartFrame.label(
                            text, x: centre, y: middle, anchor: "middle", colour: ChartPalette.text(on: fill),
                            className: "value"))
                case .suppressed:
                    body.append(
                        ChartFrame.rect(
                            x: x + 1, y: y + 1, width: cellWidth - 2, height: ChartFrame.rowHeight - 2,
                            fill: "url(#\(hatch))", tip: "suppressed for privacy"))
                    body.append(
                        ChartFrame.label("suppressed", x: centre, y: middle, anchor: "middle", className: "value note"))
                case .empty:
                    body.append(
                        ChartFrame.label("—", x: centre, y: middle, anchor: "middle", colour: ChartPalette.muted))
                }
            }
        }
        let bottom = headerHeight + Double(rows.count) * ChartFrame.rowHeight
        return frame.figure(kind: "heatmap", height: bottom + 8, defs: defs, body)
    }
}
