/// One bar with its interval whisker.
package struct IntervalBar: Sendable {
    /// What the bar is.
    package var label: String
    /// The value, or `nil` when suppressed (drawn as a labelled gap).
    package var value: Double?
    /// The interval, when there is one.
    package var interval: (low: Double, high: Double)?
    /// The value as the report prints it ("46.2%", "+12").
    package var valueText: String

    /// Creates a bar.
    package init(label: String, value: Double?, interval: (low: Double, high: Double)?, valueText: String) {
        self.label = label
        self.value = value
        self.interval = interval
        self.valueText = valueText
    }
}

/// Horizontal bars from zero with their 95% interval whiskers: shares, multiselect options, the
/// classes of an engagement index.
package struct IntervalBarChart: Sendable {
    /// Title, description and ids.
    package var frame: ChartFrame
    /// The bars, top to bottom.
    package var bars: [IntervalBar]
    /// The value at the right edge (1 for shares).
    package var maximum: Double

    /// Creates the chart.
    package init(frame: ChartFrame, bars: [IntervalBar], maximum: Double = 1) {
        self.frame = frame
        self.bars = bars
        self.maximum = maximum
    }

    /// The chart as a `<figure>` with inline SVG.
    package var markup: Markup {
        let top = 8.0
        let plotLeft = ChartFrame.labelWidth
        // Room on the right for the value printed after the longest bar.
        let plotWidth = ChartFrame.width - plotLeft - 70
        let scale = maximum > 0 ? plotWidth / maximum : 0
        var body: [Markup] = []
        for (index, bar) in bars.enumerated() {
            let y = top + Double(index) * ChartFrame.rowHeight
            let middle = y + ChartFrame.rowHeight / 2
            body.append(ChartFrame.label(ChartFrame.shortened(bar.label), x: plotLeft - 8, y: middle, anchor: "end"))
            guard let value = bar.value else {
                body.append(ChartFrame.label("suppressed", x: plotLeft + 4, y: middle, colour: ChartPalette.muted))
                continue
            }
            let clamped = max(0, min(maximum, value))
            body.append(
                ChartFrame.rect(
                    x: plotLeft, y: y + 5, width: clamped * scale, height: ChartFrame.rowHeight - 10,
                    fill: ChartPalette.favourable.mixed(with: ChartPalette.paper, amount: 0.35).hex,
                    tip: bar.label + ": " + bar.valueText))
            var end = plotLeft + clamped * scale
            if let interval = bar.interval {
                let low = plotLeft + max(0, min(maximum, interval.low)) * scale
                let high = plotLeft + max(0, min(maximum, interval.high)) * scale
                body.append(
                    ChartFrame.line(x1: low, y1: middle, x2: high, y2: middle, colour: ChartPalette.ink, width: 1.5))
                for x in [low, high] {
                    body.append(
                        ChartFrame.line(
                            x1: x, y1: middle - 5, x2: x, y2: middle + 5, colour: ChartPalette.ink, width: 1.5))
                }
                end = max(end, high)
            }
            body.append(ChartFrame.label(bar.valueText, x: end + 6, y: middle, className: "value"))
        }
        let bottom = top + Double(bars.count) * ChartFrame.rowHeight
        body.append(ChartFrame.line(x1: plotLeft, y1: top, x2: plotLeft, y2: bottom, colour: ChartPalette.ink))
        return frame.figure(kind: "bars", height: bottom + 8, body)
    }
}
