import CandorAggregate
import CandorCore

/// How the Markdown report writes numbers: one decimal for percentages, thousands separators,
/// whole signed points, all independent of locale.
enum FigureText {
    /// Used where a number is undefined (no answers) or hidden.
    static let missing = "—"

    /// A fraction as a percentage with one decimal: 0.995 → "99.5%".
    static func percent(_ fraction: Double?) -> String {
        guard let fraction, let text = DecimalText.fixed(fraction * 100, places: 1, grouping: true) else {
            return missing
        }
        return text + "%"
    }

    /// Whole signed points: 12 → "+12", -3 → "-3", 0 → "0".
    static func signedPoints(_ points: Double?) -> String {
        guard let points, let text = DecimalText.fixed(points, places: 0, grouping: true) else { return missing }
        return text == "0" || text.hasPrefix("-") ? text : "+" + text
    }

    /// A number with `places` decimals and thousands separators.
    static func decimal(_ value: Double?, places: Int) -> String {
        guard let value, let text = DecimalText.fixed(value, places: places, grouping: true) else { return missing }
        return text
    }

    /// A count: whole counts as integers ("1,194"), weighted counts to one decimal.
    static func count(_ value: Double?) -> String {
        guard let value else { return missing }
        if value.rounded() == value, abs(value) < 9.0e15 { return DecimalText.integer(Int(value)) }
        return decimal(value, places: 1)
    }

    /// A respondent count: "1,200".
    static func count(_ value: Int) -> String { DecimalText.integer(value) }

    /// A value in `unit`.
    static func value(_ value: Double?, unit: FigureUnit) -> String {
        switch unit {
        case .fraction: percent(value)
        case .points: signedPoints(value)
        case .coefficient, .score: decimal(value, places: 2)
        }
    }

    /// A difference between two values in `unit`: percentage points for fractions
    /// ("+1.2 pts"), points for NPS-like scores, two decimals for coefficients and means.
    static func difference(_ value: Double?, unit: FigureUnit) -> String {
        guard let value else { return missing }
        switch unit {
        case .fraction:
            guard let text = DecimalText.fixed(value * 100, places: 1, grouping: true) else { return missing }
            return (text.hasPrefix("-") || text == "0.0" ? text : "+" + text) + " pts"
        case .points:
            return signedPoints(value)
        case .coefficient, .score:
            guard let text = DecimalText.fixed(value, places: 2) else { return missing }
            return text.hasPrefix("-") || text == "0.00" ? text : "+" + text
        }
    }

    /// A 95% interval in `unit`: "98.9–99.8%" for fractions, "+7 to +17" for points, "3.41 to
    /// 3.63" for coefficients and means.
    static func interval(low: Double, high: Double, unit: FigureUnit) -> String {
        switch unit {
        case .fraction:
            guard let lowText = DecimalText.fixed(low * 100, places: 1),
                let highText = DecimalText.fixed(high * 100, places: 1)
            else { return missing }
            // A dash after a negative bound (ICC(1)'s can be) would read as a minus sign.
            return lowText + (low < 0 ? " to " : "–") + highText + "%"
        case .points:
            return signedPoints(low) + " to " + signedPoints(high)
        case .coefficient, .score:
            return decimal(low, places: 2) + " to " + decimal(high, places: 2)
        }
    }

    /// `text` ending with one full stop: a rule that already ends with one keeps it ("from 100.",
    /// never "from 100..").
    static func sentence(_ text: String) -> String {
        text.hasSuffix(".") ? text : text + "."
    }

    /// `count` with its noun, singular for exactly 1: "1 respondent", "1,066 respondents".
    static func counted(_ count: Int, _ singular: String, plural: String? = nil) -> String {
        self.count(count) + " " + CountNoun.form(singular, plural: plural, count: count)
    }

    /// A p-value: three decimals, or "< 0.001".
    static func pValue(_ p: Double?) -> String {
        guard let p, p.isFinite else { return missing }
        if p < 0.001 { return "< 0.001" }
        return decimal(p, places: 3)
    }
}
