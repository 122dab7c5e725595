import Testing

@testable import CandorAggregate
@testable import CandorClean

/// ICC(1) with its F interval and the F test, and the F distribution behind them, against scipy.
struct VarianceShareICCTests {
    // python3 -c "from scipy.stats import f; print([float(f.ppf(p,a,b)) for p,a,b in [(0.975,4,20),(0.975,20,4),
    //   (0.975,126,1032),(0.975,1032,126),(0.025,3,7),(0.999999,2,3)]])"   (scipy 1.17.1)
    @Test(arguments: [
        (0.975, 4.0, 20.0, 3.51469516225841), (0.975, 20, 4, 8.55994318705354),
        (0.975, 126, 1032, 1.2826244750066038), (0.975, 1032, 126, 1.3180561288374197),
        (0.025, 3, 7, 0.06837889693755993), (0.999999, 2, 3, 14998.499999712438),
    ])
    func fQuantileMatchesScipy(probability: Double, d1: Double, d2: Double, expected: Double) {
        expectClose(FDistribution.quantile(probability, d1: d1, d2: d2), expected, relative: 1e-9)
    }

    // python3 -c "from scipy.stats import f; print([(float(f.sf(x,a,b)), float(f.cdf(x,a,b))) for x,a,b in
    //   [(3.2,4,20),(0.5,3,7),(40.0,5,100)]])"
    @Test(arguments: [
        (3.2, 4.0, 20.0, 0.034831623728782526, 0.9651683762712174),
        (0.5, 3, 7, 0.6940363875688137, 0.3059636124311863), (40.0, 5, 100, 2.1235493538408435e-22, 1.0),
    ])
    func fTailsMatchScipy(f: Double, d1: Double, d2: Double, upper: Double, lower: Double) {
        expectClose(FDistribution.upperTail(f, d1: d1, d2: d2), upper, relative: 1e-9)
        expectClose(FDistribution.cdf(f, d1: d1, d2: d2), lower, relative: 1e-9)
    }

    /// The unbalanced table of Reference/icc1.py: groups A–E of 4, 3, 5, 6 and 7 respondents.
    static let groups: [[Int64]] = [
        [3, 4, 5, 4], [2, 3, 2], [5, 4, 5, 5, 4], [1, 2, 3, 2, 2, 1], [3, 3, 4, 2, 4, 3, 5],
    ]

    @Test func iccItsIntervalAndTheFTestMatchScipy() throws {
        let everyone = Self.groups.flatMap { $0 }.map(Double.init)
        let decomposition = try #require(
            VarianceDecomposition(
                groups: Self.groups.map { .init(n: Double($0.count), sum: Double($0.reduce(0, +))) },
                n: Double(everyone.count), sum: everyone.reduce(0, +),
                sumOfSquares: everyone.reduce(0) { $0 + $1 * $1 }))
        // python3 Tests/CandorAggregateTests/Reference/icc1.py (numpy 2.4.6, scipy 1.17.1):
        //   N=25 k=5 n0=4.9
        //   icc1=0.6604413042958189
        //   interval=(0.2894568787522586, 0.9478947553283865)
        //   F=10.53049482163406 scipy f_oneway F=10.530494821634065 p=9.307995349775297e-05 df=(4, 20)
        //   eta2=0.6780527563722584 chance=0.16666666666666666
        expectClose(decomposition.icc1, 0.6604413042958189)
        let test = try #require(decomposition.fTest)
        expectClose(test.f, 10.530494821634065)
        #expect(test.df1 == 4 && test.df2 == 20)
        expectClose(test.pValue, 9.307995349775297e-05, relative: 1e-8)
        expectClose(test.n0, 4.9)
        let interval = try #require(test.icc1Interval)
        expectClose(interval.low, 0.2894568787522586, relative: 1e-8)
        expectClose(interval.high, 0.9478947553283865, relative: 1e-8)
        #expect(interval.method == .fICC)
        expectClose(decomposition.etaSquared, 0.6780527563722584)
        expectClose(decomposition.etaSquaredChance, 0.16666666666666666)
    }

    /// Fields: 0 score (integer), 1 team (category A–G).
    static let schema = SurveySchema(fields: [
        FieldSpec(name: "score", source: ColumnSource(header: "score"), kind: .integer(min: 0, max: 10)),
        FieldSpec(
            name: "team", source: ColumnSource(header: "team"),
            kind: .category(CategorySpec(values: ["A", "B", "C", "D", "E", "F", "G"]))),
    ])

    @Test func theHeadlineFigureIsICCWithItsIntervalAndWhatWasLeftOut() throws {
        // The table above as teams 0–4, plus team 5 of 2 (under the threshold of 3), two
        // respondents with no team and one with no score.
        var rows: [[Int64?]] = []
        for (team, scores) in Self.groups.enumerated() { rows += scores.map { [$0, Int64(team)] } }
        rows += [[9, 5], [1, 5], [4, M], [2, M], [M, 0]]
        let metric = MetricSpec(id: "v", label: "V", kind: .varianceShare(score: .field(0), group: 1))
        let plan = AggregationPlan(schema: Self.schema, metrics: [metric], privacy: PrivacyRules(minGroupSize: 3))
        let result = try #require(aggregate(plan, rows).results(labels: testLabels(Self.schema)).first)
        guard case .varianceShare(let figures) = result.detail else {
            Issue.record("not a variance share")
            return
        }
        expectClose(result.overall.value, 0.6604413042958189)
        #expect(result.overall.n == 25)
        expectClose(result.overall.interval?.low, 0.2894568787522586, relative: 1e-8)
        #expect(result.overall.interval?.method == .fICC)
        #expect(figures.groups == 5 && figures.respondents == 25)
        #expect(figures.groupsBelowThreshold == 1 && figures.respondentsBelowThreshold == 2)
        #expect(figures.respondentsWithoutGroup == 2)
        #expect(!figures.showsNoDifference)
    }

    @Test func aNegativeICCIsKeptAndNamed() throws {
        // [[1,5],[3,3]]: F = 0, n0 = 2, ICC(1) = (0 − 1)/(0 + 1) = −1 (see VarianceDecompositionTests).
        let rows: [[Int64?]] = [[1, 0], [5, 0], [3, 1], [3, 1]]
        let metric = MetricSpec(id: "v", label: "V", kind: .varianceShare(score: .field(0), group: 1))
        let plan = AggregationPlan(schema: Self.schema, metrics: [metric], privacy: PrivacyRules(minGroupSize: 1))
        let result = try #require(aggregate(plan, rows).results(labels: testLabels(Self.schema)).first)
        guard case .varianceShare(let figures) = result.detail else {
            Issue.record("not a variance share")
            return
        }
        expectClose(result.overall.value, -1)
        #expect(figures.showsNoDifference)
        // python3 -c "from scipy.stats import f_oneway; print(f_oneway([1,5],[3,3]))" -> statistic=0.0, pvalue=1.0
        expectClose(figures.fTest?.pValue, 1)
    }
}
