/// A schema that cannot be applied to an input, found before any data record is read.
package enum SchemaError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A field's column is not in the input's header.
    case missingColumn(field: String, column: String, file: String, available: [String])
    /// A field is mapped by a header name that the input has twice (1-based columns).
    case ambiguousColumn(field: String, header: String, firstColumn: Int, secondColumn: Int, file: String)

    /// One line a person can act on.
    package var description: String {
        switch self {
        case .missingColumn(let field, let column, let file, let available):
            let shown =
                available.prefix(12).map { "'\($0)'" }.joined(separator: ", ") + (available.count > 12 ? ", …" : "")
            return
                "\(file): field '\(field)' maps to column \(column), which the header does not have (columns: \(shown)); fix the field's column in the definition"
        case .ambiguousColumn(let field, let header, let first, let second, let file):
            return
                "\(file): field '\(field)' maps to column '\(header)', which the header has twice (columns \(first) and \(second)); rename one of them in the input, or map the field by a column id that tells them apart"
        }
    }
}

/// A value whose field says `on_invalid: fail`: the run stops.
package struct CleanFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The message, naming file, line, column and field.
    package var description: String
}
