import Testing

@testable import CandorAggregate

/// Wilson intervals checked against statsmodels:
/// `python3 -c "from statsmodels.stats.proportion import proportion_confint as c; print(c(X, N, alpha=0.05, method='wilson'))"`
/// (statsmodels 0.15.0).
struct WilsonIntervalTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var successes: Double
        var n: Double
        var low: Double
        var high: Double
        var testDescription: String { "\(successes) of \(n)" }
    }

    @Test(arguments: [
        Case(successes: 1194, n: 1200, low: 0.9891344085810173, high: 0.9977065008222751),
        Case(successes: 0, n: 10, low: 0.0, high: 0.27753279986288926),  // 0 of n
        Case(successes: 10, n: 10, low: 0.7224672001371106, high: 1.0),  // n of n
        Case(successes: 3, n: 7, low: 0.15821985525146964, high: 0.7495416354723428),
        Case(successes: 1, n: 1, low: 0.2065493143772374, high: 1.0),
    ])
    func matchesStatsmodels(_ c: Case) throws {
        let interval = try #require(WilsonInterval.interval(successes: c.successes, n: c.n))
        expectClose(interval.low, c.low)
        expectClose(interval.high, c.high)
        #expect(interval.width > 0)
    }

    @Test func weightedShareUsesEffectiveN() throws {
        // proportion_confint(0.37*84.3, 84.3, alpha=0.05, method='wilson')
        //   -> (0.27471395026955303, 0.47661759911417445)
        let interval = try #require(WilsonInterval.interval(share: 0.37, effectiveN: 84.3))
        expectClose(interval.low, 0.27471395026955303)
        expectClose(interval.high, 0.47661759911417445)
    }

    @Test func undefinedInputsGiveNil() {
        #expect(WilsonInterval.interval(successes: 0, n: 0) == nil)
        #expect(WilsonInterval.interval(successes: 1, n: -3) == nil)
        #expect(WilsonInterval.interval(successes: 5, n: 4) == nil)
        #expect(WilsonInterval.interval(successes: .nan, n: 4) == nil)
        #expect(WilsonInterval.interval(share: 0.5, effectiveN: 0) == nil)
        #expect(WilsonInterval.interval(share: 1.5, effectiveN: 10) == nil)
    }

    @Test func intervalWidthAndContainment() {
        let interval = Interval(low: 0.25, high: 0.75, method: .wilson)
        #expect(interval.width == 0.5)
        #expect(interval.contains(0.25) && interval.contains(0.75) && !interval.contains(0.8))
    }

    @Test func kishEffectiveN() {
        // python3 -c "w=[1,2,3,0.5]; print(repr(sum(w)**2/sum(x*x for x in w)))" -> 2.9649122807017543
        expectClose(KishEffectiveN.effectiveN(sumOfWeights: 6.5, sumOfSquaredWeights: 14.25), 2.9649122807017543)
        // Equal weights give the count back: (5·2)² / (5·4) = 5.
        expectClose(KishEffectiveN.effectiveN(sumOfWeights: 10, sumOfSquaredWeights: 20), 5)
        #expect(KishEffectiveN.effectiveN(sumOfWeights: 0, sumOfSquaredWeights: 0) == 0)
    }
}
