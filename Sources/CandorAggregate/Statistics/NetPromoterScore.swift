/// A Net Promoter Score with its 95% confidence interval.
///
/// NPS = 100 · (p₊ − p₋), where p₊ and p₋ are the promoter (9–10) and detractor (0–6) shares.
/// The two shares come from one multinomial sample, so they are negatively correlated and the
/// variance of their difference is
///
///     Var(p₊ − p₋) = (p₊ + p₋ − (p₊ − p₋)²) / n
///
/// and the interval is NPS ± z · 100 · √Var, clamped to [−100, 100]. For weighted data the counts
/// are sums of weights and `n` is the Kish effective sample size.
package struct NetPromoterScore: Sendable, Hashable {
    /// The score in points, −100…100.
    package var score: Double
    /// The confidence interval in points, within [−100, 100].
    package var interval: Interval
    /// p₊, the promoter share (a fraction).
    package var promoterShare: Double
    /// p₋, the detractor share (a fraction).
    package var detractorShare: Double
    /// The sample size the variance used: the effective n when given, else the total count.
    package var n: Double

    /// Computes the score from (possibly weighted) counts.
    ///
    /// - Parameters:
    ///   - promoters: Count (or weight sum) of 9–10 answers.
    ///   - passives: Count (or weight sum) of 7–8 answers.
    ///   - detractors: Count (or weight sum) of 0–6 answers.
    ///   - effectiveN: The Kish effective n for weighted data; `nil` uses the total.
    ///   - z: The normal quantile; the default gives a 95% interval.
    /// - Returns: `nil` when the total or the effective n is not positive, or a count is negative
    ///   or not finite.
    package init?(
        promoters: Double, passives: Double, detractors: Double,
        effectiveN: Double? = nil, z: Double = WilsonInterval.z95
    ) {
        let counts = [promoters, passives, detractors]
        guard counts.allSatisfy({ $0.isFinite && $0 >= 0 }) else { return nil }
        let total = promoters + passives + detractors
        let n = effectiveN ?? total
        guard total > 0, n > 0, n.isFinite else { return nil }
        let plus = promoters / total
        let minus = detractors / total
        let difference = plus - minus
        // Clamped at 0: rounding can leave a hair below zero when everyone is one kind.
        let variance = max(0, (plus + minus - difference * difference) / n)
        let half = z * 100 * variance.squareRoot()
        self.score = 100 * difference
        self.interval = Interval(low: max(-100, score - half), high: min(100, score + half), method: .npsNormal)
        self.promoterShare = plus
        self.detractorShare = minus
        self.n = n
    }
}
