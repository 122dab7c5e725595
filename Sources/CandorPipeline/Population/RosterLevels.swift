import CandorClean
import Foundation

/// One roster column's values as levels the responses' labels are matched to.
///
/// A roster value matches a response label when they are equal after the field's aliases and
/// ignoring case and the spaces around them (as the cleaner reads categories). Roster values
/// that match one another are one level, their counts added, listed where the first appears.
struct RosterLevels {
    /// One level: the roster's first spelling of it and its people.
    struct Level {
        /// The matching key (see `key(of:)`).
        var key: String
        /// The value as the roster first wrote it.
        var label: String
        /// Roster rows with this value.
        var invited: Int
    }

    /// The levels, in roster order.
    private(set) var levels: [Level] = []
    private var indexByKey: [String: Int] = [:]
    private let aliases: [String: String]

    /// The levels of `column`, matched through the aliases of its field in `schema`.
    init(_ column: Roster.ColumnCounts, schema: SurveySchema) {
        var aliases: [String: String] = [:]
        if case .category(let category) = schema.fields[column.field].kind {
            for (alias, value) in category.aliases { aliases[Self.fold(alias)] = value }
        }
        self.aliases = aliases
        for (value, invited) in column.values {
            let key = key(of: value)
            if let index = indexByKey[key] {
                levels[index].invited += invited
            } else {
                indexByKey[key] = levels.count
                levels.append(Level(key: key, label: value, invited: invited))
            }
        }
    }

    /// The key `text` (a roster value or a response label) is matched by: its alias's value if
    /// it is an alias, trimmed and case folded.
    func key(of text: String) -> String { Self.fold(aliases[Self.fold(text)] ?? text) }

    /// The level a response label falls in, if the roster has it.
    func level(of label: String) -> Int? { indexByKey[key(of: label)] }

    private static func fold(_ text: String) -> String {
        text.trimmingCharacters(in: .whitespaces).lowercased()
    }
}
