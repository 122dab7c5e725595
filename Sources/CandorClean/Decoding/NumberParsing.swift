/// Strict parsing of whole and decimal numbers straight from a field's bytes.
///
/// Runs once per numeric field per record, so it reads the bytes in place and never builds a
/// `String` for the values survey exports contain. Strict because a lenient reader turns typos
/// into data: `1e3`, `0x10`, `3,5` and `eleven` are refused rather than guessed at.
package enum NumberParsing {
    /// Reads an optionally signed run of ASCII digits, ignoring outer spaces and tabs.
    ///
    /// Leading zeros are fine (`07` is 7). - Returns: nil for anything else, including `""`,
    /// `+`, `1.0`, `1e3` and `0x10`, and for values outside `Int64`.
    package static func integer(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let range = trimmedRange(of: bytes)
        var index = range.lowerBound
        let isNegative = index < range.upperBound && bytes[index] == UInt8(ascii: "-")
        if index < range.upperBound, isNegative || bytes[index] == UInt8(ascii: "+") { index += 1 }
        guard index < range.upperBound else { return nil }
        // Accumulated as a negative number so that Int64.min, one larger in magnitude than
        // Int64.max, is still readable.
        var value: Int64 = 0
        while index < range.upperBound {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            let (scaled, scaleOverflow) = value.multipliedReportingOverflow(by: 10)
            let (next, digitOverflow) = scaled.subtractingReportingOverflow(Int64(digit))
            guard !scaleOverflow, !digitOverflow else { return nil }
            value = next
            index += 1
        }
        if isNegative { return value }
        return value == .min ? nil : -value
    }

    /// Reads an optionally signed decimal with `.` as the decimal point (`3.5`, `-0.25`, `.5`,
    /// `12.`), ignoring outer spaces and tabs; the result is the nearest `Double`.
    ///
    /// Values of up to 19 significant digits and 22 decimal places, which covers every value a
    /// survey export writes, take an exact fast path with no allocation. Longer ones are handed
    /// to the standard library's correctly rounded parser, which costs a `String`.
    ///
    /// - Returns: nil for a decimal comma (`3,5`), an exponent (`1e3`), `inf`, `nan`, thousands
    ///   separators, or no digits at all.
    package static func decimal(_ bytes: UnsafeRawBufferPointer) -> Double? {
        let range = trimmedRange(of: bytes)
        var index = range.lowerBound
        let isNegative = index < range.upperBound && bytes[index] == UInt8(ascii: "-")
        if index < range.upperBound, isNegative || bytes[index] == UInt8(ascii: "+") { index += 1 }
        var significand = SignificandAccumulator()
        var sawDigit = false
        var sawPoint = false
        // Zeros after the point are held back until a non-zero digit follows, so `2.50000`
        // stays 25 × 10⁻¹ and on the fast path.
        var heldZeros = 0
        while index < range.upperBound {
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "."), !sawPoint {
                sawPoint = true
                continue
            }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 10 else { return nil }
            sawDigit = true
            if !sawPoint {
                significand.append(digit)
            } else if digit == 0 {
                heldZeros += 1
            } else {
                for _ in 0..<heldZeros { significand.appendFractionDigit(0) }
                heldZeros = 0
                significand.appendFractionDigit(digit)
            }
        }
        guard sawDigit else { return nil }
        guard let magnitude = significand.exactValue() else {
            return slowDecimal(bytes, range: range)
        }
        return isNegative ? -magnitude : magnitude
    }

    /// The bounds of `bytes` without leading and trailing spaces and tabs.
    ///
    /// Shared with the timestamp reader so every field type trims the same way.
    static func trimmedRange(of bytes: UnsafeRawBufferPointer) -> Range<Int> {
        var start = 0
        var end = bytes.count
        while start < end, bytes[start] == UInt8(ascii: " ") || bytes[start] == UInt8(ascii: "\t") { start += 1 }
        while end > start, bytes[end - 1] == UInt8(ascii: " ") || bytes[end - 1] == UInt8(ascii: "\t") { end -= 1 }
        return start..<end
    }

    /// The standard library's parser, for the rare syntactically valid decimal too long for the
    /// fast path; only digits, one point and a sign reach it.
    private static func slowDecimal(_ bytes: UnsafeRawBufferPointer, range: Range<Int>) -> Double? {
        Double(String(decoding: UnsafeRawBufferPointer(rebasing: bytes[range]), as: UTF8.self))
    }
}

/// The digits of a decimal as an integer and a power of ten, while they stay exact.
private struct SignificandAccumulator {
    /// The significant digits read so far, as an integer.
    var digits: UInt64 = 0
    /// How many of the appended digits came after the point.
    var decimalPlaces = 0
    /// How many significant digits were appended; leading zeros do not count.
    var significantDigits = 0

    /// Appends a digit before the point.
    mutating func append(_ digit: UInt8) {
        if digits == 0, digit == 0 { return }
        significantDigits += 1
        // 19 digits always fit in UInt64; past that the fast path is off anyway.
        if significantDigits <= 19 { digits = digits * 10 + UInt64(digit) }
    }

    /// Appends a digit after the point.
    mutating func appendFractionDigit(_ digit: UInt8) {
        append(digit)
        decimalPlaces += 1
    }

    /// Exact powers of ten up to 10²², the largest that a `Double` holds exactly.
    private static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// The value as the nearest `Double`, or nil when that cannot be computed exactly here.
    ///
    /// Clinger's fast path: when the digits fit in a `Double`'s 53-bit significand and the power
    /// of ten is exact, one IEEE division rounds correctly. A whole number of up to 19 digits is
    /// exact too, as integer-to-`Double` conversion rounds once.
    func exactValue() -> Double? {
        guard significantDigits <= 19 else { return nil }
        if decimalPlaces == 0 { return Double(digits) }
        guard digits <= 1 << 53, decimalPlaces < Self.powersOfTen.count else { return nil }
        return Double(digits) / Self.powersOfTen[decimalPlaces]
    }
}
