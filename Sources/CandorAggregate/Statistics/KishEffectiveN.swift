/// Kish's effective sample size for weighted data.
///
/// Weighting inflates variance; n_eff = (Σw)² / Σw² is the unweighted sample size with the same
/// precision, so intervals for weighted shares use it in place of the respondent count.
package enum KishEffectiveN {
    /// (Σw)² / Σw², or 0 when there are no positive weights (`sumOfSquaredWeights <= 0`).
    ///
    /// Equal weights give back the count; unequal weights give less.
    package static func effectiveN(sumOfWeights: Double, sumOfSquaredWeights: Double) -> Double {
        guard sumOfSquaredWeights > 0, sumOfWeights.isFinite, sumOfSquaredWeights.isFinite else { return 0 }
        return sumOfWeights * sumOfWeights / sumOfSquaredWeights
    }
}
