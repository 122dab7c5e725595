import CandorAggregate
import CandorHistory

/// The figures a report publishes, keyed as the history stores them: every metric's overall
/// figure, its detail's figures and its segment rows. Suppressed figures are kept as suppressed
/// (the history then holds no number for them either).
enum PublishedFigures {
    /// Every figure of `metrics`, in report order.
    static func figures(of metrics: [MetricResult]) -> [HistoryFigure] {
        metrics.flatMap { metric in
            let key = { (part: String) in FigureKey(metric: metric.id, part: part) }
            var figures = [HistoryFigure(key: key(""), figure: metric.overall)]
            figures += detail(metric.detail).map { HistoryFigure(key: key($0.part), figure: $0.figure) }
            for table in metric.segments {
                for row in table.rows {
                    figures.append(
                        HistoryFigure(
                            key: FigureKey(metric: metric.id, segment: table.name, labels: row.labels),
                            figure: row.figure))
                }
            }
            return figures
        }
    }

    /// A detail's figures with the names the history gives them.
    private static func detail(_ detail: MetricDetail) -> [(part: String, figure: Figure)] {
        switch detail {
        case .summary, .varianceShare:
            return []
        case .multiselect(let options, let atLeastOne, _):
            return options.map { ("option:" + $0.label, $0.figure) } + [("at_least_one", atLeastOne)]
        case .likert(let items, let index):
            return items.map { ("item:" + $0.label, $0.favourable) }
                + (index.map { [("index:" + $0.label, $0.favourable)] } ?? [])
        case .nps(let promoters, let passives, let detractors):
            return [("promoters", promoters), ("passives", passives), ("detractors", detractors)]
        case .engagement(let engaged, let notEngaged, let activelyDisengaged, _, _):
            return [("engaged", engaged), ("not_engaged", notEngaged), ("actively_disengaged", activelyDisengaged)]
        case .drivers(_, let items, _):
            return items.map { item in
                ("driver:" + item.item, Figure(value: item.r, n: item.n, suppressed: item.r == nil && item.n > 0))
            }
        }
    }
}
