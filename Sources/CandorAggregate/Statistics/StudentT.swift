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
}
