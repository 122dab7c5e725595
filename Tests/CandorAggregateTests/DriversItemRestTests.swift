import Testing

@testable import CandorAggregate
@testable import CandorClean

/// A `drivers` metric whose outcome is a block holding the items: each item is correlated with
/// the mean of the block's other answered items (item-rest r), not with a score that contains it.
struct DriversItemRestTests {
    /// Fields: 0–2 q1, q2, q3 (agree5, block "engagement"), 3 hours (a number field).
    static let schema = SurveySchema(
        fields: [
            likertField("q1"), likertField("q2"), likertField("q3"),
            FieldSpec(name: "hours", source: ColumnSource(header: "hours"), kind: .number(min: 0, max: 100)),
        ],
        blocks: [SurveySchema.Block(name: "engagement", fields: [0, 1, 2])])

    /// A number field's stored form: the `Double`'s bit pattern.
    static func hours(_ value: Double) -> Int64 { Int64(bitPattern: value.bitPattern) }

    /// The table of Reference/item_rest.py, row for row. The 10th respondent lacks q1 (and
    /// hours); the 11th answered q1 alone, so has no rest score for it.
    static let rows: [[Int64?]] = [
        [4, 5, 3, hours(7.5)], [2, 2, 3, hours(3.25)], [5, 4, 4, hours(8.0)], [1, 2, 2, hours(2.5)],
        [3, 3, 5, hours(6.0)], [4, 4, 4, hours(6.5)], [2, 1, 2, hours(1.0)], [5, 5, 3, hours(9.25)],
        [3, M, 4, hours(4.0)], [M, 2, 3, M], [4, M, M, hours(5.5)], [1, 3, 2, hours(2.0)],
    ]

    static func drivers(_ outcome: Score, rows: [[Int64?]] = rows, schema: SurveySchema = schema) throws -> (
        Figure, [DriverFigure]
    ) {
        let metric = MetricSpec(id: "d", label: "D", kind: .drivers(outcome: outcome, items: [0, 1, 2]))
        let plan = AggregationPlan(schema: schema, metrics: [metric], privacy: PrivacyRules(minGroupSize: 5))
        let result = try #require(aggregate(plan, rows).results(labels: testLabels(schema)).first)
        guard case .drivers(_, let items, let isBinaryOutcome) = result.detail, !isBinaryOutcome else {
            Issue.record("not a drivers detail with a numeric outcome")
            return (result.overall, [])
        }
        return (result.overall, items)
    }

    @Test func anItemOfTheOutcomeBlockIsCorrelatedWithTheRestOfTheBlock() throws {
        let (overall, items) = try Self.drivers(.meanOf(items: [0, 1, 2], name: "engagement"))
        #expect(overall.n == 12)
        // python3 Tests/CandorAggregateTests/Reference/item_rest.py (numpy 2.4.6, scipy 1.17.1):
        //   q1 item-rest: n=10 r=0.8142565312173656 p=0.004134264872522808
        //   q2 item-rest: n=10 r=0.6861124205891432 p=0.028470901126477936
        //   q3 item-rest: n=11 r=0.507846315466781 p=0.11075431474884673
        #expect(items.map(\.item) == ["q1", "q2", "q3"])
        #expect(items.map(\.n) == [10, 10, 11])
        #expect(items.map(\.isItemRest) == [true, true, true])
        expectClose(items[0].r, 0.8142565312173656)
        expectClose(items[0].pValue, 0.004134264872522808, relative: 1e-6)
        expectClose(items[1].r, 0.6861124205891432)
        expectClose(items[1].pValue, 0.028470901126477936, relative: 1e-6)
        expectClose(items[2].r, 0.507846315466781)
        expectClose(items[2].pValue, 0.11075431474884673, relative: 1e-6)
        // Adjusted within the table (Benjamini–Hochberg, the default):
        // python3 -c "from statsmodels.stats.multitest import multipletests as m
        // print(m([0.004134264872522808,0.028470901126477936,0.11075431474884673],method='fdr_bh')[1])"
        //   [0.012402794617568423 0.042706351689716905 0.11075431474884673]
        expectClose(items[0].pAdjusted, 0.012402794617568423, relative: 1e-6)
        expectClose(items[1].pAdjusted, 0.042706351689716905, relative: 1e-6)
        expectClose(items[2].pAdjusted, 0.11075431474884673, relative: 1e-6)
        #expect(items.map(\.significant) == [true, true, false])
    }

