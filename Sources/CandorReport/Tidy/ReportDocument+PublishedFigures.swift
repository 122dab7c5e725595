import CandorAggregate

extension ReportDocument {
    /// Every figure the report publishes, metric by metric: the primary figure, the kind's
    /// detail, then each segment table's rows, each marked when held (`HeldCells`).
    package var publishedFigures: [PublishedFigure] {
        metrics.flatMap { metric in
            let overall = [
                PublishedFigure(metric: metric, measure: "primary", figure: metric.overall, unit: metric.kind.unit)
            ]
            // The overall and the kind's detail are held together (`HeldCells.overallSince`).
            let held = (overall + Self.detailFigures(metric)).map { figure in
                var figure = figure
                figure.heldSince = heldCells?.overallSince
                return figure
            }
            let rows = metric.segments.flatMap { table in
                table.rows.map { row in
                    PublishedFigure(
                        metric: metric, measure: "primary", figure: row.figure, unit: metric.kind.unit,
                        segmentFields: table.fields, groupLabels: row.labels, pValue: row.pValue,
                        difference: row.difference, heldSince: row.heldSince)
                }
            }
            return held + rows
        }
    }

    /// The kind's own figures, named `measure` or `measure:item`.
    private static func detailFigures(_ metric: MetricResult) -> [PublishedFigure] {
        let share = { (measure: String, figure: Figure) in
            PublishedFigure(metric: metric, measure: measure, figure: figure, unit: .fraction)
        }
        switch metric.detail {
        case .summary:
            return []
        case .multiselect(let options, let atLeastOne, _):
            return options.map { share("option:" + $0.label, $0.figure) } + [share("at_least_one", atLeastOne)]
        case .likert(let items, let index):
            let item = { (prefix: String, item: LikertFigure) in
                [
                    share(prefix + "favourable" + ":" + item.label, item.favourable),
                    share(prefix + "neutral" + ":" + item.label, item.neutral),
                    share(prefix + "unfavourable" + ":" + item.label, item.unfavourable),
                ]
            }
            return items.flatMap { item("", $0) } + (index.map { item("index_", $0) } ?? [])
        case .nps(let promoters, let passives, let detractors):
            return [share("promoters", promoters), share("passives", passives), share("detractors", detractors)]
        case .engagement(let engaged, let notEngaged, let activelyDisengaged, _, _):
            return [
                share("engaged", engaged), share("not_engaged", notEngaged),
                share("actively_disengaged", activelyDisengaged),
            ]
        case .varianceShare(let figures):
            return [("eta_squared", figures.etaSquared), ("icc1", figures.icc1)].map { measure, value in
                PublishedFigure(
                    metric: metric, measure: measure, figure: Figure(value: value, n: figures.respondents),
                    unit: .coefficient)
            }
        case .drivers(_, let items, _):
            return items.map { item in
                var figure = PublishedFigure(
                    metric: metric, measure: "r:" + item.item, figure: Figure(value: item.r, n: item.n),
                    unit: .coefficient, pValue: item.pValue)
                // An undefined or hidden correlation does not reveal its base, as in the JSON.
                if item.r == nil {
                    figure.n = nil
                    figure.pValue = nil
                }
                return figure
            }
        }
    }
}
