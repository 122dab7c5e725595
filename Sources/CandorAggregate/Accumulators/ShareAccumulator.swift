import CandorClean

/// Accumulates a `share` metric: respondents for whom `where` holds among those for whom `among`
/// holds; a respondent for whom either is unknown is outside the base.
struct ShareAccumulator: Equatable, Sendable {
    /// The condition counted.
    let condition: Predicate
    /// The base's filter, if any.
    let among: Predicate?
    /// Counts overall and per group.
    private(set) var tallies: Breakdown<ShareTally>

    /// Creates an empty accumulator.
    init(condition: Predicate, among: Predicate?, layout: SegmentLayout) {
        self.condition = condition
        self.among = among
        tallies = Breakdown(empty: ShareTally(), layout: layout)
    }

    /// Counts every response of `batch`; `ids` is scratch for the group ids.
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        tallies.prepare(batch, ids: ids)
        let condition = condition
        let among = among
        let groupSlots = tallies.groupSlots
        let stride = tallies.stride
        tallies.withStates { states in
            for index in 0..<batch.count {
                let row = batch.row(index)
                if let among, among.evaluate(row) != true { continue }
                guard let hit = condition.evaluate(row) else { continue }
                let weight = batch.weights[index]
                let successes = hit ? weight : 0
                batch.forEachState(of: index, ids: ids, groupSlots: groupSlots, stride: stride) { offset in
                    states.recordShare(at: offset, weight: weight, base: weight, successes: successes)
                }
            }
        }
    }

    /// Adds another accumulator's counts.
    mutating func merge(_ other: ShareAccumulator, recoding: GroupRecoder = .identity) {
        tallies.merge(other.tallies, recoding: recoding)
    }

    /// The primary figure's tally of a state.
    static func primary(_ state: ShareTally) -> PrimaryTally { .share(state) }
}
