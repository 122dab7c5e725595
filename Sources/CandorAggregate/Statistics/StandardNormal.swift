import Foundation

/// The standard normal distribution, for z-tests.
package enum StandardNormal {
    /// Φ(x) = P(Z ≤ x) = ½·erfc(−x/√2).
    ///
    /// Written with `erfc` rather than `1 + erf` so the lower tail keeps full relative precision.
    package static func cdf(_ x: Double) -> Double {
        0.5 * erfc(-x / 2.0.squareRoot())
    }

    /// The two-sided p-value P(|Z| ≥ |z|) = erfc(|z|/√2); `nil` for NaN.
    package static func twoSidedPValue(z: Double) -> Double? {
        guard !z.isNaN else { return nil }
        return erfc(abs(z) / 2.0.squareRoot())
    }
}
