import Foundation

/// The regularized incomplete beta function I_x(a, b), behind the Student t distribution.
///
/// Evaluated by the continued fraction of Numerical Recipes (3rd ed., §6.4) with the modified
/// Lentz method, using the symmetry I_x(a, b) = 1 − I_{1−x}(b, a) so the fraction is only
/// evaluated where it converges quickly (x < (a+1)/(a+b+2)).
package enum IncompleteBeta {
    /// I_x(a, b) for `a, b > 0` and `x` in `[0, 1]`; `nil` outside that domain.
    package static func regularized(x: Double, a: Double, b: Double) -> Double? {
        guard a > 0, b > 0, a.isFinite, b.isFinite, x >= 0, x <= 1 else { return nil }
        if x == 0 { return 0 }
        if x == 1 { return 1 }
        // The front factor x^a (1−x)^b / B(a, b), taken through logarithms to avoid overflow.
        let logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    /// The continued fraction for I_x(a, b) (Numerical Recipes `betacf`), modified Lentz.
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300
        let epsilon = 1e-16
        let qab = a + b
        let qap = a + 1
        let qam = a - 1
        var c = 1.0
        var d = 1 - qab * x / qap
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var h = d
        for m in 1...10_000 {
            let m = Double(m)
            let m2 = 2 * m
            // Even step.
            var aa = m * (b - m) * x / ((qam + m2) * (a + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            h *= d * c
            // Odd step.
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
            d = 1 + aa * d
            if abs(d) < tiny { d = tiny }
            c = 1 + aa / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return h
    }

    /// ln Γ(x) for x > 0 by the Lanczos approximation (g = 7, 9 terms; relative error ~1e-15).
    ///
    /// Our own rather than C's `lgamma`, which writes the global `signgam` and so is a data race
    /// when accumulators run on several tasks.
    package static func logGamma(_ x: Double) -> Double {
        if x < 0.5 {
            // Reflection: Γ(x)Γ(1−x) = π / sin(πx).
            return log(Double.pi / abs(sin(Double.pi * x))) - logGamma(1 - x)
        }
        let coefficients: [Double] = [
            0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313,
            -176.61502916214059, 12.507343278686905, -0.13857109526572012,
            9.9843695780195716e-6, 1.5056327351493116e-7,
        ]
        let y = x - 1
        var sum = coefficients[0]
        for i in 1..<coefficients.count {
            sum += coefficients[i] / (y + Double(i))
        }
        let t = y + 7.5
        return 0.5 * log(2 * Double.pi) + (y + 0.5) * log(t) - t + log(sum)
    }
}
