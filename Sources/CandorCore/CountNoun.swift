/// The form of a count noun that agrees with its count, so a report never says "1 respondents".
package enum CountNoun {
    /// `singular` for exactly 1, else `plural` (by default `singular` + "s").
    package static func form(_ singular: String, plural: String? = nil, count: Int) -> String {
        count == 1 ? singular : plural ?? singular + "s"
    }
}
