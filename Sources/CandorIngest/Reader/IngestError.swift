#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif
import CandorCore

/// An input that cannot be read at all. Such an input ends the run (exit 66); a merely dirty
/// record never throws, it becomes a `RecordProblem`.
package struct IngestError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong, as a stable kind.
    package enum Kind: String, Sendable {
        case missing, directory, unreadable, empty, noHeader = "no_header", badHeader = "bad_header"
        /// A FIFO, device, socket or size-less /proc file: reading it could block or never end.
        case notRegular = "not_regular"
        /// The file was truncated, grew, was rewritten or replaced while it was read.
        case changed
        /// Neither declared nor marked, and neither UTF-8 nor Windows-1252 (`EncodingSniffer`).
        case unknownEncoding = "unknown_encoding"
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

    /// The error for an input `RegularFileOpening` refused.
    package init(opening path: String, _ failure: RegularFileOpening.Failure) {
        switch failure {
        case .system(let code) where path == "-":
            self.init(
                code == ENOENT ? .missing : .unreadable, file: path,
                detail: "standard input is not read; save the export to a file and name that file")
        case .system(let code):
            self.init(code == ENOENT ? .missing : .unreadable, file: path, detail: String(cString: strerror(code)))
        case .directory:
            self.init(.directory, file: path, detail: "is a directory, not a CSV file")
        case .notRegular(let kind):
            self.init(.notRegular, file: path, detail: "is \(kind), not a regular file; only regular files are read")
        }
    }

    /// The error for an input that changed while it was read; `how` says what changed.
    package init(changed path: String, how: String) {
        self.init(
            .changed, file: path,
            detail: "changed while it was read (\(how)); nothing was published: run again once it is complete")
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
