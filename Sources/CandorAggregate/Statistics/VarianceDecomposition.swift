/// How much of a score's variance lies between groups (e.g. managers) rather than within them.
///
/// From a one-way ANOVA on per-group sums:
/// - SS_total = Σx² − (Σx)²/N, SS_between = Σ n_g (mean_g − mean)², SS_within = SS_total − SS_between
/// - eta squared η² = SS_between / SS_total
/// - ICC(1), the ANOVA estimator for unequal group sizes: MSB = SS_between/(G−1),
///   MSW = SS_within/(N−G), k₀ = (N − Σn_g²/N)/(G−1), ICC1 = (MSB − MSW)/(MSB + (k₀ − 1)·MSW).
///
/// Numerical stability: SS_between is formed from differences of means, which loses nothing.
/// SS_total comes from the raw sum of squares and so cancels when the mean is large against the
/// spread; for survey scores (a 1–5 mean, a variance near 1) that costs about one digit of a
/// Double's sixteen. All sums of squares are invariant to a shift, so an accumulator may pass
/// sums of (x − c) for any fixed c (the scale midpoint, say) to avoid even that.
package struct VarianceDecomposition: Sendable, Hashable {
    /// One group's count and sum of the score.
    package struct Group: Sendable, Hashable {
        /// Number of observations, n_g.
        package var n: Double
        /// Sum of the score over the group, Σx.
        package var sum: Double

        /// Creates a group summary.
        package init(n: Double, sum: Double) {
            self.n = n
            self.sum = sum
        }
    }

    /// Number of non-empty groups, G.
    package var groupCount: Int
    /// Total number of observations, N.
    package var n: Double
    /// Σ n_g (mean_g − mean)².
    package var sumOfSquaresBetween: Double
    /// Σ (x − mean_g)² over all observations.
    package var sumOfSquaresWithin: Double
    /// Σ (x − mean)².
    package var sumOfSquaresTotal: Double
    /// SS_between / SS_total, in [0, 1].
    package var etaSquared: Double
    /// ICC(1); `nil` when N ≤ G (no within-group degrees of freedom) or its denominator is 0.
    /// May be negative, which is the estimator's honest answer when groups differ less than chance.
    package var icc1: Double?

    /// Decomposes the variance of a score over groups.
    ///
    /// - Parameters:
    ///   - groups: Per-group count and sum; empty groups are ignored. Their counts should add up
    ///     to `n` (checked to a relative 1e-9). Read three times, in order, so a lazy view of an
    ///     accumulator's groups serves and a hundred thousand groups need no array.
    ///   - n: N, the total count.
    ///   - sum: Σx over everyone.
    ///   - sumOfSquares: Σx² over everyone.
    /// - Returns: `nil` when fewer than two groups are non-empty, the group counts do not add up
    ///   to `n`, an input is not finite, or SS_total is 0 (nothing varies).
    package init?(groups: some Collection<Group>, n: Double, sum: Double, sumOfSquares: Double) {
        let nonEmpty = groups.lazy.filter { $0.n > 0 }
        guard n > 0, n.isFinite, sum.isFinite, sumOfSquares.isFinite,
            nonEmpty.allSatisfy({ $0.n.isFinite && $0.sum.isFinite })
        else { return nil }
        let groupCount = nonEmpty.count
        let countSum = nonEmpty.reduce(0) { $0 + $1.n }
        guard groupCount >= 2, abs(countSum - n) <= 1e-9 * n else { return nil }

        let mean = sum / n
        let total = max(0, sumOfSquares - sum * mean)
        // A total this small against Σx² is rounding noise, not variation.
        guard total > 1e-12 * max(sumOfSquares, Double.leastNormalMagnitude) else { return nil }
        var between = 0.0
        var sumOfSquaredCounts = 0.0
        for group in nonEmpty {
            let deviation = group.sum / group.n - mean
            between += group.n * deviation * deviation
            sumOfSquaredCounts += group.n * group.n
        }
        between = min(between, total)
        let within = max(0, total - between)

        self.groupCount = groupCount
        self.n = n
        self.sumOfSquaresBetween = between
        self.sumOfSquaresWithin = within
        self.sumOfSquaresTotal = total
        self.etaSquared = between / total

        let g = Double(groupCount)
        if n > g {
            let msb = between / (g - 1)
            let msw = within / (n - g)
            let k0 = (n - sumOfSquaredCounts / n) / (g - 1)
            let denominator = msb + (k0 - 1) * msw
            self.icc1 = denominator > 0 ? (msb - msw) / denominator : nil
        } else {
            self.icc1 = nil
        }
    }
}
