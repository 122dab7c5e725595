import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Merging the state of a later part whose cleaner numbered the category values differently,
/// through the recoding of its codes, gives exactly the state of the whole.
@Suite struct RecodedMergeTests {
    /// The later part's cleaner saw dept's values in the order 2, 0, 1 and manager's in 3, 1, 0,
    /// 2: `laterCode[field][v]` is the code it gave the value the whole numbers `v`.
    static let laterCode: [Int: [Int64]] = [0: [1, 2, 0], 7: [2, 1, 3, 0]]

    /// `rows` as the later part's cleaner coded them.
    static func codedByLaterPart(_ rows: [[Int64?]]) -> [[Int64?]] {
        rows.map { row in
            row.enumerated().map { field, value in
                guard let value, let codes = laterCode[field] else { return value }
                return codes[Int(value)]
            }
        }
    }

    /// The recoding back: the later code → the whole's code.
    static let recoding = CategoryRecoding(
        codes: laterCode.mapValues { codes in
            var back = Array(repeating: -1, count: codes.count)
            for (whole, later) in codes.enumerated() { back[Int(later)] = whole }
            return back
        })

    @Test(arguments: [0, 1, 13, 20, 27, 39, 40])
    func aRecodedLaterPartMergesIntoTheWhole(split: Int) {
        let rows = MergeTests.rows
        let whole = aggregate(MergeTests.plan, rows)
        var merged = aggregate(MergeTests.plan, Array(rows[..<split]))
        merged.merge(aggregate(MergeTests.plan, Self.codedByLaterPart(Array(rows[split...]))), recoding: Self.recoding)
        #expect(merged == whole)
        let labels = testLabels(HandSurvey.schema)
        #expect(merged.results(labels: labels) == whole.results(labels: labels))
    }

    @Test func withoutTheRecodingTheMergeIsWrong() {
        // The test above can fail: the later part's own codes put its respondents in other groups.
        let rows = MergeTests.rows
        var merged = aggregate(MergeTests.plan, Array(rows[..<20]))
        merged.merge(aggregate(MergeTests.plan, Self.codedByLaterPart(Array(rows[20...]))))
        #expect(merged != aggregate(MergeTests.plan, rows))
    }

    @Test func recodingLooksCodesUp() {
        #expect(Self.recoding.code(0, ofField: 0) == 2)
        #expect(Self.recoding.code(2, ofField: 7) == 0)
        #expect(Self.recoding.code(5, ofField: 0) == -1)
        #expect(Self.recoding.code(4, ofField: 3) == 4)
        #expect(Self.recoding.code(-1, ofField: 0) == -1)
    }

    @Test func codesPastASegmentsLimitCannotBeRecoded() {
        let aggregator = Aggregator(plan: MergeTests.plan)
        #expect(aggregator.canRecode(categoryCounts: [0: 65_536, 7: 100_000]) == false)
        #expect(aggregator.canRecode(categoryCounts: [0: 3, 7: 65_536, 4: 10_000_000]))
    }
}
