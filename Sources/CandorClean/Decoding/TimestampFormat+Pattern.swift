extension TimestampFormat {
    /// The tokens a pattern may use, as error messages list them.
    static let tokenNames = "YYYY, YY, MM, M, DD, D, HH, H, hh, h, mm, m, ss, s, A, Z"

    /// Compiles a token pattern such as `M/D/YYYY h:mm:ss A` into tokens, rejecting patterns that
    /// could not tell a valid value from an invalid one.
    static func compile(_ pattern: String) throws(TimestampFormatError) -> [TimestampToken] {
        let bytes = Array(pattern.utf8)
        // Each token beside the text it came from, so the checks below can quote it.
        var entries: [(token: TimestampToken, text: String)] = []
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "'") {
                guard let close = bytes[(index + 1)...].firstIndex(of: UInt8(ascii: "'")) else {
                    throw TimestampFormatError(pattern: pattern, reason: "unterminated quote; close it with '")
                }
                // `''` stands for a quote itself, as in Unicode date patterns.
                let quoted = close == index + 1 ? [byte] : Array(bytes[(index + 1)..<close])
                for literal in quoted { entries.append((.literal(literal), "'")) }
                index = close + 1
                continue
            }
            guard byte & 0xDF >= UInt8(ascii: "A"), byte & 0xDF <= UInt8(ascii: "Z") else {
                entries.append((.literal(byte), String(decoding: [byte], as: UTF8.self)))
                index += 1
                continue
            }
            var runEnd = index
            while runEnd < bytes.count, bytes[runEnd] == byte { runEnd += 1 }
            let text = String(decoding: bytes[index..<runEnd], as: UTF8.self)
            guard let token = token(named: text) else {
                throw TimestampFormatError(
                    pattern: pattern,
                    reason: "unknown token \"\(text)\"; tokens are \(tokenNames) (quote other letters, as in 'T')")
            }
            entries.append((token, text))
            index = runEnd
        }
        try check(entries, pattern: pattern)
        return entries.map(\.token)
    }

    /// The token spelled `text`, or nil for a run of letters the pattern language does not know.
    private static func token(named text: String) -> TimestampToken? {
        switch text {
        case "YYYY": .year
        case "YY": .yearInCentury
        case "MM": .month(.two)
        case "M": .month(.oneOrTwo)
        case "DD": .day(.two)
        case "D": .day(.oneOrTwo)
        case "HH": .hour24(.two)
        case "H": .hour24(.oneOrTwo)
        case "hh": .hour12(.two)
        case "h": .hour12(.oneOrTwo)
        case "mm": .minute(.two)
        case "m": .minute(.oneOrTwo)
        case "ss": .second(.two)
        case "s": .second(.oneOrTwo)
        case "A": .meridiem
        case "Z": .zone
        default: nil
        }
    }

    /// The part of a timestamp `token` sets, so a pattern cannot set it twice.
    private static func part(of token: TimestampToken) -> String? {
        switch token {
        case .year, .yearInCentury: "year"
        case .month: "month"
        case .day: "day"
        case .hour24, .hour12: "hour"
        case .minute: "minute"
        case .second: "second"
        case .meridiem: "AM/PM"
        case .zone: "zone"
        case .literal: nil
        }
    }

    /// Refuses patterns that repeat a part, lack a date, mix clocks, skip a unit or run a
    /// one-or-two-digit token into another number.
    private static func check(
        _ entries: [(token: TimestampToken, text: String)], pattern: String
    ) throws(TimestampFormatError) {
        var seen: [String: String] = [:]
        for (position, entry) in entries.enumerated() {
            guard let part = part(of: entry.token) else { continue }
            if seen[part] != nil {
                throw TimestampFormatError(pattern: pattern, reason: "token \"\(entry.text)\" repeats the \(part)")
            }
            seen[part] = entry.text
            // `M` before `D` in `MD` could end after one digit or two; refusing the pattern beats
            // guessing on every value.
            if entry.token.isVariableWidth, position + 1 < entries.count, entries[position + 1].token.isNumeric {
                throw TimestampFormatError(
                    pattern: pattern,
                    reason: "token \"\(entry.text)\" reads one or two digits, so it needs a separator "
                        + "before \"\(entries[position + 1].text)\"")
            }
        }
        let missing = [("year", "YYYY or YY"), ("month", "MM or M"), ("day", "DD or D")].filter { seen[$0.0] == nil }
        if missing.count == 3 {
            throw TimestampFormatError(
                pattern: pattern, reason: "no date part; a pattern needs YYYY or YY, MM or M, and DD or D")
        }
        if let first = missing.first {
            throw TimestampFormatError(pattern: pattern, reason: "the date has no \(first.0) (\(first.1))")
        }
        let twelveHour = entries.first { if case .hour12 = $0.token { true } else { false } }
        if let twelveHour, seen["AM/PM"] == nil {
            throw TimestampFormatError(
                pattern: pattern, reason: "token \"\(twelveHour.text)\" needs an A (AM/PM) token")
        }
        if twelveHour == nil, seen["AM/PM"] != nil {
            throw TimestampFormatError(pattern: pattern, reason: "token \"A\" needs a 12-hour hour (hh or h)")
        }
        if let minute = seen["minute"], seen["hour"] == nil {
            throw TimestampFormatError(pattern: pattern, reason: "token \"\(minute)\" needs an hour (HH, H, hh or h)")
        }
        if let second = seen["second"], seen["minute"] == nil {
            throw TimestampFormatError(pattern: pattern, reason: "token \"\(second)\" needs a minute (mm or m)")
        }
    }
}
