/// A forward-only cursor over one field's bytes, with the outer spaces and tabs trimmed off.
///
/// Each read either consumes what it recognises and returns it, or returns nil; callers give up
/// on the whole value at the first nil, so a failed read never needs to rewind.
struct TimestampByteReader {
    private let bytes: UnsafeRawBufferPointer
    private var index: Int
    private let end: Int

    /// Starts at the first byte after any leading blanks and stops before any trailing ones.
    init(_ bytes: UnsafeRawBufferPointer) {
        let range = NumberParsing.trimmedRange(of: bytes)
        self.bytes = bytes
        self.index = range.lowerBound
        self.end = range.upperBound
    }

    /// Whether every byte has been read.
    var isAtEnd: Bool { index >= end }

    /// The next byte, without consuming it.
    var next: UInt8? { index < end ? bytes[index] : nil }

    /// Consumes `byte` if it comes next.
    mutating func consume(_ byte: UInt8) -> Bool {
        guard next == byte else { return false }
        index += 1
        return true
    }

    /// Consumes an ASCII letter if it comes next in either case; `upper` must be uppercase.
    mutating func consumeLetter(_ upper: UInt8) -> Bool {
        guard let byte = next, byte & 0xDF == upper else { return false }
        index += 1
        return true
    }

    /// Reads `minimum`…`maximum` ASCII digits, as many as there are up to `maximum`.
    mutating func digits(minimum: Int, maximum: Int) -> Int? {
        var value = 0
        var count = 0
        while count < maximum, let byte = next, byte &- UInt8(ascii: "0") < 10 {
            value = value * 10 + Int(byte &- UInt8(ascii: "0"))
            count += 1
            index += 1
        }
        return count >= minimum ? value : nil
    }

    /// Skips one or more digits, for the fraction of a second that the instant drops.
    mutating func skipDigits() -> Bool {
        let start = index
        while let byte = next, byte &- UInt8(ascii: "0") < 10 { index += 1 }
        return index > start
    }

    /// Reads `AM` or `PM` in any case; true for PM.
    mutating func meridiem() -> Bool? {
        let isPM: Bool
        if consumeLetter(UInt8(ascii: "A")) {
            isPM = false
        } else if consumeLetter(UInt8(ascii: "P")) {
            isPM = true
        } else {
            return nil
        }
        return consumeLetter(UInt8(ascii: "M")) ? isPM : nil
    }

    /// Reads a zone as the `Z` pattern token accepts it and returns its offset east of UTC in
    /// seconds: `GMT` or `UTC` (any case) alone or followed by an offset whose hour may have one
    /// digit (`GMT+1`, `GMT-05:00`), `Z`, or a bare offset with a two-digit hour (`+01:00`,
    /// `+0100`, `+01`).
    mutating func zoneOffset() -> Int? {
        if consumeLetter(UInt8(ascii: "G")) {
            guard consumeLetter(UInt8(ascii: "M")), consumeLetter(UInt8(ascii: "T")) else { return nil }
            return next == UInt8(ascii: "+") || next == UInt8(ascii: "-") ? signedOffset(minimumHourDigits: 1) : 0
        }
        if consumeLetter(UInt8(ascii: "U")) {
            guard consumeLetter(UInt8(ascii: "T")), consumeLetter(UInt8(ascii: "C")) else { return nil }
            return next == UInt8(ascii: "+") || next == UInt8(ascii: "-") ? signedOffset(minimumHourDigits: 1) : 0
        }
        return isoZoneOffset()
    }

    /// Reads an ISO 8601 zone, `Z` or `±HH:MM`, `±HHMM`, `±HH`, as seconds east of UTC.
    mutating func isoZoneOffset() -> Int? {
        if consumeLetter(UInt8(ascii: "Z")) { return 0 }
        return signedOffset(minimumHourDigits: 2)
    }

    /// Reads `±H[H][[:]MM]`. Offsets beyond ±18:00 are refused: no zone has ever used one, so
    /// such a value is more likely a misplaced number than a real time.
    private mutating func signedOffset(minimumHourDigits: Int) -> Int? {
        let sign: Int
        if consume(UInt8(ascii: "+")) {
            sign = 1
        } else if consume(UInt8(ascii: "-")) {
            sign = -1
        } else {
            return nil
        }
        guard let hours = digits(minimum: minimumHourDigits, maximum: 2) else { return nil }
        var minutes = 0
        if consume(UInt8(ascii: ":")) {
            guard let value = digits(minimum: 2, maximum: 2) else { return nil }
            minutes = value
        } else if let byte = next, byte &- UInt8(ascii: "0") < 10 {
            guard let value = digits(minimum: 2, maximum: 2) else { return nil }
            minutes = value
        }
        guard minutes < 60, hours * 60 + minutes <= 18 * 60 else { return nil }
        return sign * (hours * 3600 + minutes * 60)
    }
}
