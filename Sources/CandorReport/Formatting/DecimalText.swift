/// Locale-independent number text, built by hand so a report's bytes never depend on the
/// machine's locale or on how Foundation prints floating-point numbers.
enum DecimalText {
    /// The largest magnitude (after scaling) rendered exactly; beyond it a value is not a
    /// survey figure and is treated as undefined.
    private static let limit = 9.0e15

    /// `value` rounded half away from zero to `places` decimals, as plain digits ("-0.5",
    /// "12.000000"); `nil` when not finite or too large to be a figure.
    ///
    /// - Parameters:
    ///   - grouping: put a comma between thousands of the integer part ("1,194").
    ///   - trimZeros: drop trailing zeros of the fraction, and the point if nothing is left
    ///     (JSON wants the shortest form of the fixed rounding).
    static func fixed(_ value: Double, places: Int, grouping: Bool = false, trimZeros: Bool = false) -> String? {
        guard value.isFinite, (0...9).contains(places) else { return nil }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        let scaled = (value * scale).rounded(.toNearestOrAwayFromZero)
        guard abs(scaled) < limit, let units = Int64(exactly: scaled) else { return nil }
        let magnitude = units.magnitude
        let divisor = UInt64(scale)
        var integerPart = String(magnitude / divisor)
        var fraction = ""
        if places > 0 {
            let digits = String(magnitude % divisor)
            fraction = String(repeating: "0", count: places - digits.count) + digits
            if trimZeros {
                while fraction.last == "0" { fraction.removeLast() }
            }
        }
        if grouping { integerPart = group(integerPart) }
        let sign = units < 0 ? "-" : ""
        return fraction.isEmpty ? sign + integerPart : sign + integerPart + "." + fraction
    }

    /// An integer with thousands separators: "1,200", "-12,345".
    static func integer(_ value: Int) -> String {
        let digits = group(String(value.magnitude))
        return value < 0 ? "-" + digits : digits
    }

    /// Inserts a comma before every group of three digits from the right.
    private static func group(_ digits: String) -> String {
        var out = ""
        for (offset, digit) in digits.enumerated() {
            if offset > 0 && (digits.count - offset) % 3 == 0 { out += "," }
            out.append(digit)
        }
        return out
    }
}
