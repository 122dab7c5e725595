import Testing

@testable import CandorAggregate

/// Expected values from the respondent-level scores (+1 promoter, 0 passive, −1 detractor): the
/// score is 100·mean and the standard error 100·√(var/n) with numpy's population variance, an
/// independent route to the multinomial formula:
/// `s=np.array([1]*P+[0]*A+[-1]*D,float); z=stats.norm.ppf(0.975); 100*s.mean() ± z*100*np.sqrt(s.var(ddof=0)/n)`
/// (numpy 2, scipy 1.17.1; n = len(s), or 40 for the effective-n case).
struct NetPromoterScoreTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var promoters: Double
        var passives: Double
        var detractors: Double
        var effectiveN: Double?
        var score: Double
        var low: Double
        var high: Double
        var testDescription: String { "\(promoters)/\(passives)/\(detractors) n_eff \(String(describing: effectiveN))" }
    }

    @Test(arguments: [
        Case(
            promoters: 50, passives: 30, detractors: 20, effectiveN: nil,
            score: 30, low: 14.692191924957328, high: 45.30780807504267),
        Case(
            promoters: 3, passives: 4, detractors: 5, effectiveN: nil,
            score: -16.666666666666664, low: -61.89078779011224, high: 28.557454456778913),
        Case(
            promoters: 50, passives: 30, detractors: 20, effectiveN: 40,
            score: 30, low: 5.796230249073719, high: 54.203769750926284),
        // Everyone one kind: no variance, a zero-width interval at the bound.
        Case(promoters: 10, passives: 0, detractors: 0, effectiveN: nil, score: 100, low: 100, high: 100),
        Case(promoters: 0, passives: 0, detractors: 7, effectiveN: nil, score: -100, low: -100, high: -100),
    ])
    func matchesRespondentLevelComputation(_ c: Case) throws {
        let nps = try #require(
            NetPromoterScore(
                promoters: c.promoters, passives: c.passives, detractors: c.detractors, effectiveN: c.effectiveN))
        expectClose(nps.score, c.score)
        expectClose(nps.interval.low, c.low)
        expectClose(nps.interval.high, c.high)
    }

    @Test func intervalIsClampedToTheScale() throws {
        // 1 promoter, 1 detractor: 0 ± 1.96·100·√((1 − 0)/2) ≈ ±138.6, past both ends.
        let even = try #require(NetPromoterScore(promoters: 1, passives: 0, detractors: 1))
        #expect(even.interval.low == -100)
        #expect(even.interval.high == 100)
        // 2 promoters, 1 detractor: 33.3 ± 1.96·100·√((1 − 1/9)/3) ≈ 33.3 ± 106.7: only the top
        // is clamped. s=np.array([1,1,-1.]); 100*s.mean()-stats.norm.ppf(0.975)*100*np.sqrt(s.var()/3)
        //   -> -73.35359280789578
        let lopsided = try #require(NetPromoterScore(promoters: 2, passives: 0, detractors: 1))
        expectClose(lopsided.interval.low, -73.35359280789578)
        #expect(lopsided.interval.high == 100)
    }

    @Test func emptyOrInvalidCountsGiveNil() {
        #expect(NetPromoterScore(promoters: 0, passives: 0, detractors: 0) == nil)
        #expect(NetPromoterScore(promoters: -1, passives: 3, detractors: 0) == nil)
        #expect(NetPromoterScore(promoters: 1, passives: 3, detractors: 0, effectiveN: 0) == nil)
    }
}
