/// An accumulator state that lives as a fixed run of `Double`s in a flat per-group array.
///
/// Accumulators write their states straight into that array on the hot path (no nested arrays,
/// so no retain, release or uniqueness check per response); the typed state is read back only
/// for results and for equality. Raw counts are stored as `Double`s, exact below 2⁵³.
protocol FlatState: Equatable, Sendable {
    /// How many values one state takes. Called on the empty state, whose shape (items, points,
    /// options) fixes it.
    var flatCount: Int { get }
    /// Where in a state a raw count sits that is non-zero exactly when the group was recorded;
    /// it decides which groups exist, as the appended states of nested arrays used to.
    var presenceOffset: Int { get }
    /// A state of this one's shape holding `values` (`flatCount` of them, from index 0).
    func reading(_ values: [Double]) -> Self
}

extension UnsafeMutableBufferPointer where Element == Double {
    /// Adds one respondent to a `ShareTally` stored at `offset` (its flat layout: rawN, weight,
    /// weightSquares, base, successes); `base` and `successes` come already weighted.
    @inline(__always)
    func recordShare(at offset: Int, weight w: Double, base: Double, successes: Double) {
        self[offset] += 1
        self[offset + 1] += w
        self[offset + 2] += w * w
        self[offset + 3] += base
        self[offset + 4] += successes
    }
}
