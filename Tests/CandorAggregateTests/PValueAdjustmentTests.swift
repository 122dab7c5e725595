import Testing

@testable import CandorAggregate

/// Adjusted p-values against statsmodels' `multipletests`.
///
/// python3 -c "from statsmodels.stats.multitest import multipletests as m
/// p=[0.01,0.04,0.03,0.005,0.2,0.04]; print(m(p,method='fdr_bh')[1]); print(m(p,method='holm')[1])"
/// fdr_bh: [0.03, 0.048, 0.048, 0.03, 0.2, 0.048]; holm: [0.05, 0.12, 0.12, 0.03, 0.2, 0.12]
@Suite struct PValueAdjustmentTests {
    let raw: [Double?] = [0.01, 0.04, 0.03, 0.005, 0.2, 0.04]

    @Test func benjaminiHochbergMatchesStatsmodels() {
        let expected = [0.03, 0.048, 0.048, 0.03, 0.2, 0.048]
        let adjusted = PValueAdjustment.benjaminiHochberg.adjusted(raw)
        for (value, want) in zip(adjusted, expected) { #expect(abs(value! - want) < 1e-12) }
    }

    @Test func holmMatchesStatsmodels() {
        let expected = [0.05, 0.12, 0.12, 0.03, 0.2, 0.12]
        let adjusted = PValueAdjustment.holm.adjusted(raw)
        for (value, want) in zip(adjusted, expected) { #expect(abs(value! - want) < 1e-12) }
    }

    /// Untested groups keep their place and do not count in m: [0.01, nil, 0.04] is the
    /// two-test family [0.01, 0.04] (BH: 0.02, 0.04; Holm: 0.02, 0.04).
    @Test func missingTestsStayMissingAndDoNotCount() {
        let withGap: [Double?] = [0.01, nil, 0.04]
        let bh = PValueAdjustment.benjaminiHochberg.adjusted(withGap)
        let holm = PValueAdjustment.holm.adjusted(withGap)
        #expect(bh[1] == nil && holm[1] == nil)
        #expect(abs(bh[0]! - 0.02) < 1e-12 && abs(bh[2]! - 0.04) < 1e-12)
        #expect(abs(holm[0]! - 0.02) < 1e-12 && abs(holm[2]! - 0.04) < 1e-12)
    }

    @Test func noneAndSingleTestsAreUnchanged() {
        #expect(PValueAdjustment.none.adjusted(raw) == raw)
        #expect(PValueAdjustment.holm.adjusted([0.3]) == [0.3])
    }
}
