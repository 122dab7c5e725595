import CandorClean

/// The timestamp formats `candor init` tries on every column, in order of preference.
///
/// They are the formats survey tools export: ISO 8601 (Qualtrics, most generic exports),
/// Google Forms' `M/D/YYYY H:mm:ss` and the `YYYY/MM/DD h:mm:ss A Z` of a Sheets download,
/// SurveyMonkey's and Microsoft Forms' US dates with AM/PM, then day-first and dotted dates
/// for European spreadsheets, then dates alone. When a month-first and a day-first format
/// both read every answer (no day above 12 yet), the month-first one is preferred, and the
/// guess says so.
package enum TimestampCatalogue {
    /// The patterns, in order of preference.
    package static let patterns = [
        "iso8601",
        "M/D/YYYY H:mm:ss",
        "YYYY/MM/DD h:mm:ss A Z",
        "M/D/YYYY h:mm:ss A",
        "M/D/YYYY h:mm A",
        "M/D/YYYY H:mm",
        "YYYY/MM/DD H:mm:ss",
        "D/M/YYYY H:mm:ss",
        "D/M/YYYY H:mm",
        "D.M.YYYY H:mm:ss",
        "D.M.YYYY H:mm",
        "M/D/YYYY",
        "D/M/YYYY",
        "D.M.YYYY",
    ]

    /// The patterns compiled by the loader's own timestamp reader, so that what the guess
    /// reads is what a run reads.
    package static let candidates: [TimestampFormat] = patterns.map { pattern in
        // Every pattern above is valid; a test compiles each.
        try! TimestampFormat(pattern: pattern)
    }
}
