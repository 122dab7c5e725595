/// How much of a score's variance lies between groups (e.g. managers) rather than within them.
///
/// From a one-way ANOVA on per-group sums:
/// - SS_total = Σx² − (Σx)²/N, SS_between = Σ n_g (mean_g − mean)², SS_within = SS_total − SS_between
/// - eta squared η² = SS_between / SS_total
/// - ICC(1), the ANOVA estimator for unequal group sizes: MSB = SS_between/(G−1),
///   MSW = SS_within/(N−G), k₀ = (N − Σn_g²/N)/(G−1), ICC1 = (MSB − MSW)/(MSB + (k₀ − 1)·MSW).
/// - The F test of equal group means: F = MSB/MSW on (G − 1, N − G) degrees of freedom, and
///   ICC(1)'s 95% interval from it: F_L = F/F₀.₉₇₅(G−1, N−G), F_U = F·F₀.₉₇₅(N−G, G−1),
///   [(F_L − 1)/(F_L + k₀ − 1), (F_U − 1)/(F_U + k₀ − 1)].
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
    /// The F test and ICC(1)'s F interval; `nil` when N ≤ G or nothing varies within groups.
    package var fTest: FTest?

    /// The ANOVA F test of equal group means, with the interval it gives ICC(1).
    package struct FTest: Sendable, Hashable, Codable {
        /// F = MSB/MSW.
        package var f: Double
        /// G − 1 and N − G.
        package var df1: Double, df2: Double
        /// P(F(df1, df2) > f).
        package var pValue: Double
        /// k₀, the group size ICC(1) uses for unequal groups: (N − Σn_g²/N)/(G − 1).
        package var n0: Double
        /// ICC(1)'s 95% interval (method `fICC`); its bounds may be negative.
        package var icc1Interval: Interval?

        /// Creates a test result.
        package init(f: Double, df1: Double, df2: Double, pValue: Double, n0: Double, icc1Interval: Interval?) {
            self.f = f
            self.df1 = df1
            self.df2 = df2
            self.pValue = pValue
            self.n0 = n0
            self.icc1Interval = icc1Interval
        }
    }

    /// The value eta squared takes on average when groups do not differ at all, (G − 1)/(N − 1):
    /// η² is biased upwards, and with small groups much of it is chance.
    package var etaSquaredChance: Double { groupCount > 1 && n > 1 ? Double(groupCount - 1) / (n - 1) : 0 }

    /// Decomposes the variance of a score over groups.
    ///
    /// - Parameters:
    ///   - groups: Per-group count and sum; empty groups are ignored. Their counts should add up
    ///     to `n` (checked to a relative 1e-9).
    ///   - n: N, the total count.
    ///   - sum: Σx over everyone.
    ///   - sumOfSquares: Σx² over everyone.
    /// - Returns: `nil` when fewer than two groups are non-empty, the group counts do not add up
    ///   to `n`, an input is not finite, or SS_total is 0 (nothing varies).
    package init?(groups: [Group], n: Double, sum: Double, sumOfSquares: Double) {
        var builder = Builder(n: n, sum: sum, sumOfSquares: sumOfSquares)
        for group in groups { builder.add(group) }
        guard let result = builder.result() else { return nil }
        self = result
    }

    private init(
        groupCount: Int, n: Double, sumOfSquaresBetween: Double, sumOfSquaresWithin: Double,
        sumOfSquaresTotal: Double, etaSquared: Double, icc1: Double?, fTest: FTest?
    ) {
        self.groupCount = groupCount
        self.n = n
        self.sumOfSquaresBetween = sumOfSquaresBetween
        self.sumOfSquaresWithin = sumOfSquaresWithin
        self.sumOfSquaresTotal = sumOfSquaresTotal
        self.etaSquared = etaSquared
        self.icc1 = icc1
        self.fTest = fTest
    }

    /// Builds a decomposition from groups handed over one at a time, in one pass: the overall
    /// mean is known from the totals, so no group needs keeping. An accumulator with a hundred
    /// thousand groups feeds them straight from its own storage.
    package struct Builder: Sendable {
        private let n: Double
        private let sum: Double
        private let sumOfSquares: Double
        private let mean: Double
        private var groupCount = 0
        private var countSum = 0.0
        private var between = 0.0
        private var sumOfSquaredCounts = 0.0
        private var allFinite: Bool

        /// Starts a decomposition of N = `n` observations with Σx = `sum` and Σx² = `sumOfSquares`.
        package init(n: Double, sum: Double, sumOfSquares: Double) {
            self.n = n
            self.sum = sum
            self.sumOfSquares = sumOfSquares
            mean = sum / n
            allFinite = n.isFinite && sum.isFinite && sumOfSquares.isFinite
        }

        /// Adds one group; an empty one is ignored.
        package mutating func add(_ group: Group) {
            guard group.n > 0 else { return }
            allFinite = allFinite && group.n.isFinite && group.sum.isFinite
            groupCount += 1
            countSum += group.n
            let deviation = group.sum / group.n - mean
            between += group.n * deviation * deviation
            sumOfSquaredCounts += group.n * group.n
        }

        /// The decomposition of the groups added; `nil` in the cases `VarianceDecomposition.init`
        /// lists.
        package func result() -> VarianceDecomposition? {
            guard n > 0, allFinite, groupCount >= 2, abs(countSum - n) <= 1e-9 * n else { return nil }
            let total = max(0, sumOfSquares - sum * mean)
            // A total this small against Σx² is rounding noise, not variation.
            guard total > 1e-12 * max(sumOfSquares, Double.leastNormalMagnitude) else { return nil }
            let between = min(between, total)
            let within = max(0, total - between)
            let g = Double(groupCount)
            var icc1: Double?
            var fTest: FTest?
            if n > g {
                let msb = between / (g - 1)
                let msw = within / (n - g)
                let k0 = (n - sumOfSquaredCounts / n) / (g - 1)
                let denominator = msb + (k0 - 1) * msw
                icc1 = denominator > 0 ? (msb - msw) / denominator : nil
                if msw > 0 { fTest = Self.fTest(f: msb / msw, df1: g - 1, df2: n - g, n0: k0) }
            }
            return VarianceDecomposition(
                groupCount: groupCount, n: n, sumOfSquaresBetween: between, sumOfSquaresWithin: within,
                sumOfSquaresTotal: total, etaSquared: between / total, icc1: icc1, fTest: fTest)
        }

        /// The F test of `f` on (`df1`, `df2`) and ICC(1)'s interval from it, with group size `n0`.
        private static func fTest(f: Double, df1: Double, df2: Double, n0: Double) -> FTest? {
            guard f.isFinite, let pValue = FDistribution.upperTail(f, d1: df1, d2: df2) else { return nil }
            var interval: Interval?
            if let lowerQuantile = FDistribution.quantile(0.975, d1: df1, d2: df2),
                let upperQuantile = FDistribution.quantile(0.975, d1: df2, d2: df1)
            {
                let fLow = f / lowerQuantile
                let fHigh = f * upperQuantile
                interval = Interval(
                    low: (fLow - 1) / (fLow + n0 - 1), high: (fHigh - 1) / (fHigh + n0 - 1), method: .fICC)
            }
            return FTest(f: f, df1: df1, df2: df2, pValue: pValue, n0: n0, icc1Interval: interval)
        }
    }
}
