/// When sample responses arrive: an 18-day fielding window in March 2026, in row order.
enum SampleSchedule {
    /// 2026-03-02T07:30:00Z, the survey's opening (checked with Python's `datetime`).
    static let opening: Int64 = 1_772_436_600
    /// The fielding window, 18 days.
    static let window: Int64 = 18 * 86_400

    /// The submission time of `row` of `rows`: spread evenly, jittered within the row's slot, so
    /// timestamps never go backwards as exports list responses in the order they came in.
    static func submission(row: Int, rows: Int, random: inout SplitMix64) -> SampleClock {
        let count = Int64(max(rows, 1))
        let slot = max(window / count, 1)
        let start = opening + Int64(row) * window / count
        return SampleClock(secondsSinceEpoch: start + Int64(random.below(Int(slot))))
    }
}
