/// Why a timestamp pattern from a pipeline definition cannot be used.
///
/// Thrown while the definition is loaded, never while data is read: a bad pattern is a
/// configuration mistake the author fixes, so the message names the pattern and the token.
package struct TimestampFormatError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The pattern as written in the definition.
    package var pattern: String
    /// What is wrong with it and, where possible, what to write instead.
    package var reason: String

    /// Creates an error for `pattern`.
    package init(pattern: String, reason: String) {
        self.pattern = pattern
        self.reason = reason
    }

    /// `timestamp format "PATTERN": REASON`.
    package var description: String { "timestamp format \"\(pattern)\": \(reason)" }
}
