/// The running sums behind the figure a segment row shows for a metric, with what its test
/// against the rest of the respondents needs.
///
/// A kind broken down by segments names its tally type; the segment tables, their suppression
/// and their tests are then the same code for every kind.
protocol PrimaryTally: Equatable, Sendable {
    /// Respondents behind the figure, unweighted: the count the anonymity threshold applies to.
    var rawN: Int { get }
    /// The figure, unsuppressed.
    func figure(_ rules: FigureRules) -> Figure
    /// The two-sided p-value of this tally (one group's) against the rest of `overall`.
    func pValue(against overall: Self, rules: FigureRules) -> Double?
    /// The name of the test `pValue` runs, for `SegmentTable.test`.
    static func testName(pooledAnswers: Bool) -> String
}

extension ShareTally: PrimaryTally {
    func figure(_ rules: FigureRules) -> Figure { rules.figure(self) }

    /// The pooled two-proportion z-test on effective counts (raw counts when unweighted).
    func pValue(against overall: ShareTally, rules: FigureRules) -> Double? {
        let weighted = rules.weighted
        let rest = overall.removing(self)
        let groupN = effectiveN(weighted: weighted)
        let restN = rest.effectiveN(weighted: weighted)
        let groupSuccesses = effectiveSuccesses(weighted: weighted)
        return GroupComparison.twoProportionZTest(
            groupSuccesses: groupSuccesses, groupN: groupN,
            totalSuccesses: groupSuccesses + rest.effectiveSuccesses(weighted: weighted), totalN: groupN + restN
        )?.pValue
    }

    static func testName(pooledAnswers: Bool) -> String {
        pooledAnswers
            ? "two-proportion z-test (pooled) of the group's share of answers against the rest of the respondents, "
                + "with respondents (not answers) as the sample size, 5% level"
            : "two-proportion z-test (pooled) of the group against the rest of the respondents, 5% level"
    }
}

extension PromoterTally: PrimaryTally {
    func figure(_ rules: FigureRules) -> Figure { rules.figure(self) }

    /// z = (S_g − S_r) / √(V_g + V_r) with V = 100²·(p₊ + p₋ − (p₊ − p₋)²)/n for each side, the
    /// two sides being independent samples.
    func pValue(against overall: PromoterTally, rules: FigureRules) -> Double? {
        let rest = overall.removing(self)
        guard rest.rawN > 0, let groupScore = score(weighted: rules.weighted),
            let restScore = rest.score(weighted: rules.weighted)
        else { return nil }
        let variance = FigureRules.promoterVariance(groupScore) + FigureRules.promoterVariance(restScore)
        guard variance > 0 else { return nil }
        return StandardNormal.twoSidedPValue(z: (groupScore.score - restScore.score) / variance.squareRoot())
    }

    static func testName(pooledAnswers: Bool) -> String {
        "z-test of the difference between the group's NPS and the rest's, "
            + "Var = 100²·(p₊ + p₋ − (p₊ − p₋)²)/n per side, 5% level"
    }
}
