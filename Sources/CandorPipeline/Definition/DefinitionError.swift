/// A mistake in a pipeline definition file, found before any data is read: where it is and
/// what to change. The run ends with the configuration-error exit code (78).
package struct DefinitionError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The definition file.
    package var file: String
    /// 1-based line, when known.
    package var line: Int?
    /// 1-based column, when known.
    package var column: Int?
    /// What is wrong and what to change.
    package var message: String

    /// Creates an error.
    package init(file: String, line: Int?, column: Int? = nil, message: String) {
        self.file = file
        self.line = line
        self.column = column
        self.message = message
    }

    /// `file:line:column: message`.
    package var description: String {
        var location = file
        if let line { location += ":\(line)" }
        if let column { location += ":\(column)" }
        return "\(location): \(message)"
    }
}
