import Testing

@testable import CandorAggregate

/// The distributions behind the tests, against scipy 1.17.1 (`from scipy import stats, special`).
struct DistributionStatisticsTests {
    struct TCase: Sendable {
        var t: Double
        var df: Double
        var twoSided: Double
        var lowerTailOfMinusT: Double
    }

    // 2*stats.t.sf(t, df), stats.t.cdf(-t, df)
    @Test(arguments: [
        TCase(t: 2.5, df: 7, twoSided: 0.04099221858575289, lowerTailOfMinusT: 0.020496109292876444),
        TCase(t: 1.3, df: 3.5, twoSided: 0.2725954158043702, lowerTailOfMinusT: 0.1362977079021851),
        TCase(t: 0.1, df: 1, twoSided: 0.936548965138893, lowerTailOfMinusT: 0.4682744825694465),
        TCase(t: 4.0, df: 10000, twoSided: 6.379866882313968e-05, lowerTailOfMinusT: 3.189933441156984e-05),
        TCase(t: 12.0, df: 30, twoSided: 5.580185415199261e-13, lowerTailOfMinusT: 2.7900927075996303e-13),
    ])
    func studentT(_ c: TCase) {
        expectClose(StudentT.twoSidedPValue(t: c.t, degreesOfFreedom: c.df), c.twoSided)
        expectClose(StudentT.twoSidedPValue(t: -c.t, degreesOfFreedom: c.df), c.twoSided)
        expectClose(StudentT.cdf(-c.t, degreesOfFreedom: c.df), c.lowerTailOfMinusT)
        expectClose(StudentT.cdf(c.t, degreesOfFreedom: c.df), 1 - c.lowerTailOfMinusT)
    }

    @Test func studentTEdges() {
        #expect(StudentT.twoSidedPValue(t: 1, degreesOfFreedom: 0) == nil)
        #expect(StudentT.twoSidedPValue(t: .nan, degreesOfFreedom: 3) == nil)
        #expect(StudentT.twoSidedPValue(t: .infinity, degreesOfFreedom: 3) == 0)
        #expect(StudentT.twoSidedPValue(t: 0, degreesOfFreedom: 3) == 1)
    }

    struct BetaCase: Sendable {
        var x: Double
        var a: Double
        var b: Double
        var expected: Double
    }

    // special.betainc(a, b, x)
    @Test(arguments: [
        BetaCase(x: 0.3, a: 2, b: 3, expected: 0.34829999999999994),
        BetaCase(x: 0.9, a: 0.5, b: 0.5, expected: 0.7951672353008665),
        BetaCase(x: 0.01, a: 10, b: 0.5, expected: 1.770034965528571e-21),
        BetaCase(x: 0.7, a: 150, b: 30, expected: 1.5606733287510234e-05),
        BetaCase(x: 0.5, a: 1, b: 1, expected: 0.5),
    ])
    func incompleteBeta(_ c: BetaCase) {
        expectClose(IncompleteBeta.regularized(x: c.x, a: c.a, b: c.b), c.expected)
    }

    @Test func incompleteBetaDomain() {
        #expect(IncompleteBeta.regularized(x: 0, a: 2, b: 3) == 0)
        #expect(IncompleteBeta.regularized(x: 1, a: 2, b: 3) == 1)
        #expect(IncompleteBeta.regularized(x: 1.1, a: 2, b: 3) == nil)
        #expect(IncompleteBeta.regularized(x: 0.5, a: 0, b: 3) == nil)
    }

    @Test func logGamma() {
        // special.gammaln(0.5), (10), (150.25), (0.1)
        expectClose(IncompleteBeta.logGamma(0.5), 0.5723649429247)
        expectClose(IncompleteBeta.logGamma(10), 12.801827480081469)
        expectClose(IncompleteBeta.logGamma(150.25), 601.2615040324997)
        expectClose(IncompleteBeta.logGamma(0.1), 2.252712651734206)
    }

    @Test func standardNormal() {
        // stats.norm.cdf(-1.96), stats.norm.cdf(-8), stats.norm.cdf(1.0), 2*stats.norm.sf(3)
        expectClose(StandardNormal.cdf(-1.96), 0.024997895148220435)
        expectClose(StandardNormal.cdf(-8), 6.22096057427174e-16)
        expectClose(StandardNormal.cdf(1), 0.8413447460685429)
        expectClose(StandardNormal.twoSidedPValue(z: 3), 0.0026997960632601866)
        expectClose(StandardNormal.twoSidedPValue(z: -3), 0.0026997960632601866)
        #expect(StandardNormal.twoSidedPValue(z: .nan) == nil)
    }
}
