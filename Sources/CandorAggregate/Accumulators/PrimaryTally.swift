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
    /// The test of this tally (one group's) against the rest of `overall`, or why there is none.
    func test(against overall: Self, rules: FigureRules) -> GroupTest
    /// The name of the test `test(against:rules:)` runs, for `SegmentTable.test`.
    static func testName(pooledAnswers: Bool) -> String
}

extension ShareTally: PrimaryTally {
    func figure(_ rules: FigureRules) -> Figure { rules.figure(self) }

    /// The pooled two-proportion z-test on effective counts (raw counts when unweighted), or
    /// Fisher's exact test where an expected count of the group-against-rest 2×2 table is under 5.
    ///
    /// Fisher's test needs whole counts of independent respondents: an unweighted share of
    /// respondents. A weighted share, or a share of answers, with small expected counts has no
    /// valid test here.
    func test(against overall: ShareTally, rules: FigureRules) -> GroupTest {
        let weighted = rules.weighted
        let rest = overall.removing(self)
        let groupN = effectiveN(weighted: weighted)
        let restN = rest.effectiveN(weighted: weighted)
        let groupSuccesses = effectiveSuccesses(weighted: weighted)
        let restSuccesses = rest.effectiveSuccesses(weighted: weighted)
        guard rawN > 0, rest.rawN > 0 else { return .tooFewToTest }
        let table = (a: groupSuccesses, b: groupN - groupSuccesses, c: restSuccesses, d: restN - restSuccesses)
        guard GroupTest.expectedCountsSuffice(a: table.a, b: table.b, c: table.c, d: table.d) else {
            guard !weighted, base == weight, overall.base == overall.weight,
                let p = FisherExactTest.twoSidedPValue(a: table.a, b: table.b, c: table.c, d: table.d)
            else { return .tooFewToTest }
            return .fisherExact(pValue: p)
        }
        let z = GroupComparison.twoProportionZTest(
            groupSuccesses: groupSuccesses, groupN: groupN,
            totalSuccesses: groupSuccesses + restSuccesses, totalN: groupN + restN)
        return z.map { .approximate(pValue: $0.pValue) } ?? .undefined
    }

    static func testName(pooledAnswers: Bool) -> String {
        pooledAnswers
            ? "z-test of the group's share of answers against the rest's, each with its standard error clustered by "
                + "respondent (as the interval); too few to test where an expected count of the group-against-rest "
                + "table is under 5"
            : "two-proportion z-test (pooled) of the group against the rest of the respondents, or Fisher's exact test "
                + "(two-sided) where an expected count of the group-against-rest 2×2 table is under 5"
    }
}

extension PromoterTally: PrimaryTally {
    func figure(_ rules: FigureRules) -> Figure { rules.figure(self) }

    /// z = (S_g − S_r) / √(V_g + V_r) with V = 100²·(p₊ + p₋ − (p₊ − p₋)²)/n for each side, the
    /// two sides being independent samples.
    ///
    /// The normal approximation is trusted as a share's is: where the promoters' or the
    /// detractors' group-against-rest table has an expected count under 5 there is no valid test
    /// (no exact test of a difference of two shares is offered).
    func test(against overall: PromoterTally, rules: FigureRules) -> GroupTest {
        let rest = overall.removing(self)
        guard rawN > 0, rest.rawN > 0, let groupScore = score(weighted: rules.weighted),
            let restScore = rest.score(weighted: rules.weighted)
        else { return .tooFewToTest }
        for (group, others) in [
            (groupScore.promoterShare, restScore.promoterShare), (groupScore.detractorShare, restScore.detractorShare),
        ] {
            let a = group * groupScore.n
            let c = others * restScore.n
            guard GroupTest.expectedCountsSuffice(a: a, b: groupScore.n - a, c: c, d: restScore.n - c) else {
                return .tooFewToTest
            }
        }
        let variance = FigureRules.promoterVariance(groupScore) + FigureRules.promoterVariance(restScore)
        guard variance > 0,
            let p = StandardNormal.twoSidedPValue(z: (groupScore.score - restScore.score) / variance.squareRoot())
        else { return .undefined }
        return .approximate(pValue: p)
    }

    static func testName(pooledAnswers: Bool) -> String {
        "z-test of the difference between the group's NPS and the rest's, "
            + "Var = 100²·(p₊ + p₋ − (p₊ − p₋)²)/n per side; too few to test where an expected count of promoters or "
            + "detractors in the group-against-rest table is under 5"
    }
}
