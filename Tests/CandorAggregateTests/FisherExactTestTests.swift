import Testing

@testable import CandorAggregate

/// Fisher's exact test against `scipy.stats.fisher_exact` (scipy 1.17.1, two-sided):
///
///     python3 -c "from scipy.stats import fisher_exact; print(fisher_exact([[8, 0], [500, 492]])[1])"
///
/// and likewise for each table below.
@Suite struct FisherExactTestTests {
    @Test(arguments: [
        // (a, b, c, d, scipy's p)
        (8.0, 0.0, 500.0, 492.0, 0.007650425438943833),
        (1, 7, 30, 962, 0.22339675412971233),
        (3, 5, 100, 892, 0.04046773521829753),
        (0, 10, 5, 5, 0.032507739938080496),
        (7, 1, 200, 800, 9.370108147139963e-05),
        (8, 0, 100, 80, 0.02175781049637167),
        // Far in the tails: probabilities of 1e-8 and less, summed without underflow.
        (0, 8, 900, 100, 1.3693179999395195e-08),
        (2, 1500, 60, 3000, 1.1086630204235295e-08),
    ])
    func matchesScipy(_ table: (Double, Double, Double, Double, Double)) {
        let p = FisherExactTest.twoSidedPValue(a: table.0, b: table.1, c: table.2, d: table.3)
        expectClose(p, table.4, relative: 1e-9)
    }

    @Test func aTableAsLikelyAsAnyGivesOne() {
        // fisher_exact([[2, 3], [3, 2]]) and [[5, 5], [50, 50]]: p = 1.0 (the observed table is the mode).
        #expect(FisherExactTest.twoSidedPValue(a: 2, b: 3, c: 3, d: 2) == 1)
        #expect(FisherExactTest.twoSidedPValue(a: 5, b: 5, c: 50, d: 50) == 1)
        // A margin of 0 leaves one possible table.
        #expect(FisherExactTest.twoSidedPValue(a: 0, b: 4, c: 0, d: 9) == 1)
    }

    @Test func countsThatAreNotWholeHaveNoExactTest() {
        #expect(FisherExactTest.twoSidedPValue(a: 1.5, b: 4, c: 3, d: 9) == nil)
        #expect(FisherExactTest.twoSidedPValue(a: -1, b: 4, c: 3, d: 9) == nil)
        #expect(FisherExactTest.twoSidedPValue(a: .nan, b: 4, c: 3, d: 9) == nil)
    }
}
