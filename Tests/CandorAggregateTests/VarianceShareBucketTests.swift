import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Variance share of a mean of three items when respondents skip items, so a group's sums fall
/// in several buckets (one per number of answered items); and merging and code remapping.
@Suite struct VarianceShareBucketTests {
    static let schema = SurveySchema(fields: [
        categoryField("team", ["A", "B", "C", "D"]),
        FieldSpec(name: "q1", source: ColumnSource(header: "q1"), kind: .integer(min: 1, max: 5)),
        FieldSpec(name: "q2", source: ColumnSource(header: "q2"), kind: .integer(min: 1, max: 5)),
        FieldSpec(name: "q3", source: ColumnSource(header: "q3"), kind: .integer(min: 1, max: 5)),
    ])
    static let plan = AggregationPlan(
        schema: schema,
        metrics: [
            MetricSpec(
                id: "eta", label: "Eta",
                kind: .varianceShare(score: .meanOf(items: [1, 2, 3], name: "index"), group: 0))
        ],
        privacy: PrivacyRules(minGroupSize: 1))
    static let rules = FigureRules(minGroupSize: 1, maxIntervalWidth: 1, weighted: false)

    /// Scores (mean of the answered items): team 0 {1.5, 3, 5}, team 1 {4, 3}, team 3 {2, 1, 3};
    /// team 2's one respondent answered nothing, the last respondent has no team. Team 3 comes
    /// first, and teams 0 and 3 start in different buckets, so the first bucket is not always
    /// the same one.
    static let rows: [[Int64?]] = [
        [3, 2, 2, 2], [0, 1, 2, nil], [0, 3, 3, 3], [1, 4, 4, 4], [2, nil, nil, nil], [0, 5, nil, nil],
        [3, 1, 1, 1], [1, 2, nil, 4], [nil, 5, 5, 5], [3, 3, nil, nil],
    ]

    static func accumulator(_ rows: [[Int64?]]) -> VarianceShareAccumulator {
        aggregate(plan, rows).accumulator(0, as: VarianceShareAccumulator.self)!
    }

    /// `rows` with each team code `c` replaced by `mapping[c]`.
    static func recoded(_ rows: [[Int64?]], _ mapping: [Int]) -> [[Int64?]] {
        rows.map { row in [row[0].map { Int64(mapping[Int($0)]) }] + row.dropFirst() }
    }

