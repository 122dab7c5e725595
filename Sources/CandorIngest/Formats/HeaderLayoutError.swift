/// A declared export format that the file's header does not fit.
///
/// Thrown rather than guessed around: reading a Qualtrics file as generic would turn its
/// question-text and ImportId rows into two bogus responses.
package struct HeaderLayoutError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The format the pipeline definition declared.
    package var declared: ExportFormat
    /// What that format's header looks like.
    package var expected: String
    /// What the file has instead.
    package var found: String

    /// Creates the error.
    package init(declared: ExportFormat, expected: String, found: String) {
        self.declared = declared
        self.expected = expected
        self.found = found
    }

    /// The message shown to the person running the pipeline.
    package var description: String {
        "read.format is \(declared.rawValue), which expects \(expected), but the file has \(found); "
            + "fix read.format or use auto"
    }
}
