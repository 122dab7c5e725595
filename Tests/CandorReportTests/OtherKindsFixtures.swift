import CandorAggregate

@testable import CandorReport

/// Results of the kinds the main fixture does not cover: Likert, engagement index, variance
/// share and drivers. Intervals: statsmodels `proportion_confint(k, n, method='wilson')`.
enum OtherKindsFixtures {
    static func ci(_ low: Double, _ high: Double) -> Interval { Interval(low: low, high: high, method: .wilson) }

    /// q01: 5, 10, 15, 40, 30 answers of 100 at points 1–5; mean (5 + 20 + 45 + 160 + 150) / 100
    /// = 3.80, rescaled (3.8 − 1) / 4 × 100 = 70. q02 is suppressed.
    static func likert() -> MetricResult {
        let labels = ["Strongly disagree", "Disagree", "Neither", "Agree", "Strongly agree"]
        let counts: [Double] = [5, 10, 15, 40, 30]
        // (0.6041514536665332, 0.7810511470506724) for 70/100
        let favourable = Figure(value: 0.7, count: 70, n: 100, interval: ci(0.6041514536665332, 0.7810511470506724))
        // (0.09305985283656629, 0.23283559590832367) for 15/100
        let fifteen = Figure(value: 0.15, count: 15, n: 100, interval: ci(0.09305985283656629, 0.23283559590832367))
        let q01 = LikertFigure(
            label: "q01", n: 100,
            distribution: (0..<5).map {
                PointShare(point: $0 + 1, label: labels[$0], count: counts[$0], percent: counts[$0])
            },
            favourable: favourable, neutral: fifteen, unfavourable: fifteen, mean: 3.8, mean0to100: 70)
        let hidden = Figure(value: 0.5, count: 1, n: 3).hidden("below_threshold")
        let q02 = LikertFigure(
            label: "q02", n: 3, distribution: [], favourable: hidden, neutral: hidden, unfavourable: hidden, mean: nil,
            mean0to100: nil)
        return MetricResult(
            id: "engagement_items", label: "Engagement items", kind: LikertMetric.self, overall: favourable,
            detail: .likert(items: [q01, q02], index: nil))
    }

    /// 30 of 100 engaged; the other classes are hidden by the display rule (fewer than 100
    /// respondents would be needed in Gallup's practice, here for the test's sake).
    static func engagement() -> MetricResult {
        // (0.21894885294932756, 0.39584854633346667) for 30/100
        let engaged = Figure(value: 0.3, count: 30, n: 100, interval: ci(0.21894885294932756, 0.39584854633346667))
        let hidden = Figure(value: 0.5, count: 50, n: 100).hidden("display_rule")
        return MetricResult(
            id: "engagement", label: "Engagement", kind: EngagementIndexMetric.self, overall: engaged,
            detail: .engagement(
                engaged: engaged, notEngaged: hidden, activelyDisengaged: hidden, meanScore: 3.6,
                rule: "engaged at a mean of 4.0 or more; actively disengaged below 2.5"))
    }

    static func varianceShare() -> MetricResult {
        MetricResult(
            id: "manager_effect", label: "Manager effect", kind: VarianceShareMetric.self,
            overall: Figure(value: 0.0456, n: 480, interval: Interval(low: -0.01, high: 0.12, method: .fICC)),
            detail: .varianceShare(
                VarianceShareFigures(
                    icc1: 0.0456,
                    fTest: VarianceDecomposition.FTest(
                        f: 1.5, df1: 11, df2: 468, pValue: 0.12, n0: 39.9,
                        icc1Interval: Interval(low: -0.01, high: 0.12, method: .fICC)),
                    etaSquared: 0.123456, etaSquaredChance: 0.022965, groups: 12, respondents: 480,
                    groupsBelowThreshold: 3, respondentsBelowThreshold: 7, respondentsWithoutGroup: 2,
                    score: "engagement", grouping: "manager")))
    }

    static func drivers() -> MetricResult {
        MetricResult(
            id: "drivers", label: "What drives engagement", kind: DriversMetric.self,
            overall: Figure(value: nil, n: 100),
            detail: .drivers(
                outcome: "engagement",
                items: [
                    DriverFigure(item: "q01", r: 0.41234, n: 100, pValue: 0.00002, significant: true),
                    DriverFigure(item: "q02", r: nil, n: 3, pValue: nil, significant: false),
                ], isBinaryOutcome: false))
    }

    static func document() -> ReportDocument {
        var document = ReportFixtures.document()
        document.metrics = [likert(), engagement(), varianceShare(), drivers()]
        document.headlines = [.metric(metricID: "engagement_items", template: "")]
        return document
    }
}
