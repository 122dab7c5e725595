/// Pearson's correlation from running sums, with a two-sided significance test.
///
/// r = (nΣxy − ΣxΣy) / √((nΣx² − (Σx)²)(nΣy² − (Σy)²)); under H₀: ρ = 0,
/// t = r·√((n−2)/(1−r²)) follows Student's t with n − 2 degrees of freedom.
///
/// The sums come from one pass, so the usual cancellation applies when means dwarf spreads; for
/// Likert and 0–10 scores it costs about a digit. Sums of shifted values (x − c, y − d) give the
/// same r and may be passed instead.
package struct Correlation: Sendable, Hashable {
    /// The significance level used by ``isSignificant``.
    package static let significanceLevel = 0.05

    /// The number of pairs.
    package var n: Double
    /// Pearson's r, clamped to [−1, 1].
    package var r: Double
    /// The two-sided p-value; `nil` when n ≤ 2 (no degrees of freedom left).
    package var pValue: Double?

    /// Whether p < 0.05. False when there is no p-value.
    package var isSignificant: Bool {
        guard let pValue else { return false }
        return pValue < Self.significanceLevel
    }

    /// Computes r and its p-value from the six running sums.
    ///
    /// - Returns: `nil` when n < 2, an input is not finite, or either variable is constant
    ///   (r is undefined).
    package init?(
        n: Double, sumX: Double, sumY: Double,
        sumXX: Double, sumYY: Double, sumXY: Double
    ) {
        let inputs = [n, sumX, sumY, sumXX, sumYY, sumXY]
        guard inputs.allSatisfy(\.isFinite), n >= 2 else { return nil }
        let sxx = n * sumXX - sumX * sumX
        let syy = n * sumYY - sumY * sumY
        let sxy = n * sumXY - sumX * sumY
        // Relative thresholds: a constant variable leaves only rounding noise in sxx or syy.
        guard sxx > 1e-12 * n * abs(sumXX), syy > 1e-12 * n * abs(sumYY) else { return nil }
        let r = min(1, max(-1, sxy / (sxx.squareRoot() * syy.squareRoot())))
        self.n = n
        self.r = r
        if n > 2 {
            let df = n - 2
            let oneMinusR2 = 1 - r * r
            let t = oneMinusR2 > 0 ? r * (df / oneMinusR2).squareRoot() : (r > 0 ? Double.infinity : -Double.infinity)
            self.pValue = StudentT.twoSidedPValue(t: t, degreesOfFreedom: df)
        } else {
            self.pValue = nil
        }
    }
}
