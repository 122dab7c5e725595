import Testing

@testable import CandorCore

/// Civil dates against Python's calendar:
/// python3 -c "import datetime as d; e=d.datetime(1970,1,1,tzinfo=d.timezone.utc)
/// [print(s, e+d.timedelta(seconds=s)) for s in (0,-1,951782400,4107542399,1773479131)]"
/// 0 → 1970-01-01 00:00:00; -1 → 1969-12-31 23:59:59; 951782400 → 2000-02-29 00:00:00;
/// 4107542399 → 2100-02-28 23:59:59; 1773479131 → 2026-03-14 09:05:31
@Suite struct CivilDateTests {
    @Test(arguments: [
        (Int64(0), Int64(1970), Int64(1), Int64(1), Int64(0)),
        (-1, 1969, 12, 31, 86_399),
        (951_782_400, 2000, 2, 29, 0),
        (4_107_542_399, 2100, 2, 28, 86_399),
        (1_773_479_131, 2026, 3, 14, 32_731),
    ])
    func daysAndSecondsMatchPython(seconds: Int64, year: Int64, month: Int64, day: Int64, secondOfDay: Int64) {
        let (date, second) = CivilDate.of(epochSeconds: seconds)
        #expect(date == CivilDate(daysSinceEpoch: (seconds - secondOfDay) / 86_400))
        #expect((date.year, date.month, date.day, second) == (year, month, day, secondOfDay))
    }
}
