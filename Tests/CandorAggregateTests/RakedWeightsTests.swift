import Testing

@testable import CandorAggregate

/// Raking weights from cell counts, against the numpy reimplementation of survey::rake.
@Suite("Raked weights")
struct RakedWeightsTests {
    static func expectClose(_ actual: [Double], _ expected: [Double], within tolerance: Double = 5e-7) {
        #expect(
            actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) < tolerance }, "\(actual)"
        )
    }

    /// Cells (A,new) 8, (A,old) 12, (B,new) 5, (B,old) 15 raked to dept (120, 80) and tenure
    /// (70, 130): `python3 Tests/CandorPipelineTests/Reference/rake_run.py` gives 5 sweeps, the
    /// weights 6.163997, 5.890669, 4.137605, 3.954132, design effect 1.040485, effective n 38.44.
    @Test func matchesTheReference() throws {
        let raked = try RakedWeights.fit(
            counts: [8, 12, 5, 15], unmatched: 0, targets: [[120, 80], [70, 130]], population: 200, tolerance: 1e-6,
            maxIterations: 50)
        #expect(raked.iterations == 5)
        Self.expectClose(raked.cellWeights, [6.163997, 5.890669, 4.137605, 3.954132])
        Self.expectClose([raked.minimum, raked.maximum], [3.954132, 6.163997])
        #expect(abs(raked.designEffect - 1.040485) < 5e-7)
        #expect(abs(raked.effectiveN - 38.44) < 0.005)
        #expect(raked.respondents == 40)
    }

    /// A margin with 10 blank roster values (tenure 70 + 120 of 200) is scaled to the 200 the
    /// other margin has, since the fit only converges on margins with one total:
    /// python3 -c "import numpy as np; n=np.array([[8,12],[5,15]],float); r=np.array([120,80.]);
    /// c=np.array([70,120.])*200/190; w=np.ones_like(n)
    /// for s in range(50): w*=(r/(n*w).sum(1))[:,None]; w*=(c/(n*w).sum(0))[None,:]
    /// print(w.round(6))" gives 6.464062, 5.690625, 4.394343, 3.868552.
    @Test func marginsAreScaledToOneTotal() throws {
        let raked = try RakedWeights.fit(
            counts: [8, 12, 5, 15], unmatched: 0, targets: [[120, 80], [70, 120]], population: 200, tolerance: 1e-9,
            maxIterations: 50)
        Self.expectClose(raked.cellWeights, [6.464062, 5.690625, 4.394343, 3.868552])
    }

    /// Respondents in no cell take the mean weight of the others: one margin A 30 / B 20 over 6
    /// and 10 respondents gives weights 5 and 2, mean 50/16 = 3.125; with 4 such respondents,
    /// n = 20, Σw = 62.5, Σw² = 6·25 + 10·4 + 4·3.125² = 229.0625, design effect
    /// 20·229.0625/62.5² = 1.1728.
    @Test func unmatchedRespondentsTakeTheMeanWeight() throws {
        let raked = try RakedWeights.fit(
            counts: [6, 10], unmatched: 4, targets: [[30, 20]], population: 50, tolerance: 1e-9, maxIterations: 10)
        Self.expectClose(raked.cellWeights, [5, 2])
        #expect(raked.unmatchedWeight == 3.125)
        #expect(abs(raked.designEffect - 1.1728) < 1e-12)
        #expect(raked.respondents == 20)
    }

    /// Every level without a respondent is listed, margin by margin.
    @Test func emptyLevelsAreListed() {
        let empty = RakedWeights.emptyLevels(counts: [3, 0, 0, 0, 0, 0], sizes: [2, 3])
        #expect(empty.map(\.margin) == [0, 1, 1] && empty.map(\.level) == [1, 1, 2])
    }
}
