import Testing

@testable import CandorClean

/// Calls `body` with the UTF-8 bytes of `text`, as a field arrives from the reader.
private func withBytes<Result>(_ text: String, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
    var text = text
    return text.withUTF8 { body(UnsafeRawBufferPointer($0)) }
}

/// Parses `value` with a freshly compiled `pattern`; a pattern error fails the test.
private func parse(_ value: String, pattern: String) throws -> Int64? {
    let format = try TimestampFormat(pattern: pattern)
    return withBytes(value) { format.parse($0) }
}

// Every expected instant below was computed with
//   python3 -c "import calendar; print(calendar.timegm((Y,M,D,h,m,s,0,0,0)) - OFFSET_SECONDS)"
// e.g. python3 -c "import calendar; print(calendar.timegm((2026,3,14,9,5,31,0,0,0)) - 3600)" -> 1773475531;
// the comment beside each row gives its (Y,M,D,h,m,s) and offset.

/// Values `iso8601` accepts, with their instants.
private let isoAccepted: [(String, Int64)] = [
    ("2026-03-14", 1_773_446_400),  // (2026,3,14,0,0,0) - 0
    ("2026-03-14T09:05", 1_773_479_100),  // (2026,3,14,9,5,0) - 0
    ("2026-03-14 09:05:31", 1_773_479_131),  // (2026,3,14,9,5,31) - 0, Qualtrics style
    ("2026-03-14T09:05:31Z", 1_773_479_131),  // (2026,3,14,9,5,31) - 0
    ("2026-03-14T09:05:31.250Z", 1_773_479_131),  // (2026,3,14,9,5,31) - 0, fraction dropped
    ("2026-03-14T09:05:31+01:00", 1_773_475_531),  // (2026,3,14,9,5,31) - 3600
    ("2026-03-14T09:05:31-0530", 1_773_498_931),  // (2026,3,14,9,5,31) - (-19800)
    ("2026-03-14T09:05:31+05", 1_773_461_131),  // (2026,3,14,9,5,31) - 18000
    ("2026-03-14T00:30:00+01:00", 1_773_444_600),  // (2026,3,14,0,30,0) - 3600: previous UTC day
    ("  2026-03-14 09:05:31  ", 1_773_479_131),  // (2026,3,14,9,5,31) - 0, outer spaces trimmed
    ("\t2026-03-14\t", 1_773_446_400),  // (2026,3,14,0,0,0) - 0
    ("2024-02-29", 1_709_164_800),  // (2024,2,29,0,0,0) - 0: leap year
    ("2000-02-29", 951_782_400),  // (2000,2,29,0,0,0) - 0: divisible by 400, leap
    ("2024-02-29T23:59:59-01:00", 1_709_254_799),  // (2024,2,29,23,59,59) - (-3600): rolls into March
    ("1969-12-31T23:59:59.999Z", -1),  // (1969,12,31,23,59,59) - 0: dropping the fraction floors
    ("1900-03-01", -2_203_891_200),  // (1900,3,1,0,0,0) - 0
]

@Test("iso8601 accepts dates, times, fractions and zones", arguments: isoAccepted)
func isoAccepts(value: String, expected: Int64) {
    #expect(withBytes(value) { TimestampFormat.iso8601.parse($0) } == expected)
}

/// Values `iso8601` must refuse: not the grammar, or not a real date and time.
private let isoRefused: [String] = [
    "", "   ", "2026-02-29", "1900-02-29", "2026-13-01", "2026-00-10", "2026-02-30", "2026-04-31",
    "2026-03-00", "2026-03-14T24:00:00", "2026-03-14T24:00", "2026-03-14T09:60", "2026-03-14T09:05:60",
    "2026-3-14", "26-03-14", "20260314", "2026/03/14", "2026-03-14T9:05", "2026-03-14T09", "2026-03-14T",
    "2026-03-14T09:05:31.", "2026-03-14T09:05:31+1", "2026-03-14T09:05:31 +01:00", "2026-03-14  09:05",
    "2026-03-14x", "2026-03-14T09:05:31Zjunk", "2026-03-14Z", "2026-03-14T09:05:31+19:00",
    "2026-03-14T09:05:31+01:60", "2026-03-14T09:05:31GMT", "2026-03-14 09:05:31 AM", "１２０２６-03-14",
]

@Test("iso8601 refuses near misses and impossible dates", arguments: isoRefused)
func isoRefuses(value: String) {
    #expect(withBytes(value) { TimestampFormat.iso8601.parse($0) } == nil)
}

