/// Snedecor's F distribution with d₁ and d₂ degrees of freedom, for the ANOVA F test and the
/// interval of ICC(1).
///
/// With x = d₁f/(d₁f + d₂), P(F ≤ f) = I_x(d₁/2, d₂/2) and P(F > f) = I_{1−x}(d₂/2, d₁/2); each
/// tail is taken from its own incomplete beta, not as one minus the other, so a small p-value
/// keeps its relative precision.
package enum FDistribution {
    /// P(F > f), the upper tail: the p-value of an F test. `nil` when a degree of freedom is not
    /// positive and finite or `f` is NaN; 1 for f ≤ 0, 0 for an infinite f.
    package static func upperTail(_ f: Double, d1: Double, d2: Double) -> Double? {
        guard d1 > 0, d2 > 0, d1.isFinite, d2.isFinite, !f.isNaN else { return nil }
        if f <= 0 { return 1 }
        if f.isInfinite { return 0 }
        return IncompleteBeta.regularized(x: d2 / (d2 + d1 * f), a: d2 / 2, b: d1 / 2)
    }

    /// P(F ≤ f). `nil` in the cases `upperTail` lists.
    package static func cdf(_ f: Double, d1: Double, d2: Double) -> Double? {
        guard d1 > 0, d2 > 0, d1.isFinite, d2.isFinite, !f.isNaN else { return nil }
        if f <= 0 { return 0 }
        if f.isInfinite { return 1 }
        return IncompleteBeta.regularized(x: d1 * f / (d1 * f + d2), a: d1 / 2, b: d2 / 2)
    }

    /// The quantile f with P(F ≤ f) = `probability`, such as F₀.₉₇₅(d₁, d₂).
    ///
    /// Bisection on u = d₁f/(d₁f + d₂) in (0, 1), where the incomplete beta is monotone, until
    /// the interval cannot shrink (about 60 steps for u away from 0, a few hundred at most);
    /// made once per figure. For a probability above ½ the upper tail is matched (on 1 − u),
    /// so a quantile far out keeps its precision. `nil` when the probability is not in (0, 1)
    /// or a degree of freedom is not positive and finite.
    package static func quantile(_ probability: Double, d1: Double, d2: Double) -> Double? {
        guard probability > 0, probability < 1, d1 > 0, d2 > 0, d1.isFinite, d2.isFinite else { return nil }
        // Upper: find v = 1 − u with I_v(d₂/2, d₁/2) = 1 − p; lower: u with I_u(d₁/2, d₂/2) = p.
        let upper = probability > 0.5
        let (a, b, target) = upper ? (d2 / 2, d1 / 2, 1 - probability) : (d1 / 2, d2 / 2, probability)
        var low = 0.0
        var high = 1.0
        for _ in 0..<2_000 {
            let middle = low + (high - low) / 2
            guard middle > low, middle < high else { break }
            guard let value = IncompleteBeta.regularized(x: middle, a: a, b: b) else { return nil }
            if value < target { low = middle } else { high = middle }
        }
        let root = low + (high - low) / 2
        // f = (d₂/d₁)·u/(1 − u), with u = 1 − v in the upper case.
        return upper ? (d2 / d1) * (1 - root) / root : (d2 / d1) * root / (1 - root)
    }
}
