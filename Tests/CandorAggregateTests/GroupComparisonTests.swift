import Testing

@testable import CandorAggregate

/// Group-versus-rest tests against statsmodels 0.15.0 and scipy 1.17.1.
struct GroupComparisonTests {
    @Test func twoProportionZTestAgainstTheRest() throws {
        // Group 30 of 80, everyone 200 of 1000, so the rest is 170 of 920:
        // proportions_ztest([30,170],[80,920]) -> (4.079708536051373, 4.509220271176611e-05)
        let result = try #require(
            GroupComparison.twoProportionZTest(groupSuccesses: 30, groupN: 80, totalSuccesses: 200, totalN: 1000))
        expectClose(result.z, 4.079708536051373)
        expectClose(result.pValue, 4.509220271176611e-05)
    }

    @Test func twoProportionZTestSmallGroupBelowTheRest() throws {
        // Group 2 of 5, everyone 10 of 20 (rest 8 of 15):
        // proportions_ztest([2,8],[5,15]) -> (-0.5163977794943222, 0.6055766163353464)
        let result = try #require(
            GroupComparison.twoProportionZTest(groupSuccesses: 2, groupN: 5, totalSuccesses: 10, totalN: 20))
        expectClose(result.z, -0.5163977794943222)
        expectClose(result.pValue, 0.6055766163353464)
    }

    @Test func twoProportionZTestUndefinedCases() {
        // The group is everyone: no rest to compare with.
        #expect(GroupComparison.twoProportionZTest(groupSuccesses: 3, groupN: 10, totalSuccesses: 3, totalN: 10) == nil)
        // Nobody has the trait: pooled share 0.
        #expect(GroupComparison.twoProportionZTest(groupSuccesses: 0, groupN: 5, totalSuccesses: 0, totalN: 50) == nil)
        // Everybody has it: pooled share 1.
        #expect(GroupComparison.twoProportionZTest(groupSuccesses: 5, groupN: 5, totalSuccesses: 50, totalN: 50) == nil)
        // Inconsistent: more group successes than the total has.
        #expect(GroupComparison.twoProportionZTest(groupSuccesses: 6, groupN: 8, totalSuccesses: 5, totalN: 50) == nil)
        #expect(GroupComparison.twoProportionZTest(groupSuccesses: 0, groupN: 0, totalSuccesses: 5, totalN: 50) == nil)
    }

    @Test func welchFromSummaries() throws {
        // stats.ttest_ind_from_stats(3.8,np.sqrt(1.21),40,3.4,np.sqrt(0.81),260,equal_var=False)
        //   -> t 2.189837676402375, p 0.033494379219756086;
        // df by the Welch–Satterthwaite formula in numpy: 47.37105457806879
        let result = try #require(
            GroupComparison.welchTTest(
                .init(n: 40, mean: 3.8, variance: 1.21), .init(n: 260, mean: 3.4, variance: 0.81)))
        expectClose(result.t, 2.189837676402375)
        expectClose(result.pValue, 0.033494379219756086)
        expectClose(result.degreesOfFreedom, 47.37105457806879)
    }

    @Test func welchGroupAgainstRestFromSums() throws {
        // g=[1,2,2,3,5,4], rest=[4,4,5,3,5,4,2,5]: stats.ttest_ind(g,rest,equal_var=False)
        //   -> t -1.643407253718567, p 0.13563938714662754, df 8.75936816298664.
        // Sums: group n 6, Σ 17, Σx² 59; everyone n 14, Σ 49, Σx² 195.
        let result = try #require(
            GroupComparison.welchTTest(
                groupN: 6, groupSum: 17, groupSumOfSquares: 59, totalN: 14, totalSum: 49, totalSumOfSquares: 195))
        expectClose(result.t, -1.643407253718567)
        expectClose(result.pValue, 0.13563938714662754)
        expectClose(result.degreesOfFreedom, 8.75936816298664)
    }

    @Test func welchUndefinedCases() {
        // One observation on a side.
        #expect(GroupComparison.welchTTest(.init(n: 1, mean: 3, variance: 0), .init(n: 5, mean: 2, variance: 1)) == nil)
        // Both sides constant.
        #expect(GroupComparison.welchTTest(.init(n: 4, mean: 3, variance: 0), .init(n: 5, mean: 2, variance: 0)) == nil)
        // The group is everyone but one: the rest has n = 1.
        #expect(
            GroupComparison.welchTTest(
                groupN: 13, groupSum: 45, groupSumOfSquares: 180, totalN: 14, totalSum: 49, totalSumOfSquares: 196)
                == nil)
    }
}