/// Token patterns with values they accept.
private let tokenAccepted: [(String, String, Int64)] = [
    ("M/D/YYYY", "3/14/2026", 1_773_446_400),  // (2026,3,14,0,0,0) - 0
    ("M/D/YYYY", "03/14/2026", 1_773_446_400),  // (2026,3,14,0,0,0) - 0: M takes two digits too
    ("M/D/YYYY", "12/31/1999", 946_598_400),  // (1999,12,31,0,0,0) - 0
    ("M/D/YYYY", "2/29/2024", 1_709_164_800),  // (2024,2,29,0,0,0) - 0
    ("M/D/YYYY", "2/29/2000", 951_782_400),  // (2000,2,29,0,0,0) - 0
    ("M/D/YYYY", " 3/14/2026 ", 1_773_446_400),  // (2026,3,14,0,0,0) - 0
    ("M/D/YYYY H:mm:ss", "3/14/2026 9:05:31", 1_773_479_131),  // (2026,3,14,9,5,31) - 0
    ("M/D/YYYY H:mm:ss", "3/14/2026 17:05:31", 1_773_507_931),  // (2026,3,14,17,5,31) - 0
    ("M/D/YYYY h:mm:ss A", "3/14/2026 9:05:31 AM", 1_773_479_131),  // (2026,3,14,9,5,31) - 0
    ("M/D/YYYY h:mm:ss A", "3/14/2026 9:05:31 am", 1_773_479_131),  // (2026,3,14,9,5,31) - 0
    ("M/D/YYYY h:mm:ss A", "3/14/2026 9:05:31 PM", 1_773_522_331),  // (2026,3,14,21,5,31) - 0
    ("M/D/YYYY h:mm:ss A", "3/14/2026 12:00:00 AM", 1_773_446_400),  // (2026,3,14,0,0,0) - 0: midnight
    ("M/D/YYYY h:mm:ss A", "3/14/2026 12:00:00 PM", 1_773_489_600),  // (2026,3,14,12,0,0) - 0: noon
    ("DD-MM-YYYY", "14-03-2026", 1_773_446_400),  // (2026,3,14,0,0,0) - 0
    ("DD/MM/YYYY HH:mm", "14/03/2026 09:05", 1_773_479_100),  // (2026,3,14,9,5,0) - 0
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM GMT", 1_773_479_131),  // (2026,3,14,9,5,31) - 0
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM UTC", 1_773_479_131),  // (2026,3,14,9,5,31) - 0
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM gmt", 1_773_479_131),  // (2026,3,14,9,5,31) - 0
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM Z", 1_773_479_131),  // (2026,3,14,9,5,31) - 0
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM GMT+1", 1_773_475_531),  // (2026,3,14,9,5,31) - 3600
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM GMT-05:00", 1_773_497_131),  // (2026,3,14,9,5,31) - (-18000)
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM +01:00", 1_773_475_531),  // (2026,3,14,9,5,31) - 3600
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM +0530", 1_773_459_331),  // (2026,3,14,9,5,31) - 19800
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM UTC-0530", 1_773_498_931),  // (2026,3,14,9,5,31) - (-19800)
    ("YYYY-MM-DD'T'HH:mm:ss", "2026-03-14T09:05:31", 1_773_479_131),  // (2026,3,14,9,5,31) - 0
    ("YYYYMMDD", "20260314", 1_773_446_400),  // (2026,3,14,0,0,0) - 0
    ("D.M.YYYY", "4.3.2026", 1_772_582_400),  // (2026,3,4,0,0,0) - 0
]

// Swift Testing's argument lists take tuples of two; the pattern and value travel as one string.
@Test("token patterns accept the exports' own styles", arguments: tokenAccepted.map { ("\($0.0)|\($0.1)", $0.2) })
func tokensAccept(patternAndValue: String, expected: Int64) throws {
    let parts = patternAndValue.split(separator: "|", maxSplits: 1).map(String.init)
    #expect(try parse(parts[1], pattern: parts[0]) == expected)
}

/// Token patterns with values they must refuse.
private let tokenRefused: [(String, String)] = [
    ("M/D/YYYY", "2/29/2026"), ("M/D/YYYY", "2/29/1900"), ("M/D/YYYY", "2/30/2024"), ("M/D/YYYY", "4/31/2026"),
    ("M/D/YYYY", "13/1/2026"), ("M/D/YYYY", "0/1/2026"), ("M/D/YYYY", "3/0/2026"), ("M/D/YYYY", "3/14/26"),
    ("M/D/YYYY", "3/14/2026x"), ("M/D/YYYY", "3-14-2026"), ("M/D/YYYY", "123/14/2026"), ("M/D/YYYY", ""),
    ("M/D/YYYY", "3/14/2026 9:05"), ("MM/DD/YYYY", "3/14/2026"), ("DD-MM-YYYY", "14-3-2026"),
    ("M/D/YYYY H:mm:ss", "3/14/2026 24:00:00"), ("M/D/YYYY H:mm:ss", "3/14/2026 9:60:00"),
    ("M/D/YYYY H:mm:ss", "3/14/2026 9:05:60"), ("M/D/YYYY H:mm:ss", "3/14/2026 9:5:31"),
    ("M/D/YYYY H:mm:ss", "3/14/2026  9:05:31"), ("M/D/YYYY h:mm:ss A", "3/14/2026 0:05:31 AM"),
    ("M/D/YYYY h:mm:ss A", "3/14/2026 13:05:31 PM"), ("M/D/YYYY h:mm:ss A", "3/14/2026 9:05:31"),
    ("M/D/YYYY h:mm:ss A", "3/14/2026 9:05:31 XM"), ("M/D/YYYY h:mm:ss A", "3/14/2026 9:05:31 A"),
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM"), ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM EST"),
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM GMT+19"), ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM +1"),
    ("YYYY/MM/DD h:mm:ss A Z", "2026/03/14 9:05:31 AM GMT+01:5"), ("YYYY-MM-DD'T'HH:mm:ss", "2026-03-14 09:05:31"),
]

