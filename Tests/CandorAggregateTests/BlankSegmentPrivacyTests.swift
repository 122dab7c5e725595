import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Respondents whose segment field is blank are a group of the table that is never shown: the
/// aggregator must protect them, and protect the other groups with them, like any other group.
/// Uses the schema of `PrivacyAggregationTests` (dept A–E, left, happy).
@Suite struct BlankSegmentPrivacyTests {
    typealias Privacy = PrivacyAggregationTests

    /// Every subtraction a reader can do on one metric's tables: overall n minus the n of the shown
    /// rows of each table (one-way and pair), and each shown one-way row minus the shown pair cells
    /// under it. Returns the differences that are neither 0 nor at least `threshold`. Hidden rows
    /// keep their n internally, which is how the test knows the true sizes.
    static func smallRemainders(_ result: MetricResult, threshold: Int) -> [String] {
        var found: [String] = []
        func check(_ remainder: Int, _ what: String) {
            if remainder > 0 && remainder < threshold { found.append("\(what): \(remainder)") }
        }
        guard !result.overall.suppressed else { return [] }
        let oneWay = Dictionary(
            uniqueKeysWithValues: result.segments.filter { $0.fields.count == 1 }.map { ($0.fields[0], $0) })
        for table in result.segments {
            let shown = table.rows.filter { !$0.figure.suppressed }
            check(result.overall.n - shown.map(\.figure.n).reduce(0, +), "overall − \(table.name)")
            guard table.fields.count == 2 else { continue }
            for axis in 0..<2 {
                guard let parents = oneWay[table.fields[axis]] else { continue }
                for parent in parents.rows where !parent.figure.suppressed {
                    let children = shown.filter { $0.labels[axis] == parent.labels[0] }
                    check(
                        parent.figure.n - children.map(\.figure.n).reduce(0, +),
                        "\(table.fields[axis]) \(parent.labels[0]) − \(table.name)")
                }
            }
        }
        return found
    }

    static let pairPlan = AggregationPlan(
        schema: Privacy.schema, metrics: [Privacy.happy], segments: [0, 1],
        segmentPairs: [AggregationPlan.SegmentPair(first: 0, second: 1)])

    @Test func aSmallBlankGroupTakesTheSmallestRowAsComplement() throws {
        // A 6, B 7, C 9 and 2 with no dept: before, overall (24) minus the three rows was those
        // two people's answers. Now A (the smallest) is hidden with them: 6 + 2 = 8 ≥ 5.
        let data = Privacy.rows([(0, 0, 6), (1, 0, 7), (2, 1, 9), (nil, 1, 2)])
        let plan = AggregationPlan(schema: Privacy.schema, metrics: [Privacy.happy], segments: [0])
        let result = aggregate(plan, data).results(labels: testLabels(Privacy.schema))[0]
        #expect(result.overall.n == 24)
        let dept = try #require(result.segments.first)
        #expect(dept.rows.map { $0.labels[0] } == ["A", "B", "C"])
        #expect(dept.rows.map(\.figure.suppressionReason) == ["complementary", nil, nil])
        #expect(Self.smallRemainders(result, threshold: 5).isEmpty)
    }

    @Test func aLargeBlankGroupIsTheComplement() throws {
        // A 2 (below 5), B 6, C 7, blank 5: A and the blanks are 7 people together and neither is
        // determined, so B stays shown.
        let data = Privacy.rows([(0, 0, 2), (1, 0, 6), (2, 1, 7), (nil, 1, 5)])
        let plan = AggregationPlan(schema: Privacy.schema, metrics: [Privacy.happy], segments: [0])
        let dept = try #require(aggregate(plan, data).results(labels: testLabels(Privacy.schema))[0].segments.first)
        #expect(dept.rows.map(\.figure.suppressionReason) == ["below_threshold", nil, nil])
    }

    @Test func aBlankCellOfAPairIsProtectedAgainstItsRow() throws {
        // dept A has 6 No, 6 Yes and 2 with `left` blank. One-way dept shows A (14): before, A
        // minus its two shown pair cells was those 2 people's answers.
        let data = Privacy.rows([(0, 0, 6), (0, 1, 6), (0, nil, 2), (1, 0, 7), (1, 1, 8), (2, 0, 9), (2, 1, 5)])
        let result = aggregate(Self.pairPlan, data).results(labels: testLabels(Privacy.schema))[0]
        let pair = try #require(result.segments.last)
        #expect(pair.rows.contains { $0.labels[0] == "A" && $0.figure.suppressed })
        #expect(Self.smallRemainders(result, threshold: 5).isEmpty)
    }

    /// 400 random surveys: dept and left each blank for some respondents, cells of 0–9, one-way
    /// tables of both fields and their pair. No subtraction may leave a small remainder.
    @Test func everySubtractionLeavesZeroOrAtLeastTheThreshold() {
        var random = SplitMix64(seed: 0xB1A_4C)
        var withBlanks = 0
        var withSuppression = 0
        for _ in 0..<400 {
            var cells: [(dept: Int64?, left: Int64?, count: Int)] = []
            for dept in [Int64(0), 1, 2, 3, nil] {
                for left in [Int64(0), 1, nil] {
                    let blank = dept == nil || left == nil
                    let count = random.int(in: 0...(blank ? 4 : 9))
                    if count > 0 { cells.append((dept, left, count)) }
                    if blank && count > 0 { withBlanks += 1 }
                }
            }
            let result = aggregate(Self.pairPlan, Privacy.rows(cells)).results(labels: testLabels(Privacy.schema))[0]
            if result.segments.contains(where: { $0.rows.contains(where: \.figure.suppressed) }) {
                withSuppression += 1
            }
            let small = Self.smallRemainders(result, threshold: 5)
            #expect(small.isEmpty, "\(small) in \(cells)")
        }
        #expect(withBlanks > 400 && withSuppression > 200)
    }
}
