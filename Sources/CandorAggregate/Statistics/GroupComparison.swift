/// Tests of whether a segment differs from everyone else.
///
/// A segment is part of the overall figure, so comparing it with the overall figure would test
/// it partly against itself. Both tests compare the group with the REST (overall minus group),
/// which are independent samples.
package enum GroupComparison {
    /// The outcome of a z-test.
    package struct ZTest: Sendable, Hashable {
        /// The z statistic; positive when the group is higher than the rest.
        package var z: Double
        /// The two-sided p-value.
        package var pValue: Double
    }

    /// The outcome of Welch's t-test.
    package struct WelchTest: Sendable, Hashable {
        /// The t statistic; positive when the group's mean is higher than the rest's.
        package var t: Double
        /// The Welch–Satterthwaite degrees of freedom (not an integer in general).
        package var degreesOfFreedom: Double
        /// The two-sided p-value.
        package var pValue: Double
    }

    /// The count, mean and sample variance (n − 1 denominator) of a score in one sample.
    package struct MeanSummary: Sendable, Hashable {
        /// Number of observations.
        package var n: Double
        /// The mean.
        package var mean: Double
        /// The sample variance, Σ(x − mean)² / (n − 1).
        package var variance: Double

        /// Creates a summary from its three figures.
        package init(n: Double, mean: Double, variance: Double) {
            self.n = n
            self.mean = mean
            self.variance = variance
        }

        /// Creates a summary from running sums; `nil` when n < 2 or an input is not finite.
        ///
        /// The variance is clamped at 0 against rounding in Σx² − (Σx)²/n.
        package init?(n: Double, sum: Double, sumOfSquares: Double) {
            guard n >= 2, n.isFinite, sum.isFinite, sumOfSquares.isFinite else { return nil }
            let mean = sum / n
            self.init(n: n, mean: mean, variance: max(0, (sumOfSquares - sum * mean) / (n - 1)))
        }
    }

    /// The pooled two-proportion z-test of a group's share against the rest's.
    ///
    /// With the rest = total − group, p = total successes / total n (the pooled share), and
    /// z = (p_group − p_rest) / √(p(1 − p)(1/n_group + 1/n_rest)); the p-value is two-sided.
    /// - Returns: `nil` when the group or the rest is empty, counts are inconsistent (successes
    ///   outside [0, n], group larger than total), or the pooled share is 0 or 1 (no variance:
    ///   nobody, or everybody, has the trait, so there is no difference to test).
    package static func twoProportionZTest(
        groupSuccesses: Double, groupN: Double, totalSuccesses: Double, totalN: Double
    ) -> ZTest? {
        let restSuccesses = totalSuccesses - groupSuccesses
        let restN = totalN - groupN
        let inputs = [groupSuccesses, groupN, totalSuccesses, totalN]
        guard inputs.allSatisfy(\.isFinite), groupN > 0, restN > 0,
            groupSuccesses >= 0, groupSuccesses <= groupN, restSuccesses >= 0, restSuccesses <= restN
        else { return nil }
        let pooled = totalSuccesses / totalN
        let standardError = (pooled * (1 - pooled) * (1 / groupN + 1 / restN)).squareRoot()
        guard standardError > 0 else { return nil }
        let z = (groupSuccesses / groupN - restSuccesses / restN) / standardError
        guard let p = StandardNormal.twoSidedPValue(z: z) else { return nil }
        return ZTest(z: z, pValue: p)
    }

    /// Welch's unequal-variances t-test of two independent samples' means.
    ///
    /// t = (m₁ − m₂) / √(v₁/n₁ + v₂/n₂), with the Welch–Satterthwaite degrees of freedom
    /// ν = (v₁/n₁ + v₂/n₂)² / ((v₁/n₁)²/(n₁−1) + (v₂/n₂)²/(n₂−1)); the p-value is two-sided.
    /// - Returns: `nil` when either side has fewer than 2 observations, an input is not finite,
    ///   or both variances are 0 (the standard error vanishes).
    package static func welchTTest(_ first: MeanSummary, _ second: MeanSummary) -> WelchTest? {
        let inputs = [first.n, first.mean, first.variance, second.n, second.mean, second.variance]
        guard inputs.allSatisfy(\.isFinite), first.n >= 2, second.n >= 2,
            first.variance >= 0, second.variance >= 0
        else { return nil }
        let a = first.variance / first.n
        let b = second.variance / second.n
        let standardError = (a + b).squareRoot()
        guard standardError > 0 else { return nil }
        let t = (first.mean - second.mean) / standardError
        let df = (a + b) * (a + b) / (a * a / (first.n - 1) + b * b / (second.n - 1))
        guard let p = StudentT.twoSidedPValue(t: t, degreesOfFreedom: df) else { return nil }
        return WelchTest(t: t, degreesOfFreedom: df, pValue: p)
    }

    /// Welch's t-test of a group against the rest, from running sums of the group and of everyone.
    ///
    /// The rest's sums are the total's minus the group's. `nil` as for
    /// ``welchTTest(_:_:)``, or when the group is not smaller than the total.
    package static func welchTTest(
        groupN: Double, groupSum: Double, groupSumOfSquares: Double,
        totalN: Double, totalSum: Double, totalSumOfSquares: Double
    ) -> WelchTest? {
        guard
            let group = MeanSummary(n: groupN, sum: groupSum, sumOfSquares: groupSumOfSquares),
            let rest = MeanSummary(
                n: totalN - groupN, sum: totalSum - groupSum, sumOfSquares: totalSumOfSquares - groupSumOfSquares)
        else { return nil }
        return welchTTest(group, rest)
    }
}
