/// A schema that cannot be applied to an input, found before any data record is read.
package enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A field's column is not in the input's header.
    case missingColumn(field: String, column: String, file: String, available: [String])

    /// One line a person can act on.
    package var description: String {
        switch self {
        case .missingColumn(let field, let column, let file, let available):
            let shown =
                available.prefix(12).map { "'\($0)'" }.joined(separator: ", ") + (available.count > 12 ? ", …" : "")
            return
                "\(file): field '\(field)' maps to column \(column), which the header does not have (columns: \(shown)); fix the field's column in the definition"
        }
    }
}

/// A value whose field says `on_invalid: fail`: the run stops.
package struct CleanFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, naming file, line, column and field.
    package var description: String
}
