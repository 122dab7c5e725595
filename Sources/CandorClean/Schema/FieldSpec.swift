/// One field of the survey schema: where it comes from in the export and how to read it.
package struct FieldSpec: Sendable, Hashable {
    /// The field's name in the pipeline definition (used by metrics, segments and messages).
    package var name: String
    /// How the field's column(s) are found in the export.
    package var source: ColumnSource
    /// The type and its settings.
    package var kind: FieldKind
    /// What to do with a present value the type does not accept.
    package var onInvalid: InvalidPolicy
    /// Whether a blank answer is handled like an invalid value (otherwise blank is item
    /// non-response: the respondent stays in, that item's denominator leaves them out).
    package var required: Bool
    /// The question as asked (`label:`), which reports print instead of the name; `nil` when
    /// the definition gives none.
    package var label: String?

    /// Creates a field.
    package init(
        name: String, source: ColumnSource, kind: FieldKind, onInvalid: InvalidPolicy = .reject, required: Bool = false,
        label: String? = nil
    ) {
        self.label = label
        self.name = name
        self.source = source
        self.kind = kind
        self.onInvalid = onInvalid
        self.required = required
    }
}

/// How to find a field's column: by header text (exact, then case-insensitive) or by an export's
/// column id (a Qualtrics `QID12_3` or row-1 id). A multiselect may take one column per option.
package struct ColumnSource: Sendable, Hashable {
    /// The header text.
    package var header: String?
    /// A column id, tried first when present.
    package var columnID: String?

    /// Creates a source.
    package init(header: String? = nil, columnID: String? = nil) {
        self.header = header
        self.columnID = columnID
    }

    /// How the source reads in messages: the header text, else the id.
    package var description: String { header.map { "'\($0)'" } ?? "id '\(columnID ?? "?")'" }
}

/// What happens to a present value that the field's type does not accept.
package enum InvalidPolicy: String, Sendable, Hashable, CaseIterable {
    /// The whole response goes to the rejects file (the default).
    case reject
    /// The value is treated as non-response and counted under data quality.
    case missing
    /// The run stops with an error.
    case fail
}

/// A field's type and its type-specific settings.
package enum FieldKind: Sendable, Hashable {
    /// The respondent id; duplicates are detected.
    case id
    /// A category such as department, role, tenure band or manager id.
    case category(CategorySpec)
    /// A rating on a declared scale.
    case likert(LikertScale, reverse: Bool)
    /// A choose-all-that-apply question.
    case multiselect(MultiselectSpec)
    /// A whole number within a range (eNPS 0–10).
    case integer(min: Int64, max: Int64)
    /// A decimal number within a range (weights).
    case number(min: Double, max: Double)
    /// Yes/no.
    case boolean(BooleanSpec)
    /// A date and time in one of `formats`; none declared (empty) means those the input's
    /// export format implies (`TimestampFormat.implied(by:)`).
    case timestamp(formats: [TimestampFormat])
    /// Free text: counted, never shown unless a pipeline opts in.
    case text

    /// The type's name as written in pipeline definitions.
    package var typeName: String {
        switch self {
        case .id: "id"
        case .category: "category"
        case .likert: "likert"
        case .multiselect: "multiselect"
        case .integer: "integer"
        case .number: "number"
        case .boolean: "boolean"
        case .timestamp: "timestamp"
        case .text: "text"
        }
    }
}

/// The settings of a category field.
package struct CategorySpec: Sendable, Hashable {
    /// Declared values, in display order.
    package var values: [String]
    /// Other spellings mapped onto a declared value (`Eng` → `Engineering`).
    package var aliases: [String: String]
    /// Whether a value outside `values` (and the aliases) is invalid; otherwise the set is open
    /// and new values join it.
    package var closed: Bool

    /// Creates the settings.
    package init(values: [String] = [], aliases: [String: String] = [:], closed: Bool = false) {
        self.values = values
        self.aliases = aliases
        self.closed = closed
    }
}

/// The settings of a yes/no field.
package struct BooleanSpec: Sendable, Hashable {
    /// Texts read as true (case-insensitive).
    package var trueValues: [String]
    /// Texts read as false (case-insensitive).
    package var falseValues: [String]

    /// yes/no, true/false, y/n and 1/0.
    package static let standard = BooleanSpec(
        trueValues: ["yes", "true", "y", "1"], falseValues: ["no", "false", "n", "0"])

    /// Creates the settings.
    package init(trueValues: [String], falseValues: [String]) {
        self.trueValues = trueValues
        self.falseValues = falseValues
    }
}
