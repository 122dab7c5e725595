import CandorIngest

/// Why `candor init` could not draft a definition.
package enum DraftError: Error, Sendable, CustomStringConvertible {
    /// An export could not be read at all.
    case unreadable(IngestError)
    /// An export has no header row to map.
    case noColumns(file: String)
    /// Two exports' headers differ, so one definition cannot read both.
    case differentColumns(file: String, expected: [String], found: [String])

    /// A one-line message naming the file and what to do.
    package var description: String {
        switch self {
        case .unreadable(let error): return error.description
        case .noColumns(let file): return "\(file): no header row, so there are no columns to map"
        case .differentColumns(let file, let expected, let found):
            let missing = expected.filter { !found.contains($0) }
            let extra = found.filter { !expected.contains($0) }
            var parts: [String] = []
            if !missing.isEmpty { parts.append("lacks \(missing.map { "'\($0)'" }.joined(separator: ", "))") }
            if !extra.isEmpty { parts.append("adds \(extra.map { "'\($0)'" }.joined(separator: ", "))") }
            if parts.isEmpty { parts.append("orders the columns differently") }
            return
                "\(file) has other columns than the first export (it \(parts.joined(separator: " and "))); draft one definition per layout"
        }
    }
}
