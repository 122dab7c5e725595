/// One part of a split bar.
package struct SplitPart: Sendable {
    /// What the part is ("Detractors (0–6)").
    package var label: String
    /// Its share, 0…1.
    package var share: Double
    /// Its colour.
    package var colour: RGB

    /// Creates a part.
    package init(label: String, share: Double, colour: RGB) {
        self.label = label
        self.share = share
        self.colour = colour
    }
}

/// One bar split into parts that add to 100%, with a legend under it: the eNPS split
/// (detractors, passives, promoters).
package struct SplitBar: Sendable {
    /// Title, description and ids.
    package var frame: ChartFrame
    /// The parts, left to right.
    package var parts: [SplitPart]

    /// Creates the chart.
    package init(frame: ChartFrame, parts: [SplitPart]) {
        self.frame = frame
        self.parts = parts
    }

    /// The chart as a `<figure>` with inline SVG.
    package var markup: Markup {
        let left = 10.0
        let width = ChartFrame.width - 2 * left
        var x = left
        var body: [Markup] = []
        for part in parts {
            let partWidth = max(0, part.share) * width
            body.append(
                ChartFrame.rect(
                    x: x, y: 8, width: partWidth, height: 30, fill: part.colour.hex,
                    tip: part.label + " " + ChartText.percent(part.share)))
            if partWidth > 44 {
                body.append(
                    ChartFrame.label(
                        ChartText.percent(part.share), x: x + partWidth / 2, y: 23, anchor: "middle",
                        colour: ChartPalette.text(on: part.colour), className: "value"))
            }
            x += partWidth
        }
        // The legend names every part with its share, so no meaning rests on colour alone.
        let legendWidth = width / Double(max(1, parts.count))
        for (index, part) in parts.enumerated() {
            let legendX = left + Double(index) * legendWidth
            body.append(ChartFrame.rect(x: legendX, y: 50, width: 12, height: 12, fill: part.colour.hex))
            body.append(
                ChartFrame.label(part.label + ": " + ChartText.percent(part.share), x: legendX + 18, y: 56))
        }
        return frame.figure(kind: "split", height: 72, body)
    }
}
