import Foundation

/// Fisher's exact test of a 2×2 table, two-sided as `scipy.stats.fisher_exact` computes it.
///
/// With the margins fixed, the top-left count follows the hypergeometric distribution; the
/// two-sided p-value is the total probability of every table no more likely than the one
/// observed. Probabilities are worked in log space (ln C(n, k) from ``IncompleteBeta/logGamma(_:)``)
/// so tables of thousands neither overflow nor need a new dependency.
package enum FisherExactTest {
    /// Relative tolerance under which two tables count as equally likely, as scipy's: without
    /// it, rounding would drop a table exactly as likely as the observed one.
    static let tolerance = 1e-7

    /// The two-sided p-value of the table `[[a, b], [c, d]]` (non-negative whole counts).
    ///
    /// - Returns: `nil` when a count is negative, not whole, or not finite; 1 when a margin is 0.
    package static func twoSidedPValue(a: Double, b: Double, c: Double, d: Double) -> Double? {
        let counts = [a, b, c, d]
        guard counts.allSatisfy({ $0.isFinite && $0 >= 0 && $0.rounded() == $0 }) else { return nil }
        let rowOne = a + b
        let columnOne = a + c
        let total = a + b + c + d
        let low = max(0, rowOne + columnOne - total)
        let high = min(rowOne, columnOne)
        guard high > low else { return 1 }
        let logPMF = { (x: Double) -> Double in
            logChoose(columnOne, x) + logChoose(total - columnOne, rowOne - x) - logChoose(total, rowOne)
        }
        // Each table's probability relative to the most likely one's, so no term overflows or
        // underflows to nothing; dividing by the total then also cancels the rounding of
        // ln C(N, n) (a table as likely as any gives exactly 1).
        let logs = stride(from: low, through: high, by: 1).map(logPMF)
        let largest = logs.max() ?? 0
        let cutoff = logPMF(a) - largest + log1p(tolerance)
        var included = 0.0
        var excluded = 0.0
        for logP in logs {
            let relative = logP - largest
            if relative <= cutoff { included += exp(relative) } else { excluded += exp(relative) }
        }
        return min(1, included / (included + excluded))
    }

    /// ln C(n, k) for whole 0 ≤ k ≤ n.
    private static func logChoose(_ n: Double, _ k: Double) -> Double {
        IncompleteBeta.logGamma(n + 1) - IncompleteBeta.logGamma(k + 1) - IncompleteBeta.logGamma(n - k + 1)
    }
}
