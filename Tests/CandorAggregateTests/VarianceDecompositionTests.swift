import Testing

@testable import CandorAggregate

/// Expected values from the raw scores, not the sums: η² from numpy sums of squares and ICC(1)
/// from scipy's one-way ANOVA F as (F − 1)/(F + k₀ − 1), which is the same estimator:
/// ```
/// groups=[[1,2,2,3,4],[3,4,4,5],[2,2,3],[5,5,4,4,5,3]]; F=stats.f_oneway(*groups).statistic
/// k0=(N-sum(len(g)**2 for g in groups)/N)/(G-1); print(ssb/sst, (F-1)/(F+k0-1))
/// ```
/// (scipy 1.17.1) -> eta2 0.5737843551797039, icc1 0.5451505016722408,
/// ssb 15.077777777777776, ssw 11.200000000000003, sst 26.27777777777778.
struct VarianceDecompositionTests {
    @Test func matchesScipyAnova() throws {
        let groups = [(5.0, 12.0), (4, 16), (3, 7), (6, 26)].map { VarianceDecomposition.Group(n: $0.0, sum: $0.1) }
        let result = try #require(VarianceDecomposition(groups: groups, n: 18, sum: 61, sumOfSquares: 233))
        #expect(result.groupCount == 4)
        expectClose(result.etaSquared, 0.5737843551797039)
        expectClose(result.icc1, 0.5451505016722408)
        expectClose(result.sumOfSquaresBetween, 15.077777777777776)
        expectClose(result.sumOfSquaresWithin, 11.200000000000003)
        expectClose(result.sumOfSquaresTotal, 26.27777777777778)
    }

    @Test func identicalGroupMeansGiveZeroEtaAndNegativeICC() throws {
        // [[1,5],[3,3]]: F = 0 (scipy f_oneway), k0 = 2, so ICC1 = (0 − 1)/(0 + 1) = −1.
        let groups = [VarianceDecomposition.Group(n: 2, sum: 6), .init(n: 2, sum: 6)]
        let result = try #require(VarianceDecomposition(groups: groups, n: 4, sum: 12, sumOfSquares: 44))
        expectClose(result.etaSquared, 0)
        expectClose(result.icc1, -1)
    }

    @Test func shiftedSumsGiveTheSameAnswer() throws {
        // The same data as matchesScipyAnova minus 3 from every score: sums 12−15, 16−12, 7−9, 26−18;
        // Σ(x−3)² = 233 − 6·61 + 9·18 = 29.
        let groups = [(5.0, -3.0), (4, 4), (3, -2), (6, 8)].map { VarianceDecomposition.Group(n: $0.0, sum: $0.1) }
        let result = try #require(VarianceDecomposition(groups: groups, n: 18, sum: 7, sumOfSquares: 29))
        expectClose(result.etaSquared, 0.5737843551797039)
        expectClose(result.icc1, 0.5451505016722408)
    }

    @Test func undefinedCasesGiveNil() throws {
        // A single group (empty groups do not count).
        let single = [VarianceDecomposition.Group(n: 3, sum: 6), .init(n: 0, sum: 0)]
        #expect(VarianceDecomposition(groups: single, n: 3, sum: 6, sumOfSquares: 14) == nil)
        // No variation at all: everyone answered 4.
        let flat = [VarianceDecomposition.Group(n: 2, sum: 8), .init(n: 3, sum: 12)]
        #expect(VarianceDecomposition(groups: flat, n: 5, sum: 20, sumOfSquares: 80) == nil)
        // Group counts that do not add up to N.
        let short = [VarianceDecomposition.Group(n: 2, sum: 3), .init(n: 2, sum: 7)]
        #expect(VarianceDecomposition(groups: short, n: 5, sum: 10, sumOfSquares: 30) == nil)
        // N = G: one person per group, eta² is 1 but ICC(1) has no within-group df.
        let singletons = [VarianceDecomposition.Group(n: 1, sum: 2), .init(n: 1, sum: 4)]
        let result = try #require(VarianceDecomposition(groups: singletons, n: 2, sum: 6, sumOfSquares: 20))
        expectClose(result.etaSquared, 1)
        #expect(result.icc1 == nil)
    }
}
