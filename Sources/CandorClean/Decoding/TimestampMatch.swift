/// The outcome of reading one value against a field's declared timestamp formats.
package enum TimestampMatch: Equatable, Sendable {
    /// Seconds since the Unix epoch, and the first declared format that produced them.
    case value(Int64, formatIndex: Int)
    /// No declared format accepts the value.
    case noMatch
    /// Several formats accept the value but disagree on the instant (`03/04/2026` under both
    /// `M/D/YYYY` and `D/M/YYYY`); the indexes of every format that accepted it, ascending.
    case ambiguous(formatIndexes: [Int])
}
