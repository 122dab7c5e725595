import CandorSample
import Testing

@testable import CandorClean

/// Calls `body` with the UTF-8 bytes of `text`, as a field arrives from the reader.
private func withBytes<Result>(_ text: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    var text = text
    return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
}

/// Whole numbers with their values, worked out by hand; the extremes are Int64's, 2⁶³ − 1 and −2⁶³.
private let integers: [(String, Int64)] = [
    ("0", 0), ("07", 7), ("-0", 0), ("+5", 5), ("-12", -12), (" 42 ", 42), ("\t-12\t", -12),
    ("0000000000000000000000001", 1), ("9223372036854775807", 9_223_372_036_854_775_807),
    ("-9223372036854775808", -9_223_372_036_854_775_807 - 1),
]

@Test("integer reads signed digits", arguments: integers)
func integerAccepts(text: String, expected: Int64) {
    #expect(withBytes(text) { NumberParsing.integer($0) } == expected)
}

@Test(
    "integer refuses anything but signed digits, and overflow",
    arguments: [
        "", " ", "+", "-", "1.0", "1e3", "eleven", "0x10", "1 000", "1,000", "--1", "+-1", "12a", "١٢", "½",
        "9223372036854775808", "-9223372036854775809", "99999999999999999999",
    ])
func integerRefuses(text: String) {
    #expect(withBytes(text) { NumberParsing.integer($0) } == nil)
}

/// Decimals with their values; each literal is the obvious reading of the text.
private let decimals: [(String, Double)] = [
    ("3.5", 3.5), ("-0.25", -0.25), (".5", 0.5), ("12.", 12), ("+1.0", 1), (" 2.50 ", 2.5), ("007.5", 7.5),
    ("0.1", 0.1), ("42", 42), ("-7", -7), ("0.000001", 0.000001), ("123456789012345.6", 123_456_789_012_345.6),
    ("2.50000000000000000000000000", 2.5),
]

@Test("decimal reads signed decimals with a point", arguments: decimals)
func decimalAccepts(text: String, expected: Double) {
    #expect(withBytes(text) { NumberParsing.decimal($0) } == expected)
}

@Test(
    "decimal refuses commas, exponents, non-finite words and stray characters",
    arguments: [
        "", " ", ".", "-", "+", "-.", "3,5", "1,000.5", "1 000.5", "1e3", "1E3", "1.5e-3", "inf", "-inf", "nan",
        "Infinity", "NaN", "0x1p3", "1.2.3", "--1", "1.5%", "$3", "eleven",
    ])
func decimalRefuses(text: String) {
    #expect(withBytes(text) { NumberParsing.decimal($0) } == nil)
}

/// A random decimal text with `integerDigits` and `fractionDigits` digits and a random sign.
private func randomDecimal(integerDigits: Int, fractionDigits: Int, using random: inout SplitMix64) -> String {
    var text = ["", "-", "+"][Int.random(in: 0..<3, using: &random)]
    for _ in 0..<integerDigits { text.append(Character(String(Int.random(in: 0...9, using: &random)))) }
    if fractionDigits > 0 || Bool.random(using: &random) && integerDigits > 0 { text.append(".") }
    for _ in 0..<fractionDigits { text.append(Character(String(Int.random(in: 0...9, using: &random)))) }
    return text
}

@Test("decimal matches the standard library's correctly rounded parser on random inputs")
func decimalMatchesStandardLibrary() throws {
    var random = SplitMix64(seed: 20_260_314)
    var mismatches: [String] = []
    for round in 0..<40_000 {
        // Most inputs stay within 15 significant digits, the promise; every fourth goes up to 30
        // digits and 28 decimal places to exercise the long path as well.
        let long = round % 4 == 0
        let integerDigits = Int.random(in: 0...(long ? 25 : 8), using: &random)
        let maxFraction = long ? 28 : max(0, 15 - integerDigits)
        var fractionDigits = Int.random(in: 0...maxFraction, using: &random)
        if integerDigits == 0, fractionDigits == 0 { fractionDigits = 1 }
        let text = randomDecimal(integerDigits: integerDigits, fractionDigits: fractionDigits, using: &random)
        let expected = try #require(Double(text), "\(text)")
        let actual = withBytes(text) { NumberParsing.decimal($0) }
        if actual?.bitPattern != expected.bitPattern { mismatches.append(text) }
    }
    let mismatchCount = mismatches.count
    #expect(mismatchCount == 0, "first mismatches: \(mismatches.prefix(5))")
}

@Test("integer reads back the text of random Int64 values")
func integerTextRoundTrip() {
    var random = SplitMix64(seed: 7)
    for _ in 0..<10_000 {
        let value = Int64(bitPattern: random.next()) >> Int.random(in: 0...62, using: &random)
        #expect(withBytes(String(value)) { NumberParsing.integer($0) } == value)
    }
}
