/// Free-text answers of one text field, quoted only because the pipeline opted in.
///
/// Even then they are shown only when at least `minGroupSize` respondents answered (the
/// free-text threshold, higher than the one for figures: a sentence can identify its writer).
package struct FreeTextSection: Sendable, Equatable {
    /// The text field's name.
    package var field: String
    /// Respondents who answered it.
    package var answered: Int
    /// The answers quoted: the first ones in input order, up to the pipeline's limit. Empty when
    /// suppressed.
    package var quotes: [String]
    /// Fewer than `minGroupSize` respondents answered: nothing is quoted, no count is shown.
    package var suppressed: Bool
    /// The free-text threshold in force.
    package var minGroupSize: Int

    /// Creates a section; suppression follows from `answered` and `minGroupSize`.
    package init(field: String, answered: Int, quotes: [String], minGroupSize: Int) {
        self.field = field
        self.answered = answered
        self.minGroupSize = minGroupSize
        suppressed = answered < minGroupSize
        self.quotes = suppressed ? [] : quotes
    }
}
