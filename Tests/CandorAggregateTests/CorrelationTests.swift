import Testing

@testable import CandorAggregate

/// Expected values from `scipy.stats.pearsonr(x, y)` on the raw data (scipy 1.17.1); the sums
/// passed in are those of the same data.
struct CorrelationTests {
    @Test func strongPositiveCorrelation() throws {
        // x=[1..10], y=[2,1,4,3,7,8,6,9,12,10] -> r 0.9261797113999299, p 0.00011876275128516728
        let c = try #require(Correlation(n: 10, sumX: 55, sumY: 62, sumXX: 385, sumYY: 504, sumXY: 433))
        expectClose(c.r, 0.9261797113999299)
        expectClose(c.pValue, 0.00011876275128516728)
        #expect(c.isSignificant)
    }

    @Test func weakCorrelationIsNotSignificant() throws {
        // x=[1,2,3,4,5], y=[3,1,4,1,5] -> r 0.3535533905932738, p 0.5594043441634879
        let c = try #require(Correlation(n: 5, sumX: 15, sumY: 14, sumXX: 55, sumYY: 52, sumXY: 46))
        expectClose(c.r, 0.3535533905932738)
        expectClose(c.pValue, 0.5594043441634879)
        #expect(!c.isSignificant)
    }

    @Test func perfectNegativeCorrelation() throws {
        // x=[1,2,3], y=[6,4,2]: exactly r = −1, t infinite, p = 0 (scipy, rounding r to
        // −0.9999999999999998, reports 1.3e-08); we accept anything below 1e-7.
        let c = try #require(Correlation(n: 3, sumX: 6, sumY: 12, sumXX: 14, sumYY: 56, sumXY: 20))
        #expect(abs(c.r + 1) < 1e-12)
        #expect(try #require(c.pValue) < 1e-7)
        #expect(c.isSignificant)
    }

    @Test func perfectPositiveCorrelationWithTwoPointsHasNoPValue() throws {
        // (1,1), (2,3): r = 1 by hand, but n − 2 = 0 degrees of freedom.
        let c = try #require(Correlation(n: 2, sumX: 3, sumY: 4, sumXX: 5, sumYY: 10, sumXY: 7))
        expectClose(c.r, 1)
        #expect(c.pValue == nil)
        #expect(!c.isSignificant)
    }

    @Test func undefinedCorrelationGivesNil() {
        // A constant x: (2,1), (2,5), (2,3).
        #expect(Correlation(n: 3, sumX: 6, sumY: 9, sumXX: 12, sumYY: 35, sumXY: 18) == nil)
        #expect(Correlation(n: 1, sumX: 1, sumY: 1, sumXX: 1, sumYY: 1, sumXY: 1) == nil)
        #expect(Correlation(n: 0, sumX: 0, sumY: 0, sumXX: 0, sumYY: 0, sumXY: 0) == nil)
    }
}
