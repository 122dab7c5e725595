/// A declared timestamp format, compiled once, that turns a field's bytes into seconds since the
/// Unix epoch.
///
/// Survey exports write dates in their own styles (Qualtrics `2026-03-14 09:05:31`, Google Forms
/// `2026/03/14 9:05:31 AM GMT`, spreadsheets `3/14/2026`), and one wrong guess between day and
/// month corrupts a whole column silently. So matching is strict: the whole value must fit the
/// pattern and be a real date and time, or the value is refused. Parsing works on the bytes with
/// no `String`, no Foundation formatter (whose results depend on the machine's locale and time
/// zone) and no allocation, as it runs once per field per record.
///
/// Patterns are either `iso8601` or built from these tokens; any other non-letter is a literal,
/// and letters that are not tokens must be quoted (`'T'`):
///
/// | Token | Reads |
/// |---|---|
/// | `YYYY` | a four-digit year |
/// | `YY` | a two-digit year, 2000–2099 |
/// | `MM` / `M` | month, two digits / one or two |
/// | `DD` / `D` | day, two digits / one or two |
/// | `HH` / `H` | hour 0–23, two digits / one or two |
/// | `hh` / `h` | hour 1–12 with `A`, two digits / one or two |
/// | `mm` / `m`, `ss` / `s` | minute, second |
/// | `A` | `AM` or `PM`, any case |
/// | `Z` | `GMT`, `UTC`, `Z`, `GMT+1`, `GMT-05:00`, `+01:00`, `+0100`, `+01` |
package struct TimestampFormat: Sendable, Hashable {
    /// How a format reads a value: ISO 8601's fixed grammar or a compiled token list.
    enum Layout: Sendable, Hashable {
        /// `YYYY-MM-DD`, then optionally `T` or a space, `HH:MM`, `:SS`, `.fraction`, zone.
        case iso8601
        /// A pattern compiled by ``TimestampFormat/compile(_:)``.
        case tokens([TimestampToken])
    }

    /// The pattern as written in the pipeline definition.
    package let pattern: String
    /// The compiled form of `pattern`.
    let layout: Layout

    /// Compiles `pattern`: `iso8601` (any case) or a token pattern such as `M/D/YYYY h:mm:ss A`.
    ///
    /// - Throws: ``TimestampFormatError`` naming the pattern and the offending token when a
    ///   letter is not a token, a field repeats, the year, month or day is missing, `h` and `A`
    ///   do not come together, seconds lack minutes or minutes an hour, a one-or-two-digit token
    ///   runs straight into another number, or a quote is left open.
    package init(pattern: String) throws(TimestampFormatError) {
        self.pattern = pattern
        if pattern.lowercased() == "iso8601" {
            self.layout = .iso8601
        } else {
            self.layout = .tokens(try Self.compile(pattern))
        }
    }

    private init(pattern: String, layout: Layout) {
        self.pattern = pattern
        self.layout = layout
    }

    /// ISO 8601 as exports write it: `2026-03-14`, `2026-03-14T09:05`, `2026-03-14 09:05:31`,
    /// `2026-03-14T09:05:31.250+01:00`. A value without a zone is read as UTC.
    package static let iso8601 = TimestampFormat(pattern: "iso8601", layout: .iso8601)

    /// Reads `bytes` as this format and returns seconds since 1970-01-01T00:00:00Z.
    ///
    /// The value's own zone offset is applied and a value without one is read as UTC. Outer
    /// spaces and tabs are ignored; a fraction of a second is dropped (rounding towards the past).
    ///
    /// - Returns: nil when the value does not match the pattern exactly or is not a real date and
    ///   time (month 13, 30 February, 29 February outside a leap year, hour 24, minute 60).
    package func parse(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        var reader = TimestampByteReader(bytes)
        let fields: TimestampFields?
        switch layout {
        case .iso8601: fields = Self.readISO8601(&reader)
        case .tokens(let tokens): fields = Self.read(tokens, from: &reader)
        }
        guard let fields, reader.isAtEnd else { return nil }
        return fields.epochSeconds()
    }

    /// Reads ISO 8601's date, optional time and optional zone; leaves anything after them for
    /// the caller's end check.
    private static func readISO8601(_ reader: inout TimestampByteReader) -> TimestampFields? {
        var fields = TimestampFields()
        guard let year = reader.digits(minimum: 4, maximum: 4), reader.consume(UInt8(ascii: "-")),
            let month = reader.digits(minimum: 2, maximum: 2), reader.consume(UInt8(ascii: "-")),
            let day = reader.digits(minimum: 2, maximum: 2)
        else { return nil }
        fields.year = year
        fields.month = month
        fields.day = day
        if reader.isAtEnd { return fields }
        guard reader.consume(UInt8(ascii: "T")) || reader.consume(UInt8(ascii: " ")),
            let hour = reader.digits(minimum: 2, maximum: 2), reader.consume(UInt8(ascii: ":")),
            let minute = reader.digits(minimum: 2, maximum: 2)
        else { return nil }
        fields.hour = hour
        fields.minute = minute
        if reader.consume(UInt8(ascii: ":")) {
            guard let second = reader.digits(minimum: 2, maximum: 2) else { return nil }
            fields.second = second
            if reader.consume(UInt8(ascii: ".")) {
                guard reader.skipDigits() else { return nil }
            }
        }
        if !reader.isAtEnd {
            guard let offset = reader.isoZoneOffset() else { return nil }
            fields.offsetSeconds = offset
        }
        return fields
    }

    /// Reads the compiled tokens in order; nil at the first one that does not match.
    private static func read(_ tokens: [TimestampToken], from reader: inout TimestampByteReader) -> TimestampFields? {
        var fields = TimestampFields()
        for token in tokens {
            switch token {
            case .year:
                guard let value = reader.digits(minimum: 4, maximum: 4) else { return nil }
                fields.year = value
            case .yearInCentury:
                guard let value = reader.digits(minimum: 2, maximum: 2) else { return nil }
                fields.year = 2000 + value
            case .month(let width):
                guard let value = reader.digits(minimum: width.minimumDigits, maximum: 2) else { return nil }
                fields.month = value
            case .day(let width):
                guard let value = reader.digits(minimum: width.minimumDigits, maximum: 2) else { return nil }
                fields.day = value
            case .hour24(let width), .hour12(let width):
                guard let value = reader.digits(minimum: width.minimumDigits, maximum: 2) else { return nil }
                fields.hour = value
            case .minute(let width):
                guard let value = reader.digits(minimum: width.minimumDigits, maximum: 2) else { return nil }
                fields.minute = value
            case .second(let width):
                guard let value = reader.digits(minimum: width.minimumDigits, maximum: 2) else { return nil }
                fields.second = value
            case .meridiem:
                guard let isPM = reader.meridiem() else { return nil }
                fields.isPM = isPM
            case .zone:
                guard let offset = reader.zoneOffset() else { return nil }
                fields.offsetSeconds = offset
            case .literal(let byte):
                guard reader.consume(byte) else { return nil }
            }
        }
        return fields
    }
}
