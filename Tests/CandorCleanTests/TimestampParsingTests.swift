import Testing

@testable import CandorClean

/// Reads `value` against `patterns`, compiled in order.
private func match(_ value: String, _ patterns: [String]) throws -> TimestampMatch {
    let formats = try patterns.map { try TimestampFormat(pattern: $0) }
    var value = value
    return value.withUTF8 { TimestampParsing.parse(UnsafeRawBufferPointer($0), formats: formats) }
}

// Expected instants: python3 -c "import calendar; print(calendar.timegm((Y,M,D,0,0,0,0,0,0)))"
// with (Y,M,D) beside each.

@Test("formats that disagree on a value make it ambiguous, never misread")
func disagreementIsAmbiguous() throws {
    #expect(try match("03/04/2026", ["M/D/YYYY", "D/M/YYYY"]) == .ambiguous(formatIndexes: [0, 1]))
    #expect(try match("01/02/2026", ["DD/MM/YYYY", "MM/DD/YYYY", "iso8601"]) == .ambiguous(formatIndexes: [0, 1]))
    #expect(
        try match("03/04/2026", ["M/D/YYYY", "YYYY-MM-DD", "D/M/YYYY", "MM/DD/YYYY"])
            == .ambiguous(formatIndexes: [0, 2, 3]))
}

@Test("formats that agree give the first one's reading")
func agreementTakesFirst() throws {
    // (2026,4,4)
    #expect(try match("04/04/2026", ["M/D/YYYY", "D/M/YYYY"]) == .value(1_775_260_800, formatIndex: 0))
    // (2026,3,14) with 09:05:31 -> calendar.timegm((2026,3,14,9,5,31,0,0,0)) = 1773479131
    #expect(
        try match("2026-03-14 09:05:31", ["iso8601", "YYYY-MM-DD HH:mm:ss"]) == .value(1_773_479_131, formatIndex: 0))
}

@Test("a value only one format accepts takes that format")
func singleMatch() throws {
    // (2026,3,14): the D/M reading would be month 14.
    #expect(try match("3/14/2026", ["M/D/YYYY", "D/M/YYYY"]) == .value(1_773_446_400, formatIndex: 0))
    #expect(try match("14/3/2026", ["M/D/YYYY", "D/M/YYYY"]) == .value(1_773_446_400, formatIndex: 1))
    // A column mixing M/D/YYYY and DD-MM-YYYY: each row is read by its own style.
    // (2026,3,4) and (2026,4,3)
    #expect(try match("03/04/2026", ["M/D/YYYY", "DD-MM-YYYY"]) == .value(1_772_582_400, formatIndex: 0))
    #expect(try match("03-04-2026", ["M/D/YYYY", "DD-MM-YYYY"]) == .value(1_775_174_400, formatIndex: 1))
}

@Test("no accepting format, or no formats, is noMatch")
func noMatch() throws {
    #expect(try match("yesterday", ["M/D/YYYY", "DD-MM-YYYY"]) == .noMatch)
    #expect(try match("2026-02-29", ["iso8601"]) == .noMatch)
    #expect(try match("2026-03-14", []) == .noMatch)
}
