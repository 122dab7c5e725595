/// One reported number with everything needed to read it honestly: its base, its interval and
/// whether it may be shown at all.
package struct Figure: Sendable, Equatable, Codable {
    /// The value: a fraction in [0, 1] for shares, points for scores, a mean for means. `nil`
    /// when suppressed or undefined (n = 0).
    package var value: Double?
    /// The numerator when the figure is a share of respondents (weighted when weights are in
    /// force); `nil` otherwise or when suppressed.
    package var count: Double?
    /// Respondents in the base (raw, unweighted). Suppressed figures still carry it internally
    /// (reports must not show it; see `suppressed`).
    package var n: Int
    /// Kish effective n when weights are in force.
    package var effectiveN: Double?
    /// The 95% interval, in the value's units; `nil` when suppressed or undefined.
    package var interval: Interval?
    /// Hidden for privacy: the group is under the anonymity threshold, or its complement.
    package var suppressed: Bool
    /// Why it is suppressed: `"below_threshold"` (primary) or `"complementary"`.
    package var suppressionReason: String?
    /// The interval is wider than the declared width.
    package var unreliable: Bool
    /// For a Net Promoter Score: its promoters and detractors (weighted when weights are in force).
    /// Shown openly: with the score, its interval and n they are determined anyway, so hiding
    /// them would imply a secrecy the report does not keep. `nil` for other figures or when
    /// suppressed.
    package var promoterSplit: PromoterSplit?
    /// For a share of answers pooled over items (a Likert index): the answers in its base
    /// (weighted when weights are in force), beside `n`, which counts respondents. `nil` for
    /// shares of respondents and other figures, or when suppressed.
    package var answers: Double?

    /// Creates a figure.
    package init(
        value: Double?, count: Double? = nil, n: Int, effectiveN: Double? = nil, interval: Interval? = nil,
        suppressed: Bool = false, suppressionReason: String? = nil, unreliable: Bool = false
    ) {
        self.value = value
        self.count = count
        self.n = n
        self.effectiveN = effectiveN
        self.interval = interval
        self.suppressed = suppressed
        self.suppressionReason = suppressionReason
        self.unreliable = unreliable
    }

    /// This figure with its numbers hidden.
    package func hidden(_ reason: String) -> Figure {
        Figure(
            value: nil, count: nil, n: n, effectiveN: nil, interval: nil, suppressed: true, suppressionReason: reason,
            unreliable: false)
    }
}

/// The promoters and detractors behind a Net Promoter Score (weighted when weights are in force).
package struct PromoterSplit: Sendable, Equatable, Codable {
    /// Respondents answering 9–10.
    package var promoters: Double
    /// Respondents answering 0–6.
    package var detractors: Double

    /// Creates a split.
    package init(promoters: Double, detractors: Double) {
        self.promoters = promoters
        self.detractors = detractors
    }
}
