extension JSONReport {
    /// The `holds` object: how many published cells repeat an earlier run of the wave, since when
    /// the overall figures do (if they do), the data-quality counts held, and why nothing was
    /// held when the definition changed.
    static func holds(_ held: HeldCells) -> JSONValue {
        var members: [String: JSONValue] = ["held_cells": .integer(held.count)]
        if let since = held.overallSince { members["overall_held_since"] = .string(since) }
        if !held.qualityCounts.isEmpty {
            members["held_quality_counts"] = .array(held.qualityCounts.map(JSONValue.string))
        }
        if let note = held.note { members["note"] = .string(note) }
        return .object(members)
    }
}
