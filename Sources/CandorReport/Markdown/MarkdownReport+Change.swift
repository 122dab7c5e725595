import CandorAggregate

extension MarkdownReport {
    /// One line per metric headline with its change since the previous wave, and the trend of
    /// the headlines over the last waves; nothing without a previous wave.
    static func changeSection(_ document: ReportDocument) -> [String] {
        guard let changes = document.waveChanges else { return [] }
        var lines = ["", "## Change since " + MarkdownEscaping.escape(changes.previousWave), ""]
        let ids = headlineMetricIDs(document)
        for id in ids {
            guard let metric = document.metric(id: id) else { continue }
            let label = MarkdownEscaping.escapeLineStart(metric.label)
            lines.append("- " + label + ": " + overallChangePhrase(metric, changes: changes))
        }
        if ids.isEmpty { lines.removeLast() }
        let trend = changes.trend.filter { wave in ids.contains { wave.figures[$0] != nil } }
        guard trend.count > 1, !ids.isEmpty else { return lines }
        lines += ["", "### Trend", ""]
        let metrics = ids.compactMap { document.metric(id: $0) }
        var table = MarkdownTable([("Wave", .left)] + metrics.map { (MarkdownEscaping.escape($0.label), .right) })
        for wave in trend {
            table.append(
                [MarkdownEscaping.escape(wave.wave)]
                    + metrics.map { metric in
                        wave.figures[metric.id].map { FigureCells(figure: $0, unit: metric.kind.unit).value }
                            ?? FigureText.missing
                    })
        }
        return lines + table.lines
    }

    /// What the metric's section says about its overall change.
    static func overallChangePhrase(_ metric: MetricResult, changes: WaveChanges) -> String {
        guard let change = changes.metrics[metric.id] else {
            return "not in " + MarkdownEscaping.escape(changes.previousWave) + "."
        }
        if change.definitionChanged {
            return "not compared: its definition changed since " + MarkdownEscaping.escape(changes.previousWave) + "."
        }
        guard let overall = change.overall else {
            return "no change shown: the figure is not published in both waves."
        }
        return ChangeText.phrase(overall, unit: metric.kind.unit) + "."
    }

    /// The headlines' metric ids, each once, in order; every metric when there are no headlines.
    private static func headlineMetricIDs(_ document: ReportDocument) -> [String] {
        var ids: [String] = []
        for case .metric(let id, _) in document.headlines where !ids.contains(id) { ids.append(id) }
        return ids.isEmpty ? document.metrics.map(\.id) : ids
    }
}
