/// What `candor init` makes of one field of the export, with the evidence for the guess.
package struct FieldGuess: Sendable, Hashable {
    /// The field's name in the draft (snake_case, unique).
    package var name: String
    /// The export column the field reads (the first one, for a per-option multiselect).
    package var column: String
    /// The question text, for metric labels; the column name when the export has no other.
    package var label: String
    /// The type and its settings.
    package var kind: Kind
    /// What the guess rests on, written after `# guessed:` in the draft.
    package var evidence: String

    /// A field type with the settings the draft writes for it.
    package enum Kind: Sendable, Hashable {
        /// The respondent id.
        case id
        /// A date and time in `pattern`.
        case timestamp(pattern: String)
        /// A Likert item on a scale.
        case likert(ScaleCatalogue.Scale)
        /// A 0–10 recommendation score (an integer field with min 0 and max 10).
        case nps
        /// Choose-all-that-apply in one cell, the options joined by `separator`.
        case multiselect(separator: String, options: [String], noneOption: String?)
        /// Choose-all-that-apply as one column per option (SurveyMonkey): option → column.
        case multiselectColumns([OptionColumn])
        /// A label from a set; `values` empty when there were too many to list.
        case category(values: [String])
        /// Yes/no in the loader's standard spellings.
        case boolean
        /// A whole number.
        case integer
        /// A decimal number.
        case number
        /// Free text.
        case text
    }

    /// One option of a per-option multiselect and the column that marks it.
    package struct OptionColumn: Sendable, Hashable {
        /// The option's text.
        package var option: String
        /// The header of its column.
        package var column: String
    }

    /// Creates a guess.
    package init(name: String, column: String, label: String, kind: Kind, evidence: String) {
        self.name = name
        self.column = column
        self.label = label
        self.kind = kind
        self.evidence = evidence
    }

    /// The category's values when it has between 2 and 30: such a field makes a segment.
    package var segmentValues: [String]? {
        guard case .category(let values) = kind, (2...30).contains(values.count) else { return nil }
        return values
    }
}
