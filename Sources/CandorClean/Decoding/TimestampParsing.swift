/// Reads a value against all of a field's declared timestamp formats.
package enum TimestampParsing {
    /// Tries every format on `bytes`.
    ///
    /// Every format is tried, not just the first that matches: a column mixing `M/D/YYYY` and
    /// `D/M/YYYY` rows must be caught as ambiguous rather than read one way at random. Formats
    /// that agree on the instant are not a conflict, and the first of them is reported.
    ///
    /// - Returns: `.value` with the first accepting format, `.noMatch`, or `.ambiguous` with the
    ///   indexes of all accepting formats when they disagree.
    package static func parse(_ bytes: UnsafeRawBufferPointer, formats: [TimestampFormat]) -> TimestampMatch {
        var first: (value: Int64, index: Int)?
        var disagree = false
        for (index, format) in formats.enumerated() {
            guard let value = format.parse(bytes) else { continue }
            if let first {
                disagree = disagree || first.value != value
            } else {
                first = (value, index)
            }
        }
        guard let first else { return .noMatch }
        guard disagree else { return .value(first.value, formatIndex: first.index) }
        // Rare, so the indexes are gathered only now rather than kept in an array on every call.
        return .ambiguous(formatIndexes: formats.indices.filter { formats[$0].parse(bytes) != nil })
    }
}
