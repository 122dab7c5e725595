/// A broken promise found by a fuzz target: the input that shows it is a bug in Candor (or in the
/// property checked), never an expected outcome such as a rejected record or a typed error.
package struct FuzzFinding: Error, Sendable, Equatable, CustomStringConvertible {
    /// The target that found it.
    package var target: FuzzTarget
    /// What did not hold, with the values that show it.
    package var message: String

    /// Creates a finding.
    package init(_ target: FuzzTarget, _ message: String) {
        self.target = target
        self.message = message
    }

    /// `target: message`.
    package var description: String { "\(target.rawValue): \(message)" }
}
