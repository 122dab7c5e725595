import CandorClean

/// Accumulates an `nps` metric over a 0–10 field: promoters 9–10, passives 7–8, detractors
/// 0–6. Values outside 0–10 are not answers.
struct PromoterAccumulator: Equatable, Sendable {
    /// The field read.
    let field: Int
    /// Counts overall and per group.
    private(set) var tallies: Breakdown<PromoterTally>

    /// Creates an empty accumulator.
    init(field: Int, layout: SegmentLayout) {
        self.field = field
        tallies = Breakdown(empty: PromoterTally(), layout: layout)
    }

    /// Counts one response.
    @inline(__always)
    mutating func add(_ row: UnsafeBufferPointer<Int64>, weight: Double, codes: UnsafeMutableBufferPointer<Int>) {
        guard field < row.count else { return }
        let value = row[field]
        guard value >= 0, value <= 10 else { return }
        tallies.record(codes) { tally in
            tally.rawN += 1
            tally.weight += weight
            tally.weightSquares += weight * weight
            if value >= 9 {
                tally.promoters += weight
            } else if value >= 7 {
                tally.passives += weight
            } else {
                tally.detractors += weight
            }
        }
    }

    /// Adds another accumulator's counts.
    mutating func merge(_ other: PromoterAccumulator) { tallies.merge(other.tallies) }

    /// The primary figure's tally: the score.
    static func primary(_ state: PromoterTally) -> PrimaryTally { .promoter(state) }

    /// The detail: the three buckets as shares of respondents.
    func detail(_ rules: FigureRules) -> MetricDetail {
        let overall = tallies.overall
        func bucket(_ keyPath: KeyPath<PromoterTally, Double>) -> Figure {
            rules.guarded(rules.figure(overall.bucket(keyPath)), rawN: overall.rawN)
        }
        return .nps(promoters: bucket(\.promoters), passives: bucket(\.passives), detractors: bucket(\.detractors))
    }
}
