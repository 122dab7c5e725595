/// A line of one metric across survey waves, oldest first.
///
/// Drawn only when the history holds earlier waves: `HTMLReport.trendChart` draws the waves of
/// the report's trend (`WaveChanges.trend`) that published the metric.
package struct TrendLine: Sendable {
    /// Title, description and ids.
    package var frame: ChartFrame
    /// The waves' labels and values, oldest first.
    package var points: [(label: String, value: Double, text: String)]
    /// The value range of the vertical axis.
    package var range: ClosedRange<Double>

    /// Creates the chart.
    package init(frame: ChartFrame, points: [(label: String, value: Double, text: String)], range: ClosedRange<Double>)
    {
        self.frame = frame
        self.points = points
        self.range = range
    }

    /// The chart as a `<figure>` with inline SVG.
    package var markup: Markup {
        let left = 40.0
        let top = 16.0
        let height = 160.0
        let width = ChartFrame.width - left - 40
        let span = range.upperBound - range.lowerBound
        let step = points.count > 1 ? width / Double(points.count - 1) : 0
        func y(_ value: Double) -> Double {
            top + height - (span > 0 ? (value - range.lowerBound) / span : 0.5) * height
        }
        var body: [Markup] = [
            ChartFrame.line(x1: left, y1: top + height, x2: left + width, y2: top + height, colour: ChartPalette.muted)
        ]
        let path = points.enumerated().map { index, point in
            (index == 0 ? "M" : "L") + ChartFrame.number(left + Double(index) * step) + ","
                + ChartFrame.number(y(point.value))
        }.joined(separator: " ")
        body.append(
            .node("path", ["d": path, "fill": "none", "stroke": ChartPalette.favourable.hex, "stroke-width": "2"]))
        for (index, point) in points.enumerated() {
            let x = left + Double(index) * step
            body.append(
                .node(
                    "circle",
                    [
                        "cx": ChartFrame.number(x), "cy": ChartFrame.number(y(point.value)), "r": "4",
                        "fill": ChartPalette.favourable.hex,
                    ]))
            body.append(
                ChartFrame.label(point.text, x: x, y: y(point.value) - 12, anchor: "middle", className: "value"))
            body.append(ChartFrame.label(point.label, x: x, y: top + height + 14, anchor: "middle"))
        }
        return frame.figure(kind: "trend", height: top + height + 28, body)
    }
}
