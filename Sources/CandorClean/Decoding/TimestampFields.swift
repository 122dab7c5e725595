/// The parts read from one timestamp value, before they are checked and turned into an instant.
///
/// Kept separate from the readers so ISO 8601 and token patterns share one calendar check.
struct TimestampFields {
    /// Four-digit year.
    var year = 0
    /// Month as written; checked against 1–12.
    var month = 0
    /// Day as written; checked against the month's length.
    var day = 0
    /// Hour on the 24-hour clock, or on the 12-hour clock when `isPM` is set.
    var hour = 0
    /// Minute as written.
    var minute = 0
    /// Second as written.
    var second = 0
    /// `nil` for a 24-hour value; otherwise whether it said PM.
    var isPM: Bool? = nil
    /// Seconds east of UTC stated by the value; zero when it states none.
    var offsetSeconds = 0

    /// Seconds since 1970-01-01T00:00:00Z, or nil when the parts are not a real date and time
    /// (month 13, 30 February, 29 February outside a leap year, hour 24, minute 60, second 60).
    func epochSeconds() -> Int64? {
        guard (1...12).contains(month), day >= 1, day <= Self.daysIn(month: month, year: year) else { return nil }
        guard (0...59).contains(minute), (0...59).contains(second) else { return nil }
        var hour24 = hour
        if let isPM {
            // 12 AM is midnight and 12 PM noon: the 12-hour clock has no 0.
            guard (1...12).contains(hour) else { return nil }
            hour24 = hour % 12 + (isPM ? 12 : 0)
        }
        guard (0...23).contains(hour24) else { return nil }
        let days = Int64(Self.daysSinceEpoch(year: year, month: month, day: day))
        let local = days * 86_400 + Int64(hour24 * 3600 + minute * 60 + second)
        return local - Int64(offsetSeconds)
    }

    /// Whether `year` has a 29 February in the proleptic Gregorian calendar.
    static func isLeap(_ year: Int) -> Bool {
        year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
    }

    /// The number of days in `month` (1–12) of `year`.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Days from 1970-01-01 to the given valid date, negative before it.
    ///
    /// Howard Hinnant's `days_from_civil`: counting from 1 March makes the leap day the last day
    /// of the year, so 400-year eras have a fixed length and no table is needed.
    static func daysSinceEpoch(year: Int, month: Int, day: Int) -> Int {
        let shiftedYear = month <= 2 ? year - 1 : year
        let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
        let yearOfEra = shiftedYear - era * 400
        let monthFromMarch = (month + 9) % 12
        let dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
