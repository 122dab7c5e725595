import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// UTC timestamps with milliseconds, `2026-03-02T02:00:00.125Z`, for the run log and reports.
///
/// Done by hand over `gmtime_r`/`timegm` rather than a Foundation formatter so the output is
/// identical on every platform and rounding is explicit: the instant is rounded to the nearest
/// millisecond once, and both the text and `duration_seconds` are derived from that.
package enum ISO8601Milliseconds {
    /// Milliseconds since 1970-01-01T00:00:00Z, rounded to the nearest.
    package static func milliseconds(_ date: Date) -> Int64 {
        Int64((date.timeIntervalSince1970 * 1000).rounded())
    }

    /// The date as `YYYY-MM-DDTHH:MM:SS.mmmZ`.
    package static func format(_ date: Date) -> String {
        let total = milliseconds(date)
        // Floor division, so instants before 1970 still get a millisecond part in 0...999.
        var seconds = total / 1000
        var millis = total % 1000
        if millis < 0 {
            seconds -= 1
            millis += 1000
        }
        var time = time_t(seconds)
        var parts = tm()
        gmtime_r(&time, &parts)
        return pad(Int(parts.tm_year) + 1900, 4) + "-" + pad(Int(parts.tm_mon) + 1, 2) + "-"
            + pad(Int(parts.tm_mday), 2) + "T" + pad(Int(parts.tm_hour), 2) + ":" + pad(Int(parts.tm_min), 2)
            + ":" + pad(Int(parts.tm_sec), 2) + "." + pad(Int(millis), 3) + "Z"
    }

    /// Parses `YYYY-MM-DDTHH:MM:SS[.fraction]Z`; nil for anything else.
    ///
    /// Up to nine fraction digits are accepted; digits beyond milliseconds are rounded away.
    package static func parse(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 20, bytes.last == UInt8(ascii: "Z") else { return nil }
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let digit = Int(bytes[index]) - 48
                guard (0...9).contains(digit) else { return nil }
                value = value * 10 + digit
            }
            return value
        }
        let separators: [(Int, Character)] = [(4, "-"), (7, "-"), (10, "T"), (13, ":"), (16, ":")]
        for (index, expected) in separators where bytes[index] != expected.asciiValue {
            return nil
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61
        else { return nil }
        var fraction = 0.0
        if bytes.count > 20 {
            guard bytes[19] == UInt8(ascii: "."), (22...30).contains(bytes.count),
                let digits = number(20..<(bytes.count - 1))
            else { return nil }
            fraction = Double(digits) / pow(10, Double(bytes.count - 21))
        } else if bytes[19] != UInt8(ascii: "Z") {
            return nil
        }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let seconds = Int64(timegm(&parts))
        let millis = (fraction * 1000).rounded()
        return Date(timeIntervalSince1970: (Double(seconds * 1000) + millis) / 1000)
    }

    /// Zero-pads a non-negative number to `width` digits.
    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
