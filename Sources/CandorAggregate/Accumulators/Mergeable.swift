/// Accumulator state that two halves of an input can be combined into.
///
/// `a.merge(b)` must leave `a` exactly as if it had seen `b`'s responses after its own. States
/// hold sums of weights (integers when unweighted, so the sums are exact and the order of
/// addition cannot show), never means, so this holds bit for bit on unweighted data.
protocol Mergeable: Equatable, Sendable {
    /// Adds `other`'s responses to this state.
    mutating func merge(_ other: Self)
}

extension Array where Element == Double {
    /// Adds `other` element by element (both have the same fixed length by construction).
    mutating func addElementwise(_ other: [Double]) {
        for index in indices where index < other.count { self[index] += other[index] }
    }
}