@Test("token patterns refuse partial matches and impossible dates", arguments: tokenRefused.map { "\($0.0)|\($0.1)" })
func tokensRefuse(patternAndValue: String) throws {
    let parts = patternAndValue.split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false).map(String.init)
    #expect(try parse(parts[1], pattern: parts[0]) == nil)
}

/// The end of every unknown-token message.
private let tokenHint =
    "; tokens are YYYY, YY, MM, M, DD, D, HH, H, hh, h, mm, m, ss, s, A, Z (quote other letters, as in 'T')"

/// Patterns that cannot be used, with the exact message each must give.
private let badPatterns: [(String, String)] = [
    ("M/D/YYYY Q", #"timestamp format "M/D/YYYY Q": unknown token "Q""# + tokenHint),
    ("YYY-MM-DD", #"timestamp format "YYY-MM-DD": unknown token "YYY""# + tokenHint),
    ("YY/YYYY/M/D", #"timestamp format "YY/YYYY/M/D": token "YYYY" repeats the year"#),
    ("YYYY-MM-DDTHH:mm", #"timestamp format "YYYY-MM-DDTHH:mm": unknown token "T""# + tokenHint),
    ("HH:mm", #"timestamp format "HH:mm": no date part; a pattern needs YYYY or YY, MM or M, and DD or D"#),
    ("", #"timestamp format "": no date part; a pattern needs YYYY or YY, MM or M, and DD or D"#),
    ("MM/YYYY", #"timestamp format "MM/YYYY": the date has no day (DD or D)"#),
    ("M/D/YYYY h:mm", #"timestamp format "M/D/YYYY h:mm": token "h" needs an A (AM/PM) token"#),
    ("M/D/YYYY HH:mm A", #"timestamp format "M/D/YYYY HH:mm A": token "A" needs a 12-hour hour (hh or h)"#),
    ("M/D/YYYY ss", #"timestamp format "M/D/YYYY ss": token "ss" needs a minute (mm or m)"#),
    ("M/D/YYYY mm", #"timestamp format "M/D/YYYY mm": token "mm" needs an hour (HH, H, hh or h)"#),
    ("MD/YYYY", #"timestamp format "MD/YYYY": token "M" reads one or two digits, so it needs a separator before "D""#),
    ("M/D/YYYY/MM", #"timestamp format "M/D/YYYY/MM": token "MM" repeats the month"#),
    ("YYYY-MM-DD'T", #"timestamp format "YYYY-MM-DD'T": unterminated quote; close it with '"#),
]

@Test("a bad pattern throws a message naming the pattern and the token", arguments: badPatterns)
func badPatternThrows(pattern: String, message: String) {
    let error = #expect(throws: TimestampFormatError.self) { try TimestampFormat(pattern: pattern) }
    #expect(error?.description == message)
}

@Test("iso8601 is spelled in any case and compiles to the shared format's layout")
func isoPatternName() throws {
    let format = try TimestampFormat(pattern: "ISO8601")
    #expect(format.pattern == "ISO8601")
    #expect(format.layout == TimestampFormat.iso8601.layout)
    #expect(TimestampFormat.iso8601.pattern == "iso8601")
    #expect(try TimestampFormat(pattern: "M/D/YYYY") == TimestampFormat(pattern: "M/D/YYYY"))
    #expect(try TimestampFormat(pattern: "M/D/YYYY") != TimestampFormat(pattern: "D/M/YYYY"))
}

@Test("a quoted quote is a literal quote")
func quotedQuote() throws {
    // (2026,3,14,0,0,0) - 0
    #expect(try parse("2026'03-14", pattern: "YYYY''MM-DD") == 1_773_446_400)
}

/// `YY` (Microsoft Forms' `3/2/26 9:14:22`) reads two digits as 2000–2099, and only two.
/// python3 -c "import calendar; print(calendar.timegm((2026,3,2,9,14,22)), calendar.timegm((2000,1,1,0,0,0)),
///   calendar.timegm((2099,12,31,23,59,0)))" -> 1772442862 946684800 4102444740
@Test func aTwoDigitYearIsInThisCentury() throws {
    #expect(try parse("3/2/26 9:14:22", pattern: "M/D/YY H:mm:ss") == 1_772_442_862)
    #expect(try parse("1/1/00 0:00:00", pattern: "M/D/YY H:mm:ss") == 946_684_800)
    #expect(try parse("12/31/99 23:59", pattern: "M/D/YY H:mm") == 4_102_444_740)
    #expect(try parse("3/2/2026 9:14:22", pattern: "M/D/YY H:mm:ss") == nil)
    #expect(try parse("3/2/6 9:14:22", pattern: "M/D/YY H:mm:ss") == nil)
}