    @Test func groupsSumEachBucketApart() {
        // Respondents, Σw, Σ numerator for 1, 2, 3 answered items, then Σ numerator² likewise:
        // team 0 has 5 (one item), 1 + 2 (two), 3 + 3 + 3 (three); team 3 has 3 (one), 2 + 2 + 2
        // and 1 + 1 + 1 (three).
        let sums = Self.accumulator(Self.rows).groupSums()
        #expect(
            sums == [
                0: [3, 3, 5, 3, 9, 25, 9, 81], 1: [2, 2, 0, 6, 12, 0, 36, 144], 3: [3, 3, 3, 0, 9, 9, 0, 45],
            ])
    }

    @Test func completeScoresAreReadOffTheirOneBucket() throws {
        // Every respondent answered all three items: team 0 scores 2, 3, 4 (item sums 6, 9, 12),
        // team 1 scores 5 and 5 (15, 15). Worked by hand over the scores: grand mean 19/5,
        // SS_total = 3.24 + 0.64 + 0.04 + 1.44 + 1.44 = 6.8, SS_between = 3 (3 − 3.8)² + 2 (5 − 3.8)²
        // = 4.8, so eta² = 4.8 / 6.8 = 12/17.
        let rows: [[Int64?]] = [[0, 2, 2, 2], [0, 3, 3, 3], [1, 5, 5, 5], [0, 4, 4, 4], [1, 5, 5, 5]]
        let accumulator = Self.accumulator(rows)
        let (figure, detail) = accumulator.result(Self.rules)
        guard case .varianceShare(let figures) = detail else {
            Issue.record("not a variance share detail")
            return
        }
        let eta = try #require(figures.etaSquared)
        #expect(abs(eta - 12.0 / 17.0) < 1e-12)
        #expect(figure.n == 5)
        // The one-bucket reading gives what the full per-bucket sums give.
        let reader = ScoreReader(.meanOf(items: [1, 2, 3], name: "index"), schema: Self.schema)
        for (code, sums) in accumulator.groupSums() {
            let totals = accumulator.groups.scoreTotals(ofGroup: code, score: reader)
            #expect(totals.weight == sums[1])
            #expect(totals.total == reader.total(Array(sums[2..<5])))
            #expect(totals.squares == reader.totalOfSquares(Array(sums[5..<8])))
        }
    }

    @Test func etaSquaredAndICCFromMixedBuckets() throws {
        guard case .varianceShare(let figures) = Self.accumulator(Self.rows).result(Self.rules).1 else {
            Issue.record("not a variance share detail")
            return
        }
        let (eta, icc, groups, respondents, below) = (
            figures.etaSquared, figures.icc1, figures.groups, figures.respondents, figures.groupsBelowThreshold
        )
        // N = 8, Σx = 22.5, Σx² = 75.25: SS_total = 1149/96; SS_between = Σ sum_g²/n_g − Σx²/N
        // = 9.5²/3 + 7²/2 + 6²/3 − 22.5²/8 = 317/96, so eta² = 317/1149. ICC(1): MSB = 317/192,
        // MSW = (832/96)/5 = 26/15, k0 = (8 − 22/8)/2 = 21/8: (MSB − MSW)/(MSB + (k0 − 1) MSW)
        // = −79/4289 (python3 fractions).
        #expect(abs(try #require(eta) - 317.0 / 1149.0) < 1e-12)
        #expect(abs(try #require(icc) - -79.0 / 4289.0) < 1e-12)
        #expect(groups == 3)
        #expect(respondents == 8)
        #expect(below == 0)
    }

    @Test func groupsBelowTheThresholdAreCountedApart() {
        let rules = FigureRules(minGroupSize: 3, maxIntervalWidth: 1, weighted: false)
        guard case .varianceShare(let figures) = Self.accumulator(Self.rows).result(rules).1 else {
            Issue.record("not a variance share detail")
            return
        }
        let (groups, respondents, below) = (figures.groups, figures.respondents, figures.groupsBelowThreshold)
        // Team 1 has 2 respondents; teams 0 and 3 have 3 each.
        #expect(groups == 2)
        #expect(respondents == 6)
        #expect(below == 1)
    }

    @Test(arguments: 0...10)
    func mergingHalvesInEitherOrderGivesTheWhole(split: Int) {
        let whole = Self.accumulator(Self.rows)
        for (first, second) in [(Self.rows[..<split], Self.rows[split...]), (Self.rows[split...], Self.rows[..<split])]
        {
            var merged = Self.accumulator(Array(first))
            merged.merge(Self.accumulator(Array(second)))
            #expect(merged == whole)
            #expect(merged.groupSums() == whole.groupSums())
            #expect(merged.result(Self.rules) == whole.result(Self.rules))
        }
    }

    /// Weights 1 except 2 for row 6 and 0.5 for row 7, so Σw is kept from row 6 on.
    static let weights: [Double] = [1, 1, 1, 1, 1, 1, 2, 0.5, 1, 1]

    @Test func weightsOtherThanOneAreSummedFromThenOn() {
        let sums = aggregate(Self.plan, Self.rows, weights: Self.weights).accumulator(
            0, as: VarianceShareAccumulator.self)!.groupSums()
        // Team 1: weights 1 (12 in the three-item bucket) and 0.5 (6 in the two-item bucket);
        // team 3: 1 (6, three items), 2 (3, three items), 1 (3, one item).
        #expect(
            sums == [
                0: [3, 3, 5, 3, 9, 25, 9, 81], 1: [2, 1.5, 0, 3, 12, 0, 18, 144], 3: [3, 4, 3, 0, 12, 9, 0, 54],
            ])
    }

    @Test(arguments: 0...10)
    func weightedAndUnweightedHalvesMergeToTheWhole(split: Int) {
        let whole = aggregate(Self.plan, Self.rows, weights: Self.weights).accumulator(
            0, as: VarianceShareAccumulator.self)!
        let halves = [
            (Array(Self.rows[..<split]), Array(Self.weights[..<split])),
            (Array(Self.rows[split...]), Array(Self.weights[split...])),
        ]
        for (first, second) in [(halves[0], halves[1]), (halves[1], halves[0])] {
            var merged = aggregate(Self.plan, first.0, weights: first.1).accumulator(
                0, as: VarianceShareAccumulator.self)!
            merged.merge(
                aggregate(Self.plan, second.0, weights: second.1).accumulator(0, as: VarianceShareAccumulator.self)!)
            #expect(merged == whole)
            #expect(merged.result(Self.rules) == whole.result(Self.rules))
        }
    }

    @Test(arguments: [[0, 1, 2, 3], [7, 2, 5, 0], [3, 2, 1, 0], [40_000, 9, 1_000, 70_000]])
    func mergingThroughARecodingIsAsIfTheCodesHadBeenOthers(mapping: [Int]) {
        let direct = Self.accumulator(Self.recoded(Self.rows, mapping))
        let recoder = GroupRecoder(
            recoding: CategoryRecoding(codes: [0: mapping]), segmentFields: [], pairFields: [])
        // The second half, built with the old codes, merged into the first built with the new ones.
        var merged = Self.accumulator(Self.recoded(Array(Self.rows[..<4]), mapping))
        merged.merge(Self.accumulator(Array(Self.rows[4...])), recoding: recoder)
        #expect(merged == direct)
        #expect(merged.result(Self.rules) == direct.result(Self.rules))
        var whole = Self.accumulator([])
        whole.merge(Self.accumulator(Self.rows), recoding: recoder)
        #expect(whole.groupSums() == direct.groupSums())
    }
}
