/// Student's t distribution, for correlation and Welch tests.
package enum StudentT {
    /// P(T ≤ t) with `degreesOfFreedom` (> 0, need not be an integer: Welch's df is not).
    ///
    /// Uses P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½). `nil` when the degrees of freedom are not
    /// positive or `t` is NaN.
    package static func cdf(_ t: Double, degreesOfFreedom: Double) -> Double? {
        guard let tail = twoSidedPValue(t: t, degreesOfFreedom: degreesOfFreedom) else { return nil }
        return t >= 0 ? 1 - tail / 2 : tail / 2
    }

    /// The two-sided p-value P(|T| ≥ |t|) = I_{ν/(ν+t²)}(ν/2, ½).
    ///
    /// Computed from the incomplete beta directly (not as 1 − CDF) so tiny p-values keep their
    /// relative precision. An infinite `t` gives 0.
    package static func twoSidedPValue(t: Double, degreesOfFreedom: Double) -> Double? {
        guard degreesOfFreedom > 0, !t.isNaN, !degreesOfFreedom.isNaN else { return nil }
        if t.isInfinite { return 0 }
        if degreesOfFreedom.isInfinite { return StandardNormal.twoSidedPValue(z: t) }
        let x = degreesOfFreedom / (degreesOfFreedom + t * t)
        return IncompleteBeta.regularized(x: x, a: degreesOfFreedom / 2, b: 0.5)
    }

    /// The quantile t with P(T ≤ t) = `probability`, for intervals such as a mean's
    /// mean ± t(0.975, n − 1)·s/√n.
    ///
    /// Found by bisection on the two-sided p-value, which is monotone in |t|, to the last few
    /// bits of a `Double`; about 60 evaluations of the incomplete beta, made once per figure.
    /// `nil` when the probability is not in (0, 1) or the degrees of freedom are not positive.
    package static func quantile(_ probability: Double, degreesOfFreedom: Double) -> Double? {
        guard probability > 0, probability < 1, degreesOfFreedom > 0, degreesOfFreedom.isFinite else { return nil }
        if probability == 0.5 { return 0 }
        // P(|T| ≥ |t|) for the t sought.
        let tail = 2 * min(probability, 1 - probability)
        var low = 0.0
        var high = 1.0
        while let p = twoSidedPValue(t: high, degreesOfFreedom: degreesOfFreedom), p > tail, high < 1e300 {
            low = high
            high *= 2
        }
        for _ in 0..<2_000 {
            let middle = low + (high - low) / 2
            guard middle > low, middle < high else { break }
            guard let p = twoSidedPValue(t: middle, degreesOfFreedom: degreesOfFreedom) else { return nil }
            if p > tail { low = middle } else { high = middle }
        }
        let t = low + (high - low) / 2
        return probability > 0.5 ? t : -t
    }
}
