import Foundation
import Testing

@testable import CandorClean

/// Every calendar day from 1899-12-31 to 2100-12-31, read through both pattern kinds, against
/// Foundation's Gregorian calendar in UTC as an independent second method.
@Test("every day 1899-12-31…2100-12-31 agrees with Foundation's Gregorian calendar")
func everyDayAgreesWithFoundation() throws {
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(secondsFromGMT: 0))
    let slashed = try TimestampFormat(pattern: "M/D/YYYY H:mm")
    var date = try #require(calendar.date(from: DateComponents(year: 1899, month: 12, day: 31, hour: 13, minute: 7)))
    var checked = 0
    while calendar.component(.year, from: date) <= 2100 {
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        let year = try #require(parts.year), month = try #require(parts.month), day = try #require(parts.day)
        let expected = Int64(date.timeIntervalSince1970)
        let iso = String(format: "%04d-%02d-%02dT13:07", year, month, day)
        let us = "\(month)/\(day)/\(year) 13:07"
        var isoText = iso
        var usText = us
        #expect(isoText.withUTF8 { TimestampFormat.iso8601.parse(UnsafeRawBufferPointer($0)) } == expected, "\(iso)")
        #expect(usText.withUTF8 { slashed.parse(UnsafeRawBufferPointer($0)) } == expected, "\(us)")
        date = try #require(calendar.date(byAdding: .day, value: 1, to: date))
        checked += 1
    }
    // python3 -c "import datetime; print((datetime.date(2101,1,1)-datetime.date(1899,12,31)).days)" -> 73415
    #expect(checked == 73_415)
}
