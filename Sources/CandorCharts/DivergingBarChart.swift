/// One row of a diverging stacked bar: the unfavourable share to the left of the centre line,
/// the favourable share to the right, the neutral share split across the centre.
package struct DivergingRow: Sendable {
    /// The item.
    package var label: String
    /// Shares 0…1, or `nil` when the row is suppressed (drawn as a labelled gap).
    package var shares: (unfavourable: Double, neutral: Double, favourable: Double)?

    /// Creates a row.
    package init(label: String, shares: (unfavourable: Double, neutral: Double, favourable: Double)?) {
        self.label = label
        self.shares = shares
    }
}

/// A diverging stacked bar per Likert item (unfavourable left, favourable right).
package struct DivergingBarChart: Sendable {
    /// Title, description and ids.
    package var frame: ChartFrame
    /// The items, top to bottom.
    package var rows: [DivergingRow]

    /// Creates the chart.
    package init(frame: ChartFrame, rows: [DivergingRow]) {
        self.frame = frame
        self.rows = rows
    }

    /// The chart as a `<figure>` with inline SVG.
    package var markup: Markup {
        let top = 28.0
        let plotLeft = ChartFrame.labelWidth
        let plotWidth = ChartFrame.width - plotLeft - 10
        let centre = plotLeft + plotWidth / 2
        // Each side holds up to 100%: the bar of an item answered all one way reaches the edge.
        let scale = plotWidth / 2
        var body: [Markup] = [
            ChartFrame.label("◀ Unfavourable", x: centre - 6, y: 12, anchor: "end", colour: ChartPalette.unfavourable),
            ChartFrame.label("Favourable ▶", x: centre + 6, y: 12, colour: ChartPalette.favourable),
        ]
        for (index, row) in rows.enumerated() {
            let y = top + Double(index) * ChartFrame.rowHeight
            let middle = y + ChartFrame.rowHeight / 2
            body.append(ChartFrame.label(ChartFrame.shortened(row.label), x: plotLeft - 8, y: middle, anchor: "end"))
            guard let shares = row.shares else {
                body.append(
                    ChartFrame.label("suppressed", x: centre, y: middle, anchor: "middle", colour: ChartPalette.muted))
                continue
            }
            let barY = y + 4
            let height = ChartFrame.rowHeight - 8
            let halfNeutral = shares.neutral / 2 * scale
            let unfavourableWidth = shares.unfavourable * scale
            let favourableWidth = shares.favourable * scale
            body.append(
                ChartFrame.rect(
                    x: centre - halfNeutral - unfavourableWidth, y: barY, width: unfavourableWidth, height: height,
                    fill: ChartPalette.unfavourable.hex, tip: "Unfavourable " + ChartText.percent(shares.unfavourable)))
            body.append(
                ChartFrame.rect(
                    x: centre - halfNeutral, y: barY, width: halfNeutral * 2, height: height,
                    fill: ChartPalette.neutral.hex, tip: "Neutral " + ChartText.percent(shares.neutral)))
            body.append(
                ChartFrame.rect(
                    x: centre + halfNeutral, y: barY, width: favourableWidth, height: height,
                    fill: ChartPalette.favourable.hex, tip: "Favourable " + ChartText.percent(shares.favourable)))
            body.append(
                ChartFrame.label(
                    ChartText.percent(shares.unfavourable), x: centre - halfNeutral - unfavourableWidth - 4, y: middle,
                    anchor: "end", className: "value"))
            body.append(
                ChartFrame.label(
                    ChartText.percent(shares.favourable), x: centre + halfNeutral + favourableWidth + 4, y: middle,
                    className: "value"))
        }
        let bottom = top + Double(rows.count) * ChartFrame.rowHeight
        body.append(ChartFrame.line(x1: centre, y1: top - 2, x2: centre, y2: bottom + 2, colour: ChartPalette.ink))
        return frame.figure(kind: "diverging", height: bottom + 8, body)
    }
}
