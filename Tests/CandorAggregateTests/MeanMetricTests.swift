import Testing

@testable import CandorAggregate
@testable import CandorClean

/// The `mean` kind: the mean and its t interval, weighted (Kish's effective n), by segment with
/// Welch's t-test against the rest, under the anonymity rules, and merged from parts.
///
/// Values from scipy/numpy, with A = [7, 8, 6, 9, 7, 5] and B = [4, 6, 5, 3, 5, 7, 4]:
/// `python3 -c "import numpy as np, scipy.stats as s; x = np.array(A + B, float);
/// print(x.mean(), s.t.interval(0.95, len(x) - 1, loc=x.mean(), scale=s.sem(x)),
/// s.ttest_ind(A, B, equal_var=False).pvalue)"`.
@Suite struct MeanMetricTests {
    /// 0 team (A, B, C), 1 score (integer 0–10), 2 weight (number).
    static func schema(weighted: Bool) -> SurveySchema {
        SurveySchema(
            fields: [
                categoryField("team", ["A", "B", "C"]),
                FieldSpec(name: "score", source: ColumnSource(header: "score"), kind: .integer(min: 0, max: 10)),
                FieldSpec(name: "weight", source: ColumnSource(header: "weight"), kind: .number(min: 0, max: 100)),
            ],
            weightField: weighted ? 2 : nil)
    }

    static func plan(weighted: Bool = false) -> AggregationPlan {
        AggregationPlan(
            schema: schema(weighted: weighted), metrics: [MetricSpec(id: "m", label: "Mean", kind: .mean(field: 1))],
            segments: [0])
    }

    /// Team A's six scores, then team B's seven, then a B respondent without a score.
    static let rows: [[Int64?]] =
        [7, 8, 6, 9, 7, 5].map { [0, $0, 0] } + [4, 6, 5, 3, 5, 7, 4].map { [1, $0, 0] } + [[1, M, 0]]
    static let weights: [Double] = [1, 2, 1, 0.5, 1, 3, 1, 1, 2, 0.5, 1, 1, 2.5, 4]

    static func result(_ plan: AggregationPlan, _ rows: [[Int64?]], weights: [Double]? = nil) -> MetricResult {
        aggregate(plan, rows, weights: weights).results(labels: testLabels(plan.schema))[0]
    }

    @Test func meanAndTInterval() {
        let result = Self.result(Self.plan(), Self.rows)
        #expect(result.kind.name == "mean")
        #expect(result.kind.unit == .score)
        #expect(result.overall.n == 13)
        #expect(result.overall.count == nil)
        // x.mean() = 5.846153846153846; t.interval = (4.803968556510807, 6.888339135796885)
        expectClose(result.overall.value, 5.846153846153846)
        expectClose(result.overall.interval?.low, 4.803968556510807)
        expectClose(result.overall.interval?.high, 6.888339135796885)
        // Width 2.08 against 0.30 × the declared range 10 = 3: reliable.
        #expect(!result.overall.unreliable)
    }

    @Test func segmentsShowTheDifferenceAndWelchsTest() throws {
        let result = Self.result(Self.plan(), Self.rows)
        let a = try #require(row(table(result, "team"), "A"))
        // np.mean(A) = 7.0; t.interval(0.95, 5, 7, sem(A)) = (5.515873885221412, 8.484126114778588)
        expectClose(a.figure.value, 7)
        expectClose(a.figure.interval?.low, 5.515873885221412)
        expectClose(a.figure.interval?.high, 8.484126114778588)
        // 7 − 5.846153846153846; ttest_ind(A, B, equal_var=False).pvalue = 0.018458460268390965
        expectClose(a.difference, 1.1538461538461542)
        expectClose(a.pValue, 0.018458460268390965, relative: 1e-8)
        #expect(a.significant == true)
        #expect(table(result, "team")?.test.hasPrefix("Welch's t-test") == true)
    }

    @Test func weightedMeanUsesKishEffectiveN() throws {
        let result = Self.result(Self.plan(weighted: true), Self.rows, weights: Self.weights)
        // w = weights[:13]; W = w.sum(); xw = (w*x).sum()/W; sw2 = (w*(x-xw)**2).sum()/(W-(w**2).sum()/W);
        // ne = W**2/(w**2).sum(); h = t.ppf(0.975, ne-1)*sqrt(sw2/ne):
        // xw = 5.6571428571428575, ne = 9.959349593495935, xw ∓ h = 4.543538357930778, 6.770747356354937
        #expect(result.overall.n == 13)
        expectClose(result.overall.value, 5.6571428571428575)
        expectClose(result.overall.effectiveN, 9.959349593495935)
        expectClose(result.overall.interval?.low, 4.543538357930778)
        expectClose(result.overall.interval?.high, 6.770747356354937)
        // Each side by the same formulas, then Welch's t and df on the effective n:
        // A: 6.529411764705882; p = 2*t.sf(|t|, df) = 0.09715521544021644
        let a = try #require(row(table(result, "team"), "A"))
        expectClose(a.figure.value, 6.529411764705882)
        expectClose(a.pValue, 0.09715521544021644, relative: 1e-8)
    }

    @Test func mergingPartsEqualsTheWhole() {
        let plan = Self.plan(weighted: true)
        let whole = aggregate(plan, Self.rows, weights: Self.weights)
        var merged = aggregate(plan, Array(Self.rows[..<5]), weights: Array(Self.weights[..<5]))
        merged.merge(aggregate(plan, Array(Self.rows[5...]), weights: Array(Self.weights[5...])))
        #expect(merged == whole)
        let labels = testLabels(plan.schema)
        #expect(merged.results(labels: labels) == whole.results(labels: labels))
    }

    @Test func smallGroupsAreSuppressed() throws {
        // Two C respondents: under the threshold of 5, so C is hidden, and the next smallest group, A
        // (6 against B's 7), with it so C cannot be recovered by subtraction.
        let result = Self.result(Self.plan(), Self.rows + [[2, 9, 0], [2, 10, 0]])
        let c = try #require(row(table(result, "team"), "C"))
        #expect(c.figure.suppressed)
        #expect(c.figure.suppressionReason == FigureRules.belowThreshold)
        #expect(c.figure.value == nil && c.pValue == nil)
        #expect(row(table(result, "team"), "A")?.figure.suppressionReason == FigureRules.complementary)
        #expect(row(table(result, "team"), "B")?.figure.suppressed == false)
        #expect(!result.overall.suppressed)
    }

    @Test func valuesFarFromZeroKeepTheirDigits() {
        // x = 1e9 + [0.125, 0.5, 0.25, 1.0, 0.75]: mean 1000000000.525,
        // t.interval(0.95, 4, loc=mean, scale=sem(x)) = (1000000000.0805519, 1000000000.9694481)
        let schema = SurveySchema(fields: [
            FieldSpec(name: "x", source: ColumnSource(header: "x"), kind: .number(min: 0, max: 2e9))
        ])
        let plan = AggregationPlan(schema: schema, metrics: [MetricSpec(id: "m", label: "M", kind: .mean(field: 0))])
        let rows: [[Int64?]] = [0.125, 0.5, 0.25, 1.0, 0.75].map { [Int64(bitPattern: (1e9 + $0).bitPattern)] }
        let figure = Self.result(plan, rows).overall
        expectClose(figure.value, 1000000000.525, relative: 1e-15)
        expectClose(figure.interval?.low, 1000000000.0805519, relative: 1e-15)
        expectClose(figure.interval?.high, 1000000000.9694481, relative: 1e-15)
    }
}
