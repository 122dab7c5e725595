/// A value that what two parts of an input gave can be combined into.
///
/// `a.merge(b)` must leave `a` exactly as if it had seen `b`'s records after its own, so one
/// input can be read in parts, on several cores, and the parts' values merged in order.
package protocol Mergeable: Equatable, Sendable {
    /// Adds what `other` saw to this value, as if it came after this value's own.
    mutating func merge(_ other: Self)
}
