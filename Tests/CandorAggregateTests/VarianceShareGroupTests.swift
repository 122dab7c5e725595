import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Variance share over grouping codes past 65 535 (W1 has ~111k managers), whose sums are kept
/// per group in order of first appearance.
@Suite struct VarianceShareGroupTests {
    static let schema = SurveySchema(fields: [
        categoryField("team", ["A"]),
        FieldSpec(name: "score", source: ColumnSource(header: "score"), kind: .integer(min: 0, max: 10)),
    ])
    static let plan = AggregationPlan(
        schema: schema,
        metrics: [MetricSpec(id: "eta", label: "Eta", kind: .varianceShare(score: .field(1), group: 0))],
        privacy: PrivacyRules(minGroupSize: 1))
    /// Team 70 000 first, so it is not the first code seen; a respondent without a score and one
    /// without a team are left out.
    static let rows: [[Int64?]] = [[70_000, 5], [0, 1], [70_000, 7], [0, 3], [70_000, nil], [nil, 9]]

    @Test func groupsWithLargeCodesCount() throws {
        let result = try #require(aggregate(Self.plan, Self.rows).results(labels: testLabels(Self.schema)).first)
        guard case .varianceShare(let figures) = result.detail else {
            Issue.record("not a variance share detail")
            return
        }
        let (eta, groups, respondents) = (figures.etaSquared, figures.groups, figures.respondents)
        // Groups {1, 3} and {5, 7}: SS_between 16 / SS_total 20. python3 -c "import numpy as np;
        // g={0:[1,3],70000:[5,7]}; a=np.concatenate(list(g.values())); m=a.mean();
        // print(sum(len(v)*(np.mean(v)-m)**2 for v in g.values())/((a-m)**2).sum())" → 0.8
        #expect(abs(try #require(eta) - 0.8) < 1e-12)
        #expect(groups == 2)
        #expect(respondents == 4)
    }

    @Test(arguments: 0...6)
    func mergingHalvesSeenInEitherOrderGivesTheWhole(split: Int) {
        let whole = aggregate(Self.plan, Self.rows)
        var merged = aggregate(Self.plan, Array(Self.rows[split...]))
        merged.merge(aggregate(Self.plan, Array(Self.rows[..<split])))
        #expect(merged == whole)
    }

    @Test func codesPastTheLimitAreNoGroup() throws {
        let rows: [[Int64?]] = [[0, 1], [0, 3], [Int64(VarianceShareAccumulator.codeLimit), 9]]
        let result = try #require(aggregate(Self.plan, rows).results(labels: testLabels(Self.schema)).first)
        guard case .varianceShare(let figures) = result.detail else {
            Issue.record("not a variance share detail")
            return
        }
        let (groups, respondents) = (figures.groups, figures.respondents)
        #expect(groups == 1)
        #expect(respondents == 2)
    }
}
