/// Percentages that are rounded yet add up to exactly 100 (Hamilton's largest-remainder method).
///
/// Rounding each share independently can show 99% or 101% in total, which readers take for an
/// error. Each share gets the floor of its quota in units of 10^−decimals percent; the units left
/// over go one each to the largest fractional remainders, ties to the lower index.
package enum LargestRemainder {
    /// The rounded percentages of `counts`.
    ///
    /// - Parameters:
    ///   - counts: Non-negative counts or weight sums; negative or non-finite entries count as 0.
    ///   - decimals: Decimal places, clamped to 0…6.
    /// - Returns: One percentage per count; all 0 when the total is 0 (or `counts` is empty).
    ///   The underlying integer units (see ``units(counts:decimals:)``) add up to exactly
    ///   100·10^decimals; the Doubles are those units scaled, so with decimals their floating-point
    ///   sum can differ from 100 in the last bit.
    package static func percentages(counts: [Double], decimals: Int = 0) -> [Double] {
        let places = min(max(decimals, 0), 6)
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return units(counts: counts, decimals: places).map { Double($0) / scale }
    }

    /// The rounded percentages as integers in units of 10^−decimals percent, adding up to
    /// exactly 100·10^decimals (or all 0 when the total is 0).
    package static func units(counts: [Double], decimals: Int = 0) -> [Int] {
        let places = min(max(decimals, 0), 6)
        var totalUnits = 100
        for _ in 0..<places { totalUnits *= 10 }
        let cleaned = counts.map { $0.isFinite && $0 > 0 ? $0 : 0 }
        let total = cleaned.reduce(0, +)
        guard total > 0, total.isFinite else { return Array(repeating: 0, count: counts.count) }

        // Multiply before dividing so whole-number quotas (e.g. 1 of 4 → 25) come out exact.
        let quotas = cleaned.map { $0 * Double(totalUnits) / total }
        var result = quotas.map { Int($0.rounded(.down)) }
        let remainders = zip(quotas, result).map { $0 - Double($1) }
        // Only non-zero counts take part: a zero stays exactly 0%.
        let candidates = cleaned.indices.filter { cleaned[$0] > 0 }
        // Stable order: largest remainder first, then lower index.
        let order = candidates.sorted { a, b in
            remainders[a] != remainders[b] ? remainders[a] > remainders[b] : a < b
        }
        var leftOver = totalUnits - result.reduce(0, +)
        // Usually 0 ≤ leftOver < candidates; the loops also absorb a quota that rounding pushed a
        // hair over a whole number, so the units always add up.
        var position = 0
        while leftOver > 0 {
            result[order[position % order.count]] += 1
            leftOver -= 1
            position += 1
        }
        position = order.count - 1
        while leftOver < 0, position >= 0 {
            if result[order[position]] > 0 {
                result[order[position]] -= 1
                leftOver += 1
            }
            position -= 1
        }
        return result
    }
}
