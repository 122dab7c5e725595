/// A history that cannot be opened, read or written, with the file and SQLite's reason.
package struct HistoryError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The history file.
    package var path: String
    /// What went wrong, in words.
    package var reason: String

    /// Creates an error.
    package init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// "history PATH: REASON".
    package var description: String { "history \(path): \(reason)" }
}
