import Testing

@testable import CandorAggregate

/// Change since the previous wave, per kind of figure, against scipy 1.17.1 and statsmodels 0.15.0.
struct WaveComparisonTests {
    static func share(_ value: Double, n: Int, effectiveN: Double? = nil, method: IntervalMethod = .wilson) -> Figure {
        // The bounds only name the method: a share's test uses its value and (effective) n.
        Figure(
            value: value, count: value * Double(n), n: n, effectiveN: effectiveN,
            interval: Interval(low: value - 0.05, high: value + 0.05, method: method))
    }

    @Test func aShareIsComparedWithTheTwoProportionZTest() throws {
        // 155 of 250 now, 110 of 200 before:
        // proportions_ztest([155,110],[250,200]) -> (1.4996174932999127, 0.13371351366182527)
        let outcome = try #require(
            WaveComparison.compare(current: Self.share(0.62, n: 250), previous: Self.share(0.55, n: 200)))
        #expect(outcome.test == .twoProportionZ)
        expectClose(outcome.difference, 0.07)
        expectClose(outcome.pValue, 0.13371351366182527)
    }

    @Test func aWeightedShareUsesTheKishEffectiveN() throws {
        // proportions_ztest([0.5*120.5, 0.4*98.2],[120.5,98.2]) -> (1.4771111864871564, 0.13964583541461753)
        let outcome = try #require(
            WaveComparison.compare(
                current: Self.share(0.5, n: 150, effectiveN: 120.5, method: .kishWilson),
                previous: Self.share(0.4, n: 130, effectiveN: 98.2, method: .kishWilson)))
        expectClose(outcome.pValue, 0.13964583541461753)
    }

    @Test func aMeanIsComparedWithWelchsTTestFromItsInterval() throws {
        // Means 3.8 (s² 1.21, n 40) and 3.4 (s² 0.81, n 260); their t intervals
        // m ± t.ppf(0.975, n-1)·√(s²/n): 3.4482029329578276–4.151797067042172 and
        // 3.2900897827846936–3.5099102172153063.
        // stats.ttest_ind_from_stats(3.8,np.sqrt(1.21),40,3.4,np.sqrt(0.81),260,equal_var=False)
        //   -> p 0.033494379219756086
        let now = Figure(
            value: 3.8, n: 40, interval: Interval(low: 3.4482029329578276, high: 4.151797067042172, method: .t))
        let before = Figure(
            value: 3.4, n: 260, interval: Interval(low: 3.2900897827846936, high: 3.5099102172153063, method: .t))
        let outcome = try #require(WaveComparison.compare(current: now, previous: before))
        #expect(outcome.test == .welchT)
        expectClose(outcome.difference, 0.4, relative: 1e-12)
        expectClose(outcome.pValue, 0.033494379219756086, relative: 1e-7)
    }

    static func nps(_ promoters: Double, _ passives: Double, _ detractors: Double) throws -> Figure {
        let score = try #require(NetPromoterScore(promoters: promoters, passives: passives, detractors: detractors))
        return Figure(value: score.score, n: Int(promoters + passives + detractors), interval: score.interval)
    }

    @Test func anNPSIsComparedWithBothVariances() throws {
        // 90/60/50 of 200 (NPS 20) against 70/70/60 of 200 (NPS 5); SE = 100·√((p₊ + p₋ − NPS²)/n):
        // se1=100*np.sqrt((0.45+0.25-0.2**2)/200); se2=100*np.sqrt((0.35+0.30-0.05**2)/200)
        // z=15/np.hypot(se1,se2) -> 1.8551772423093191; 2*stats.norm.sf(z) -> 0.06357092037455438
        let outcome = try #require(
            WaveComparison.compare(current: try Self.nps(90, 60, 50), previous: try Self.nps(70, 70, 60)))
        #expect(outcome.test == .normalDifference)
        expectClose(outcome.difference, 15, relative: 1e-12)
        expectClose(outcome.pValue, 0.06357092037455438, relative: 1e-7)
    }

    @Test func anNPSIntervalClampedAt100StillGivesItsStandardError() throws {
        // 96/3/1 of 100 (NPS 95, interval up to 100.09, clamped to 100) against 180/10/10 of 200 (85):
        // se1=100*np.sqrt((0.97-0.95**2)/100); se2=100*np.sqrt((0.95-0.85**2)/200)
        // z=10/np.hypot(se1,se2) -> 2.348880878058814; p -> 0.018829929872192966
        let now = try Self.nps(96, 3, 1)
        #expect(now.interval?.high == 100)
        let outcome = try #require(WaveComparison.compare(current: now, previous: try Self.nps(180, 10, 10)))
        expectClose(outcome.pValue, 0.018829929872192966, relative: 1e-7)
    }

    @Test func aLikertIndexIsComparedWithItsClusteredStandardErrors() throws {
        // 0.62 (0.58–0.66) against 0.55 (0.50–0.60), SE = half-width / 1.959963984540054:
        // z=0.07/np.hypot(0.04/1.959963984540054, 0.05/1.959963984540054) -> 2.142664640422614
        // 2*stats.norm.sf(z) -> 0.03214003660863746
        let now = Figure(value: 0.62, n: 300, interval: Interval(low: 0.58, high: 0.66, method: .clustered))
        let before = Figure(value: 0.55, n: 280, interval: Interval(low: 0.50, high: 0.60, method: .clustered))
        let outcome = try #require(WaveComparison.compare(current: now, previous: before))
        #expect(outcome.test == .normalDifference)
        expectClose(outcome.pValue, 0.03214003660863746, relative: 1e-9)
    }

    @Test func driversAndVarianceSharesGiveTheEarlierValueWithoutATest() throws {
        let now = Figure(value: 0.31, n: 1000, interval: Interval(low: 0.2, high: 0.4, method: .fICC))
        let before = Figure(value: 0.33, n: 900, interval: Interval(low: 0.2, high: 0.4, method: .fICC))
        let outcome = try #require(WaveComparison.compare(current: now, previous: before))
        #expect(outcome.test == nil && outcome.pValue == nil)
        expectClose(outcome.difference, -0.02, relative: 1e-9)
        let untested = try #require(
            WaveComparison.compare(
                current: Self.share(0.62, n: 250), previous: Self.share(0.55, n: 200), testable: false))
        #expect(untested.test == nil && untested.pValue == nil)
    }

    @Test func aFigureSuppressedInEitherWaveHasNoChange() {
        let hidden = Figure(value: nil, n: 3, suppressed: true, suppressionReason: "below_threshold")
        #expect(WaveComparison.compare(current: hidden, previous: Self.share(0.5, n: 100)) == nil)
        #expect(WaveComparison.compare(current: Self.share(0.5, n: 100), previous: hidden) == nil)
    }
}
