import Testing

@testable import CandorAggregate

/// Student's t quantiles, against scipy:
/// `python3 -c "import scipy.stats as s; print([s.t.ppf(p, df) for p, df in [(0.975, 1), …]])"`.
struct StudentTQuantileTests {
    @Test(arguments: [
        (0.975, 1.0, 12.706204736174694),
        (0.975, 2.0, 4.302652729749462),
        (0.975, 9.0, 2.262157162798205),
        (0.975, 29.5, 2.043724966772122),
        (0.975, 1000.0, 1.9623390808264083),
        (0.025, 4.0, -2.7764451051977943),
        (0.995, 3.2, 5.493257258868877),
        (0.6, 7.0, 0.2631668613520229),
    ])
    func quantileMatchesScipy(_ probability: Double, _ df: Double, _ expected: Double) {
        expectClose(StudentT.quantile(probability, degreesOfFreedom: df), expected, relative: 1e-10)
    }

    @Test func quantileEdges() {
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 3) == 0)
        #expect(StudentT.quantile(0, degreesOfFreedom: 3) == nil)
        #expect(StudentT.quantile(1, degreesOfFreedom: 3) == nil)
        #expect(StudentT.quantile(0.975, degreesOfFreedom: 0) == nil)
    }
}
