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

    /// A column heading in at most two lines of about `limit` characters, broken between words;
    /// the second line ends in an ellipsis when the heading is longer still.
    static func headingLines(_ heading: String, limit: Int) -> [String] {
        var lines: [String] = []
        var current = ""
        for word in heading.split(separator: " ") {
            if current.isEmpty {
                current = String(word)
            } else if current.count + 1 + word.count <= limit || lines.count == 1 {
                current += " " + word
            } else {
                lines.append(current)
                current = String(word)
            }
        }
        lines.append(current)
        return lines.map { ChartFrame.shortened($0, limit: limit) }
    }

    /// The chart as a `<figure>` with inline SVG.
    package var markup: Markup {
        let headerHeight = 44.0
        let plotLeft = ChartFrame.labelWidth
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
        // Bold 13-unit text averages about 8 units a character; 9 leaves room between columns.
        let characters = max(6, Int(cellWidth / 9))
        for (index, column) in columns.enumerated() {
            let x = plotLeft + (Double(index) + 0.5) * cellWidth
            let lines = Self.headingLines(column, limit: characters)
            for (line, text) in lines.enumerated() {
                let y = headerHeight - 12 - Double(lines.count - 1 - line) * 15
                body.append(ChartFrame.label(text, x: x, y: y, anchor: "middle", className: "column"))
            }
        }
        for (rowIndex, row) in rows.enumerated() {
            let y = headerHeight + Double(rowIndex) * ChartFrame.rowHeight
            let middle = y + ChartFrame.rowHeight / 2
            body.append(
                ChartFrame.label(ChartFrame.shortened(row.label, limit: 30), x: plotLeft - 8, y: middle, anchor: "end"))
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
