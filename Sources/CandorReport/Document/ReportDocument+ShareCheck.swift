import CandorAggregate

/// A share outside [0, 1] about to be published: a bug upstream (aggregation, or a record that
/// should have been rejected), never something the data or the definition can cause. The run
/// ends with exit 70 (internal error) rather than publish it.
package struct ShareOutOfRange: Error, Sendable, Equatable, CustomStringConvertible {
    /// The metric's id.
    package var metric: String
    /// Which figure of the metric, such as `overall` or `segment team=A`.
    package var figure: String
    /// The value found.
    package var value: Double

    /// `share X of metric 'id' (figure) is outside [0, 1]; this is a bug`.
    package var description: String {
        "share \(value) of metric '\(metric)' (\(figure)) is outside [0, 1]; the report is not written, as this is a bug"
    }
}

extension ReportDocument {
    /// Checks every share the report would publish: each must lie in [0, 1], give or take
    /// `rounding` (NaN is outside).
    ///
    /// Shares are the primary figure of every kind but `nps` (points) and `drivers` (a
    /// correlation), their segment rows, and the shares inside a kind's detail: multiselect
    /// options, Likert favourable/neutral/unfavourable, NPS buckets, engagement classes.
    ///
    /// A `variance_share`'s primary figure, ICC(1), is a share of variance that may be negative
    /// (down to −1/(n₀ − 1)), so it is checked against [−1, 1].
    ///
    /// - Throws: `ShareOutOfRange` for the first share outside [0, 1], in the metrics' order.
    package func checkShares() throws(ShareOutOfRange) {
        for metric in metrics {
            var shares: [(String, Figure)] = []
            if metric.kind.unit == .fraction {
                shares.append(("overall", metric.overall))
                for table in metric.segments {
                    for row in table.rows {
                        shares.append(
                            (
                                "segment \(table.fields.joined(separator: "×"))=\(row.labels.joined(separator: "×"))",
                                row.figure
                            ))
                    }
                }
            }
            shares += Self.detailShares(metric.detail)
            var lowest = 0.0
            if case .varianceShare = metric.detail { lowest = -1 }
            for (name, figure) in shares {
                guard let value = figure.value else { continue }
                if !(lowest - Self.rounding...1 + Self.rounding).contains(value) {
                    throw ShareOutOfRange(metric: metric.id, figure: name, value: value)
                }
            }
        }
    }

    /// How far a share may stray past 0 or 1 by rounding alone: a weighted numerator and its base
    /// are sums taken in different orders and can differ in the last bits.
    static let rounding = 1e-9

    private static func detailShares(_ detail: MetricDetail) -> [(String, Figure)] {
        switch detail {
        case .summary, .varianceShare, .drivers: return []
        case .multiselect(let options, let atLeastOne, _):
            return options.map { ("option \($0.label)", $0.figure) } + [("at least one", atLeastOne)]
        case .likert(let items, let index):
            return (items + (index.map { [$0] } ?? [])).flatMap { item in
                [
                    ("\(item.label) favourable", item.favourable), ("\(item.label) neutral", item.neutral),
                    ("\(item.label) unfavourable", item.unfavourable),
                ]
            }
        case .nps(let promoters, let passives, let detractors):
            return [("promoters", promoters), ("passives", passives), ("detractors", detractors)]
        case .engagement(let engaged, let notEngaged, let activelyDisengaged, _, _):
            return [("engaged", engaged), ("not engaged", notEngaged), ("actively disengaged", activelyDisengaged)]
        }
    }
}
