/// Tests of whether a figure changed between two waves of a survey.
///
/// The two waves are treated as independent samples. A repeat survey of one workforce only
/// approximates that (many people answer both times, and their answers are correlated), which
/// reports state beside every change. The test follows the figure's interval method, so the
/// change is tested the way the figure's own uncertainty was measured:
/// - a share (Wilson, or Kish–Wilson when weighted): the pooled two-proportion z-test, on the
///   (effective) n;
/// - a mean (t interval): Welch's t-test, each wave's variance recovered from its interval;
/// - a Net Promoter Score or a clustered ratio such as a Likert index: the difference over
///   √(SE₁² + SE₂²), a normal test, each SE recovered from its 95% normal interval;
/// - anything else (correlations, ICC): no test, only the earlier value.
package enum WaveComparison {
    /// How a change was tested.
    package enum Test: String, Sendable, Hashable, CaseIterable {
        /// The pooled two-proportion z-test.
        case twoProportionZ = "two_proportion_z"
        /// Welch's unequal-variances t-test.
        case welchT = "welch_t"
        /// A normal test of the difference with both waves' standard errors.
        case normalDifference = "normal_difference"
    }

    /// The change of one figure between two waves.
    package struct Outcome: Sendable, Equatable {
        /// Now minus before, in the figure's units.
        package var difference: Double
        /// The test used, `nil` when the figure's kind is compared without one.
        package var test: Test?
        /// The two-sided p-value; `nil` without a test or when it is undefined.
        package var pValue: Double?
    }

    /// Compares `current` with `previous`; `nil` when either is suppressed or has no value.
    ///
    /// - Parameter testable: False for kinds compared by their earlier value only (drivers,
    ///   variance_share).
    package static func compare(current: Figure, previous: Figure, testable: Bool = true) -> Outcome? {
        guard !current.suppressed, !previous.suppressed, let now = current.value, let before = previous.value else {
            return nil
        }
        var outcome = Outcome(difference: now - before, test: nil, pValue: nil)
        guard testable, let method = current.interval?.method, method == previous.interval?.method else {
            return outcome
        }
        switch method {
        case .wilson, .kishWilson:
            outcome.test = .twoProportionZ
            let (n1, n2) = (sampleSize(current), sampleSize(previous))
            outcome.pValue =
                GroupComparison.twoProportionZTest(
                    groupSuccesses: now * n1, groupN: n1, totalSuccesses: now * n1 + before * n2, totalN: n1 + n2)?
                .pValue
        case .t:
            outcome.test = .welchT
            if let first = meanSummary(current), let second = meanSummary(previous) {
                outcome.pValue = GroupComparison.welchTTest(first, second)?.pValue
            }
        case .npsNormal, .clustered:
            outcome.test = .normalDifference
            if let first = normalStandardError(current), let second = normalStandardError(previous) {
                let standardError = (first * first + second * second).squareRoot()
                if standardError > 0 {
                    outcome.pValue = StandardNormal.twoSidedPValue(z: (now - before) / standardError)
                }
            }
        case .fICC, .fisherZ:
            break
        }
        return outcome
    }

    /// The n a figure's interval used: the Kish effective n when weighted, else the raw n.
    private static func sampleSize(_ figure: Figure) -> Double {
        figure.effectiveN ?? Double(figure.n)
    }

    /// A mean's n, mean and sample variance, the variance recovered from its t interval:
    /// half-width = t(0.975, n − 1)·s/√n.
    private static func meanSummary(_ figure: Figure) -> GroupComparison.MeanSummary? {
        let n = sampleSize(figure)
        guard let mean = figure.value, let interval = figure.interval, n > 1,
            let t = StudentT.quantile(0.975, degreesOfFreedom: n - 1)
        else { return nil }
        let standardError = (interval.high - interval.low) / 2 / t
        return GroupComparison.MeanSummary(n: n, mean: mean, variance: standardError * standardError * n)
    }

    /// The standard error behind a 95% normal interval, value ± z·SE. An interval may be clamped
    /// at a bound of its scale (an NPS at ±100, a share at 0 or 1), so the half-width is read on
    /// the side that reaches further from the value; `nil` for an interval of no width.
    private static func normalStandardError(_ figure: Figure) -> Double? {
        guard let value = figure.value, let interval = figure.interval else { return nil }
        let half = max(value - interval.low, interval.high - value)
        return half > 0 ? half / WilsonInterval.z95 : nil
    }
}
