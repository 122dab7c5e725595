/// The settings of a choose-all-that-apply field.
package struct MultiselectSpec: Sendable, Hashable {
    /// The declared options, in display order (at most 62).
    package var options: [String]
    /// The "none of these" option, if the question has one.
    package var noneOption: String?
    /// How the export encodes the answer.
    package var encoding: Encoding

    /// How a multiselect answer appears in an export.
    package enum Encoding: Sendable, Hashable {
        /// One cell, options joined by a separator. Splitting uses the known options, so an
        /// option whose own text holds the separator still reads as one option.
        case joined(separator: String)
        /// One column per option; a non-blank cell means chosen (SurveyMonkey).
        case columnPerOption([ColumnSource])
        /// One 0/1 column per option.
        case binaryColumns([ColumnSource])
    }

    /// Creates the settings.
    package init(options: [String], noneOption: String? = nil, encoding: Encoding) {
        self.options = options
        self.noneOption = noneOption
        self.encoding = encoding
    }

    /// All choosable options: the declared ones, then the "none" option if any. Bit `i` of a
    /// decoded answer is option `i` of this list.
    package var allOptions: [String] { options + (noneOption.map { [$0] } ?? []) }

    /// The bit of the "none" option, if any.
    package var noneBit: Int64 { noneOption == nil ? 0 : Int64(1) << Int64(options.count) }
}

extension MultiselectSpec.Encoding {
    /// Whether the answer spans one column per option (rather than one joined cell).
    package var isColumnBased: Bool {
        if case .joined = self { return false }
        return true
    }
}
