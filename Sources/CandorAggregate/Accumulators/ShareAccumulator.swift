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

    /// Counts one response.
    @inline(__always)
    mutating func add(_ row: UnsafeBufferPointer<Int64>, weight: Double, codes: UnsafeMutableBufferPointer<Int>) {
        if let among, among.evaluate(row) != true { return }
        guard let hit = condition.evaluate(row) else { return }
        tallies.record(codes) { $0.record(weight: weight, hit: hit) }
    }

    /// Adds another accumulator's counts.
    mutating func merge(_ other: ShareAccumulator) { tallies.merge(other.tallies) }

    /// The primary figure's tally of a state.
    static func primary(_ state: ShareTally) -> PrimaryTally { .share(state) }
}
