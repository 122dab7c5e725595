/// One compiled element of a timestamp pattern such as `M/D/YYYY h:mm:ss A`.
///
/// Patterns are compiled once when the pipeline definition is loaded, so parsing a field only
/// walks this array and never looks at the pattern text again.
enum TimestampToken: Sendable, Hashable {
    /// How many digits a numeric token accepts.
    enum Width: Sendable, Hashable {
        /// Exactly two digits (`MM`, `DD`, `HH`, `hh`, `mm`, `ss`).
        case two
        /// One or two digits, read greedily (`M`, `D`, `H`, `h`, `m`, `s`).
        case oneOrTwo

        /// The fewest digits accepted.
        var minimumDigits: Int { self == .two ? 2 : 1 }
    }

    /// `YYYY`: a four-digit year.
    case year
    /// `YY`: a two-digit year, read as 2000–2099 (Microsoft Forms writes `3/2/26`; a survey
    /// answered before 2000 is not among the exports this reads).
    case yearInCentury
    /// `MM` or `M`: month 1–12.
    case month(Width)
    /// `DD` or `D`: day of the month.
    case day(Width)
    /// `HH` or `H`: hour 0–23.
    case hour24(Width)
    /// `hh` or `h`: hour 1–12, made 24-hour by the `A` token.
    case hour12(Width)
    /// `mm` or `m`: minute 0–59.
    case minute(Width)
    /// `ss` or `s`: second 0–59.
    case second(Width)
    /// `A`: `AM` or `PM`, any case.
    case meridiem
    /// `Z`: a zone such as `GMT`, `UTC`, `Z`, `GMT+1`, `GMT-05:00` or `+01:00`.
    case zone
    /// A byte that must appear as is.
    case literal(UInt8)

    /// Whether the token reads digits, so a one-or-two-digit token before it could not know
    /// where to stop.
    var isNumeric: Bool {
        switch self {
        case .year, .yearInCentury, .month, .day, .hour24, .hour12, .minute, .second: true
        case .meridiem, .zone, .literal: false
        }
    }

    /// Whether the token reads a variable number of digits.
    var isVariableWidth: Bool {
        switch self {
        case .month(let width), .day(let width), .hour24(let width), .hour12(let width),
            .minute(let width), .second(let width):
            width == .oneOrTwo
        case .year, .yearInCentury, .meridiem, .zone, .literal: false
        }
    }
}
