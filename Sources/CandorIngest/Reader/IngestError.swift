/// An input that cannot be read at all. Such an input ends the run (exit 66); a merely dirty
/// record never throws, it becomes a `RecordProblem`.
package struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a stable kind.
    package enum Kind: String, Sendable {
        case missing, directory, unreadable, empty, noHeader = "no_header", badHeader = "bad_header"
    }
    /// The kind.
    package var kind: Kind
    /// The input's path.
    package var file: String
    /// The sentence shown to the user after `file:`.
    package var detail: String

    /// Creates an error.
    package init(_ kind: Kind, file: String, detail: String) {
        self.kind = kind
        self.file = file
        self.detail = detail
    }

    /// The same error naming `file`: the input as the user wrote it, where the reader knew it
    /// only by the path it opened.
    package func naming(_ file: String) -> IngestError {
        var named = self
        named.file = file
        return named
    }

    /// One line: `candor: FILE: what is wrong`.
    package var description: String { "\(file): \(detail)" }
}
