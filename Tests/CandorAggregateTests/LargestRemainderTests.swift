import Testing

@testable import CandorAggregate

/// Hamilton's method, worked by hand: quotas, floors, then the left-over units to the largest
/// remainders (ties to the lower index).
struct LargestRemainderTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var counts: [Double]
        var decimals: Int
        var expected: [Double]
        var testDescription: String { "\(counts) @\(decimals)" }
    }

    @Test(arguments: [
        // 33.33 each: floors 99, one unit left, tie -> index 0.
        Case(counts: [1, 1, 1], decimals: 0, expected: [34, 33, 33]),
        // 333.3 tenths each: floors 999, one tenth left -> index 0.
        Case(counts: [1, 1, 1], decimals: 1, expected: [33.4, 33.3, 33.3]),
        Case(counts: [1, 3], decimals: 0, expected: [25, 75]),
        // 100/7 = 14.29 each: floors 98, two units to indices 0 and 1.
        Case(counts: [2, 2, 2, 2, 2, 2, 2], decimals: 0, expected: [15, 15, 14, 14, 14, 14, 14]),
        // 16.67, 33.33, 50: floors 99, the unit goes to the .67.
        Case(counts: [10, 20, 30], decimals: 0, expected: [17, 33, 50]),
        // Largest remainder beats a lower index: 2/7 = 28.57, 5/7 = 71.43 -> 29, 71.
        Case(counts: [2, 5], decimals: 0, expected: [29, 71]),
        Case(counts: [0, 5, 0], decimals: 0, expected: [0, 100, 0]),
        Case(counts: [0, 0], decimals: 0, expected: [0, 0]),
        Case(counts: [], decimals: 0, expected: []),
        // A negative count is bad data and counts as 0.
        Case(counts: [-4, 1, 1], decimals: 0, expected: [0, 50, 50]),
    ])
    func percentages(_ c: Case) {
        #expect(LargestRemainder.percentages(counts: c.counts, decimals: c.decimals) == c.expected)
    }

    @Test(arguments: [0, 1, 2, 3])
    func unitsAlwaysAddUp(decimals: Int) {
        var total = 100
        for _ in 0..<decimals { total *= 10 }
        // Awkward shares: sevenths, thirds, primes and a weighted share.
        let tables: [[Double]] = [
            [1, 2, 4], [3, 3, 3, 1], [17, 19, 23, 29, 31], [0.7, 1.3, 2.9], [1, 1, 1, 1, 1, 1],
        ]
        for counts in tables {
            #expect(LargestRemainder.units(counts: counts, decimals: decimals).reduce(0, +) == total)
        }
    }
}
