import CandorCore

/// Submission times and their text forms, computed by hand so output never depends on the
/// machine's locale, time zone or Foundation version.
struct SampleClock: Sendable {
    /// Seconds since 1970-01-01T00:00:00Z (UTC throughout).
    let secondsSinceEpoch: Int64

    /// The civil date and time in UTC.
    private var parts: (year: Int64, month: Int64, day: Int64, hour: Int64, minute: Int64, second: Int64) {
        let (civil, secondOfDay) = CivilDate.of(epochSeconds: secondsSinceEpoch)
        let (year, month, day) = (civil.year, civil.month, civil.day)
        return (year, month, day, secondOfDay / 3600, secondOfDay / 60 % 60, secondOfDay % 60)
    }

    /// ISO 8601 in UTC, e.g. `2026-03-14T09:05:31Z`.
    var iso8601: String {
        let p = parts
        return "\(Self.pad(p.year, 4))-\(Self.pad(p.month, 2))-\(Self.pad(p.day, 2))T"
            + "\(Self.pad(p.hour, 2)):\(Self.pad(p.minute, 2)):\(Self.pad(p.second, 2))Z"
    }

    /// The Qualtrics export form, e.g. `2026-03-14 09:05:31`.
    var qualtrics: String {
        let p = parts
        return "\(Self.pad(p.year, 4))-\(Self.pad(p.month, 2))-\(Self.pad(p.day, 2)) "
            + "\(Self.pad(p.hour, 2)):\(Self.pad(p.minute, 2)):\(Self.pad(p.second, 2))"
    }

    /// The Google Forms sheet form, e.g. `2026/03/14 9:05:31 AM GMT` (12-hour clock, unpadded hour).
    var googleForms: String {
        let p = parts
        let hour12 = p.hour % 12 == 0 ? 12 : p.hour % 12
        let meridiem = p.hour < 12 ? "AM" : "PM"
        return "\(Self.pad(p.year, 4))/\(Self.pad(p.month, 2))/\(Self.pad(p.day, 2)) "
            + "\(hour12):\(Self.pad(p.minute, 2)):\(Self.pad(p.second, 2)) \(meridiem) GMT"
    }

    /// Returns a clock `seconds` later.
    func adding(_ seconds: Int64) -> SampleClock {
        SampleClock(secondsSinceEpoch: secondsSinceEpoch + seconds)
    }

    /// Zero-pads a non-negative number to `width` digits.
    private static func pad(_ value: Int64, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }
}
