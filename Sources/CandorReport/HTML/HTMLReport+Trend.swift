import CandorAggregate
import CandorCharts

extension HTMLReport {
    /// The trend of a metric across waves: a line of the waves that published it, then the
    /// table of every wave's figure (the chart's text equivalent, as in the Markdown's trend
    /// table); nothing when fewer than two waves of the trend have the metric.
    ///
    /// - Parameter waves: the document's trend (`WaveChanges.trend`: the last waves, oldest
    ///   first, this one last); only the headline metrics are in it, as in the Markdown.
    static func trendChart(_ metric: MetricResult, waves: [TrendWave], id: String) -> [Markup] {
        let figures = waves.compactMap { wave in wave.figures[metric.id].map { (wave: wave.wave, figure: $0) } }
        guard figures.count >= 2 else { return [] }
        let unit = metric.kind.unit
        var table = HTMLTable(caption: metric.label + " across waves", ["Wave", "Value", "n"])
        for entry in figures {
            let cells = FigureCells(figure: entry.figure, unit: unit)
            table.append([entry.wave, cells.value, cells.n])
        }
        // A wave that suppressed the figure is in the table, not on the line.
        let points = figures.compactMap { entry -> (label: String, value: Double, text: String)? in
            guard !entry.figure.suppressed, let value = entry.figure.value else { return nil }
            return (entry.wave, value, FigureText.value(value, unit: unit))
        }
        guard points.count >= 2 else { return [table.markup] }
        let values = points.map(\.value)
        let range = unit == .fraction ? 0.0...1.0 : (values.min() ?? 0)...(values.max() ?? 1)
        let chart = TrendLine(
            frame: ChartFrame(
                id: id, title: metric.label + " across waves",
                description: points.map { $0.label + ": " + $0.text }.joined(separator: "; ") + "."),
            points: points, range: range)
        return [chart.markup, table.markup]
    }
}
