/// A proleptic Gregorian calendar day in UTC, from a count of days since 1970-01-01, computed by
/// hand (Howard Hinnant's `civil_from_days`) so no output depends on the machine's locale, time
/// zone or Foundation version.
package struct CivilDate: Sendable, Hashable {
    /// The year (may be 0 or negative far before the epoch).
    package var year: Int64
    /// The month, 1–12.
    package var month: Int64
    /// The day of the month, 1–31.
    package var day: Int64

    /// The day `days` after 1970-01-01 (before it when negative).
    package init(daysSinceEpoch days: Int64) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * monthIndex + 2) / 5 + 1
        month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The day holding `seconds` since 1970-01-01T00:00:00Z, and the seconds into that day.
    package static func of(epochSeconds seconds: Int64) -> (date: CivilDate, secondOfDay: Int64) {
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        return (CivilDate(daysSinceEpoch: days), seconds - days * 86_400)
    }
}
