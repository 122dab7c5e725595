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

    /// Counts every response of `batch`; `ids` is scratch for the group ids.
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        guard field < batch.width else { return }
        tallies.prepare(batch, ids: ids)
        let field = field
        let groupSlots = tallies.groupSlots
        let stride = tallies.stride
        tallies.withStates { states in
            for index in 0..<batch.count {
                let value = batch.values[index * batch.width + field]
                guard value >= 0, value <= 10 else { continue }
                let weight = batch.weights[index]
                // Offset of the bucket within the state: promoters 3, passives 4, detractors 5.
                let bucket = value >= 9 ? 3 : (value >= 7 ? 4 : 5)
                batch.forEachState(of: index, ids: ids, groupSlots: groupSlots, stride: stride) { offset in
                    states[offset] += 1
                    states[offset + 1] += weight
                    states[offset + 2] += weight * weight
                    states[offset + bucket] += weight
                }
            }
        }
    }

    /// Adds another accumulator's counts.
    mutating func merge(_ other: PromoterAccumulator, recoding: GroupRecoder = .identity) {
        tallies.merge(other.tallies, recoding: recoding)
    }

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
