import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Segment tables adjust their groups' p-values within the table, use Fisher's exact test where a
/// share's z-test conditions fail, and say "too few to test" where no valid test exists.
///
/// The survey (schema of `PrivacyAggregationTests`: dept A–E, left, happy): A 30 of 40 happy,
/// B 12 of 40, C 28 of 40, D 8 of 8, E 30 of 60 (188 respondents, 108 happy). Expected values:
///
///     python3 -c "
///     from statsmodels.stats.proportion import proportions_ztest
///     from statsmodels.stats.multitest import multipletests
///     from scipy.stats import fisher_exact
///     g = {'A': (40, 30), 'B': (40, 12), 'C': (40, 28), 'D': (8, 8), 'E': (60, 30)}
///     N = sum(n for n, k in g.values()); K = sum(k for n, k in g.values()); ps = []
///     for n, k in g.values():
///         rn, rk = N - n, K - k; t = [[k, n - k], [rk, rn - rk]]
///         me = min(r * c / N for r in (n, rn) for c in (K, N - K))
///         ps.append(float(fisher_exact(t)[1] if me < 5 else proportions_ztest([k, rk], [n, rn])[1]))
///     print(ps, list(multipletests(ps, method='fdr_bh')[1]), list(multipletests(ps, method='holm')[1]))"
///
/// D's smallest expected count is 8·80/188 = 3.74 < 5, so D takes Fisher's test.
@Suite struct SegmentAdjustmentTests {
    typealias Privacy = PrivacyAggregationTests

    static let raw = [
        0.011384563057362164, 7.588291826146809e-05, 0.07032512037536795, 0.02175781049637167, 0.15738932047463605,
    ]
    static let bh = [
        0.02846140764340541, 0.0003794145913073404, 0.08790640046920993, 0.03626301749395278, 0.15738932047463605,
    ]
    static let holm = [
        0.045538252229448656, 0.00037941459130734045, 0.1406502407507359, 0.065273431489115, 0.15738932047463605,
    ]

    /// (dept, happy) rows: `count` respondents of `dept`, the first `happy` of them happy.
    static func rows(_ groups: [(dept: Int64, n: Int, happy: Int)]) -> [[Int64?]] {
        groups.flatMap { group in (0..<group.n).map { [group.dept, 0, $0 < group.happy ? 1 : 0] } }
    }

    static let survey = rows([(0, 40, 30), (1, 40, 12), (2, 40, 28), (3, 8, 8), (4, 60, 30)])

    static func table(_ adjustment: PValueAdjustment, weighted: Bool = false) throws -> SegmentTable {
        let schema = weighted ? SurveySchema(fields: Privacy.schema.fields, weightField: 1) : Privacy.schema
        let plan = AggregationPlan(schema: schema, metrics: [Privacy.happy], segments: [0], adjustment: adjustment)
        let weights = weighted ? Array(repeating: 2.0, count: survey.count) : nil
        let result = aggregate(plan, survey, weights: weights).results(labels: testLabels(Privacy.schema))[0]
        return try #require(result.segments.first)
    }

    @Test func benjaminiHochbergIsTheDefault() throws {
        let dept = try Self.table(.benjaminiHochberg)
        #expect(dept.adjustment == .benjaminiHochberg)
        #expect(dept.test.contains("Fisher's exact test") && dept.test.contains("Benjamini–Hochberg"))
        for (index, row) in dept.rows.enumerated() {
            expectClose(row.pValue, Self.raw[index], relative: 1e-9)
            expectClose(row.pAdjusted, Self.bh[index], relative: 1e-9)
            #expect(row.significant == (Self.bh[index] < 0.05))
        }
        #expect(
            dept.rows.map(\.test).map { $0?.code } == [
                "approximate", "approximate", "approximate", "fisher_exact", "approximate",
            ])
    }

    @Test func holmFollowsTheAdjustedPNotTheRawOne() throws {
        let dept = try Self.table(.holm)
        #expect(dept.test.contains("Holm"))
        for (index, row) in dept.rows.enumerated() {
            expectClose(row.pAdjusted, Self.holm[index], relative: 1e-9)
        }
        // D: raw p 0.022 is under 5%, Holm's 0.065 is not; the row follows the adjusted p.
        #expect(dept.rows[3].significant == false)
    }

    @Test func noneLeavesThePValuesRaw() throws {
        let dept = try Self.table(.none)
        #expect(dept.rows.map(\.pAdjusted) == dept.rows.map(\.pValue))
        #expect(dept.rows[3].significant == true)
    }

    @Test func aWeightedSmallGroupIsTooFewToTest() throws {
        // Weights (all 2) turn on effective counts: D's expected count is still 3.74, and Fisher's
        // test does not apply to weighted counts, so D has no p-value and takes no part in the
        // adjustment: the other four are adjusted as a family of 4.
        let dept = try Self.table(.holm, weighted: true)
        #expect(dept.rows[3].test == .tooFewToTest)
        #expect(dept.rows[3].pValue == nil && dept.rows[3].pAdjusted == nil && dept.rows[3].significant == nil)
        let others = [0, 1, 2, 4].map { dept.rows[$0] }
        // multipletests([0.011384563057362164, 7.588291826146809e-05, 0.07032512037536795,
        //   0.15738932047463605], method="holm")[1]
        let expected = [0.03415368917208649, 0.00030353167304587235, 0.1406502407507359, 0.15738932047463605]
        for (row, value) in zip(others, expected) { expectClose(row.pAdjusted, value, relative: 1e-9) }
    }
}
