import CandorCore

/// The date a report describes the data as of: given with `candor run --as-of`, or else the
/// latest value of the definition's first timestamp field. Never a file's time or the clock, so
/// the same inputs give the same report on any machine (git keeps no file times).
package struct ReportDate: Sendable, Equatable {
    /// Where the date came from.
    package enum Source: Sendable, Equatable {
        /// `--as-of` on the command line.
        case option
        /// The latest value of the named timestamp field among accepted responses.
        case field(String)
    }

    /// The date as ISO 8601 `YYYY-MM-DD`.
    package var date: String
    /// Where it came from.
    package var source: Source

    /// A date given as `YYYY-MM-DD`; `nil` when the text is not one (a real calendar day,
    /// years 0001–9999).
    package init?(iso text: String, source: Source = .option) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            parts.allSatisfy({ $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
            let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
            year >= 1, (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year)
        else { return nil }
        self.date = text
        self.source = source
    }

    /// The UTC calendar day of `seconds` since 1970-01-01T00:00:00Z, as the latest value of `field`.
    package init(epochSeconds seconds: Int64, field: String) {
        let civil = CivilDate.of(epochSeconds: seconds).date
        self.date = Self.padded(civil.year, 4) + "-" + Self.padded(civil.month, 2) + "-" + Self.padded(civil.day, 2)
        self.source = .field(field)
    }

    /// The phrase the Markdown header uses: "Data as of 2026-03-20 (given with --as-of)".
    package var sentence: String {
        switch source {
        case .option: "Data as of " + date + " (given with --as-of)."
        case .field(let name): "Data as of " + date + " (the latest " + name + " among accepted responses, UTC)."
        }
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    private static func padded(_ value: Int64, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
