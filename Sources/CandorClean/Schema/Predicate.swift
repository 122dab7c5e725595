/// A condition on one cleaned response, resolved against the schema: field names are indexes
/// and labels are the codes the cleaner stores.
///
/// Evaluation is three-valued: `nil` means "unknown", because a field it depends on was not
/// answered. A share leaves such respondents out of its denominator; a filter excludes them.
package indirect enum Predicate: Sendable, Hashable {
    /// The field's stored value equals one of `values` (membership; equality is one value).
    case oneOf(field: Int, values: [Int64])
    /// A multiselect answer includes at least one option of `mask`.
    case anyOf(field: Int, mask: Int64)
    /// A multiselect answer includes none of the options of `mask`.
    case noneOf(field: Int, mask: Int64)
    /// The field's numeric value compared with `value`.
    case compare(field: Int, comparison: Comparison, value: Double)
    /// The field was answered (`true`) or not (`false`); never unknown.
    case answered(field: Int, isAnswered: Bool)
    /// Every condition holds.
    case all([Predicate])
    /// At least one condition holds.
    case any([Predicate])
    /// The condition does not hold.
    case not(Predicate)

    /// A comparison operator.
    package enum Comparison: String, Sendable, Hashable {
        case atLeast = "at_least", atMost = "at_most", above, below

        /// The comparison that holds of −x wherever this one holds of x: at least ↔ at most,
        /// above ↔ below (for values stored mirrored, as reverse-coded Likert points are).
        package var mirrored: Comparison {
            switch self {
            case .atLeast: .atMost
            case .atMost: .atLeast
            case .above: .below
            case .below: .above
            }
        }
    }

    /// Evaluates the predicate on one response's values (see `ResponseBatch`).
    @inline(__always)
    package func evaluate(_ row: UnsafeBufferPointer<Int64>) -> Bool? {
        switch self {
        case .oneOf(let field, let values):
            let value = row[field]
            if value == Response.missing { return nil }
            return values.contains(value)
        case .anyOf(let field, let mask):
            let value = row[field]
            if value == Response.missing { return nil }
            return value & mask != 0
        case .noneOf(let field, let mask):
            let value = row[field]
            if value == Response.missing { return nil }
            return value & mask == 0
        case .compare(let field, let comparison, let bound):
            let raw = row[field]
            if raw == Response.missing { return nil }
            let value = Double(raw)
            switch comparison {
            case .atLeast: return value >= bound
            case .atMost: return value <= bound
            case .above: return value > bound
            case .below: return value < bound
            }
        case .answered(let field, let isAnswered):
            return (row[field] != Response.missing) == isAnswered
        case .all(let parts):
            var unknown = false
            for part in parts {
                switch part.evaluate(row) {
                case .some(false): return false
                case nil: unknown = true
                case .some(true): break
                }
            }
            return unknown ? nil : true
        case .any(let parts):
            var unknown = false
            for part in parts {
                switch part.evaluate(row) {
                case .some(true): return true
                case nil: unknown = true
                case .some(false): break
                }
            }
            return unknown ? nil : false
        case .not(let inner):
            return inner.evaluate(row).map { !$0 }
        }
    }

    /// The fields the predicate reads.
    package var fields: Set<Int> {
        switch self {
        case .oneOf(let field, _), .anyOf(let field, _), .noneOf(let field, _), .compare(let field, _, _),
            .answered(let field, _):
            [field]
        case .all(let parts), .any(let parts): parts.reduce(into: Set<Int>()) { $0.formUnion($1.fields) }
        case .not(let inner): inner.fields
        }
    }
}