    @Test func aNumberFieldIsAnOutcomeAsItIs() throws {
        let (overall, items) = try Self.drivers(.field(3))
        #expect(overall.n == 11)
        // python3 Tests/CandorAggregateTests/Reference/item_rest.py (second part):
        //   q1 with hours: n=11 r=0.9195629312416052 p=6.182773568039222e-05
        //   q2 with hours: n=9 r=0.9050541916725277 p=0.0007905269942672443
        //   q3 with hours: n=10 r=0.5710402407201609 p=0.08467336127039157
        #expect(items.map(\.item) == ["q1", "q2", "q3"])
        #expect(items.map(\.n) == [11, 9, 10])
        #expect(items.map(\.isItemRest) == [false, false, false])
        expectClose(items[0].r, 0.9195629312416052)
        expectClose(items[0].pValue, 6.182773568039222e-05, relative: 1e-6)
        expectClose(items[1].r, 0.9050541916725277)
        expectClose(items[1].pValue, 0.0007905269942672443, relative: 1e-6)
        expectClose(items[2].r, 0.5710402407201609)
    }

    @Test func aLikertItemIsAnOutcomeAsItIs() throws {
        // q1 as the outcome: r(q2, q1) and r(q3, q1) over respondents with both are plain Pearson
        // correlations, and q1 with itself is 1 (a definition may list it; it is not corrected).
        // python3 -c "from scipy.stats import pearsonr; print(pearsonr([5,2,4,2,3,4,1,5,3],[4,2,5,1,3,4,2,5,1]),
        //   pearsonr([3,3,4,2,5,4,2,3,4,2],[4,2,5,1,3,4,2,5,3,1]))"
        //   -> statistic=0.7937253933193771 (q2, n 9), statistic=0.5773502691896257 (q3, n 10)
        let (_, items) = try Self.drivers(.field(0))
        #expect(items.map(\.item) == ["q1", "q2", "q3"])
        #expect(items.map(\.n) == [11, 9, 10])
        expectClose(items[0].r, 1)
        expectClose(items[1].r, 0.7937253933193771)
        expectClose(items[2].r, 0.5773502691896257)
    }

    /// Four items answered independently (uniform on 1–5, a fixed-seed generator): their true
    /// correlation with each other is 0, and so is each item's with the mean of the other
    /// three. Correlated with the mean of all four, each would show r ≈ 1/√4 = 0.5.
    @Test func independentItemsShowNoCorrelationWithTheRestOfTheBlock() throws {
        let schema = SurveySchema(
            fields: (1...4).map { likertField("q\($0)") },
            blocks: [SurveySchema.Block(name: "engagement", fields: [0, 1, 2, 3])])
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func nextPoint() -> Int64 {
            // SplitMix64.
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int64((z ^ (z >> 31)) % 5) + 1
        }
        let rows: [[Int64?]] = (0..<4_000).map { _ in (0..<4).map { _ in nextPoint() } }
        let metric = MetricSpec(
            id: "d", label: "D",
            kind: .drivers(outcome: .meanOf(items: [0, 1, 2, 3], name: "engagement"), items: [0, 1, 2, 3]))
        let plan = AggregationPlan(schema: schema, metrics: [metric], privacy: PrivacyRules(minGroupSize: 5))
        let result = try #require(aggregate(plan, rows).results(labels: testLabels(schema)).first)
        guard case .drivers(_, let items, _) = result.detail else {
            Issue.record("not a drivers detail")
            return
        }
        #expect(items.count == 4)
        // With n = 4,000 the standard error of r is about 1/√n ≈ 0.016; 0.08 is five of them.
        for item in items {
            let r = try #require(item.r)
            #expect(abs(r) < 0.08, "\(item.item): r = \(r)")
        }
    }
}
