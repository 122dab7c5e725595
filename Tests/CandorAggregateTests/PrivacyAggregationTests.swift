import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Privacy as the aggregator applies it: the threshold on raw counts, complementary suppression
/// in one-way and two-way segment tables, and totals.
@Suite struct PrivacyAggregationTests {
    /// 0 dept (A, B, C, D, E), 1 left (boolean), 2 happy (boolean).
    static let schema = SurveySchema(fields: [
        categoryField("dept", ["A", "B", "C", "D", "E"]),
        FieldSpec(name: "left", source: ColumnSource(header: "left"), kind: .boolean(.standard)),
        FieldSpec(name: "happy", source: ColumnSource(header: "happy"), kind: .boolean(.standard)),
    ])
    static let happy = MetricSpec(
        id: "happy", label: "Happy", kind: .share(where: .oneOf(field: 2, values: [1]), among: nil, definition: "happy")
    )

    /// Responses with the given (dept, left) cell counts; happy alternates 1, 0 within a cell.
    static func rows(_ cells: [(dept: Int64?, left: Int64?, count: Int)]) -> [[Int64?]] {
        cells.flatMap { cell in (0..<cell.count).map { [cell.dept, cell.left, Int64($0 % 2 == 0 ? 1 : 0)] } }
    }

    @Test func aGroupOfTwoIsHiddenWithItsSmallestSibling() throws {
        // A 2, B 6, C 7, D 9, E none.
        let data = Self.rows([(0, 0, 2), (1, 0, 6), (2, 1, 7), (3, 1, 9)])
        let plan = AggregationPlan(schema: Self.schema, metrics: [Self.happy], segments: [0])
        let result = aggregate(plan, data).results(labels: testLabels(Self.schema))[0]
        #expect(!result.overall.suppressed)
        #expect(result.overall.n == 24)
        let dept = try #require(result.segments.first)
        // E has no respondents: not a row.
        #expect(dept.rows.map { $0.labels[0] } == ["A", "B", "C", "D"])
        #expect(dept.rows.map(\.figure.suppressionReason) == ["below_threshold", "complementary", nil, nil])
        for hidden in dept.rows.prefix(2) {
            #expect(
                hidden.figure
                    == Figure(
                        value: nil, n: hidden.figure.n, suppressed: true,
                        suppressionReason: hidden.figure.suppressionReason))
            #expect(hidden.difference == nil && hidden.pValue == nil)
        }
        // C: 4 of 7 happy.
        #expect(dept.rows[2].figure.count == 4)
        #expect(dept.rows[2].pValue != nil)
    }

    @Test func twoSmallGroupsProtectEachOther() throws {
        // A 2, B 3, C 7: two hidden cells share one equation, nothing else is hidden.
        let data = Self.rows([(0, 0, 2), (1, 0, 3), (2, 1, 7)])
        let plan = AggregationPlan(schema: Self.schema, metrics: [Self.happy], segments: [0])
        let dept = try #require(aggregate(plan, data).results(labels: testLabels(Self.schema))[0].segments.first)
        #expect(dept.rows.map(\.figure.suppressionReason) == ["below_threshold", "below_threshold", nil])
    }

    @Test func theOverallFigureFollowsTheThresholdOnRawCounts() {
        let plan = AggregationPlan(schema: Self.schema, metrics: [Self.happy], segments: [0])
        let small = aggregate(plan, Self.rows([(0, 0, 4)])).results(labels: testLabels(Self.schema))[0]
        #expect(small.overall.suppressed && small.overall.suppressionReason == "below_threshold")
        #expect(small.segments.first?.rows.map(\.figure.suppressed) == [true])
        // Heavy weights do not lift 4 respondents over the threshold (field 2 stands in as the
        // weight field: only its presence, which turns weighting on, matters here).
        let weighted = SurveySchema(fields: Self.schema.fields, weightField: 2)
        let heavy = aggregate(
            AggregationPlan(schema: weighted, metrics: [Self.happy]), Self.rows([(0, 0, 4)]), weights: [50, 50, 50, 50]
        )
        .results(labels: testLabels(Self.schema))[0]
        #expect(heavy.overall.suppressed)
    }

    @Test func aLoneSmallGroupIsHiddenButAMixedTotalStays() throws {
        // 3 respondents in A, 7 with no department: the one-way table's only group is small, but
        // the overall figure also covers the 7, so it does not reveal A.
        let data = Self.rows([(0, 0, 3), (nil, 0, 7)])
        let plan = AggregationPlan(schema: Self.schema, metrics: [Self.happy], segments: [0])
        let result = aggregate(plan, data).results(labels: testLabels(Self.schema))[0]
        #expect(!result.overall.suppressed && result.overall.n == 10)
        #expect(result.segments.first?.rows.map(\.figure.suppressionReason) == ["below_threshold"])
    }

    /// dept × left with A: No 6, Yes 2; B: No 5, Yes 5; C: No 7, Yes 6. Every margin is shown
    /// (8, 10, 13; 18, 13). A/Yes is below the threshold; the cheapest cycle through it in the
    /// row–column graph is A/No (6) → B/No (5) → B/Yes (5), total 16 against A/No → C/No → C/Yes
    /// (19), so those three are its complements and C's cells stay.
    @Test func pairsHideTheCheapestCycleAroundASmallCell() throws {
        let data = Self.rows([(0, 0, 6), (0, 1, 2), (1, 0, 5), (1, 1, 5), (2, 0, 7), (2, 1, 6)])
        let plan = AggregationPlan(
            schema: Self.schema, metrics: [Self.happy], segments: [0, 1],
            segmentPairs: [AggregationPlan.SegmentPair(first: 0, second: 1)])
        let result = aggregate(plan, data).results(labels: testLabels(Self.schema))[0]
        #expect(result.segments.map(\.name) == ["dept", "left", "dept × left"])
        #expect(result.segments[0].rows.allSatisfy { !$0.figure.suppressed })
        #expect(result.segments[1].rows.allSatisfy { !$0.figure.suppressed })
        let pair = result.segments[2]
        #expect(pair.fields == ["dept", "left"])
        #expect(
            pair.rows.map(\.labels) == [
                ["A", "No"], ["A", "Yes"], ["B", "No"], ["B", "Yes"], ["C", "No"], ["C", "Yes"],
            ])
        #expect(
            pair.rows.map(\.figure.suppressionReason)
                == ["complementary", "below_threshold", "complementary", "complementary", nil, nil])
        #expect(pair.rows[4].figure.count == 4 && pair.rows[4].difference != nil)
    }

    /// When the one-way table hides a department, the pair table treats its margin as hidden:
    /// A (3 respondents) and its complement B are hidden one-way, so every cell of A is hidden.
    @Test func pairsRespectMarginsHiddenOneWay() throws {
        let data = Self.rows([(0, 0, 2), (0, 1, 1), (1, 0, 5), (1, 1, 5), (2, 0, 7), (2, 1, 6)])
        let plan = AggregationPlan(
            schema: Self.schema, metrics: [Self.happy], segments: [0],
            segmentPairs: [AggregationPlan.SegmentPair(first: 0, second: 1)])
        let result = aggregate(plan, data).results(labels: testLabels(Self.schema))[0]
        #expect(result.segments[0].rows.map(\.figure.suppressionReason) == ["below_threshold", "complementary", nil])
        let pair = result.segments[1]
        #expect(pair.rows.filter { $0.labels[0] == "A" }.allSatisfy { $0.figure.suppressed })
        #expect(pair.rows.filter(\.figure.suppressed).allSatisfy { $0.figure.value == nil && $0.pValue == nil })
    }
}
