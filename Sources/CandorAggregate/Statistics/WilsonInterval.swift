/// The Wilson score interval for a share.
///
/// Chosen over the textbook Wald interval because survey segments are small and shares are often
/// near 0 or 1, where Wald collapses to zero width or leaves `[0, 1]`; Wilson keeps close to its
/// nominal coverage there and never leaves `[0, 1]`.
package enum WilsonInterval {
    /// The two-sided 97.5th percentile of the standard normal distribution, for 95% intervals.
    package static let z95 = 1.959963984540054

    /// The Wilson interval for `successes` out of `n` trials, as fractions in `[0, 1]`.
    ///
    /// With p̂ = successes/n: centre = (p̂ + z²/2n) / (1 + z²/n) and
    /// half-width = z / (1 + z²/n) · √(p̂(1−p̂)/n + z²/4n²).
    /// - Returns: `nil` when `n <= 0`, when `successes` is outside `[0, n]`, or when either is
    ///   not finite.
    package static func interval(successes: Double, n: Double, z: Double = z95) -> Interval? {
        guard n > 0, n.isFinite, successes.isFinite, successes >= 0, successes <= n else { return nil }
        return interval(share: successes / n, effectiveN: n, z: z)
    }

    /// The Wilson interval for a weighted share, with the Kish effective sample size standing in
    /// for `n` (see ``KishEffectiveN``).
    ///
    /// - Parameters:
    ///   - share: The weighted share, a fraction. Values a rounding error outside `[0, 1]`
    ///     (summing weights in two orders) are clamped.
    ///   - effectiveN: The effective sample size; unweighted data pass the count.
    /// - Returns: `nil` when `effectiveN <= 0` or the share is not a fraction.
    package static func interval(share: Double, effectiveN: Double, z: Double = z95) -> Interval? {
        let tolerance = 1e-9
        guard effectiveN > 0, effectiveN.isFinite, share.isFinite, z.isFinite,
            share >= -tolerance, share <= 1 + tolerance
        else { return nil }
        let p = min(max(share, 0), 1)
        let z2 = z * z
        let denominator = 1 + z2 / effectiveN
        let centre = (p + z2 / (2 * effectiveN)) / denominator
        let half = z / denominator * (p * (1 - p) / effectiveN + z2 / (4 * effectiveN * effectiveN)).squareRoot()
        return Interval(low: max(0, centre - half), high: min(1, centre + half), method: .wilson)
    }
}
