import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Segment tables of the hand-built survey (`HandSurvey`): rows, differences and tests against
/// the rest of the respondents. Expected values from the "segments" part of
/// `python3 Tests/CandorAggregateTests/Reference/hand.py` (statsmodels `proportions_ztest` for
/// shares, the NPS z-test by its formula with `scipy.stats.norm.sf`).
@Suite struct AggregatorSegmentTests {
    @Test func shareByDepartmentHidesTheSmallGroupAndItsComplement() throws {
        let result = try #require(HandSurvey.result("left"))
        let dept = try #require(table(result, "dept"))
        #expect(dept.fields == ["dept"])
        #expect(dept.test.contains("two-proportion z-test"))
        #expect(dept.rows.map(\.labels) == [["Engineering"], ["Sales"], ["Operations"]])
        // dept 0: 8, 4, diff 0.026315789473684237, p 0.8446743969471708 (proportions_ztest([4, 5], [8, 11]))
        let engineering = try #require(row(dept, "Engineering"))
        #expect(engineering.figure.n == 8 && engineering.figure.count == 4)
        expectClose(engineering.difference, 0.026315789473684237)
        expectClose(engineering.pValue, 0.8446743969471708, relative: 1e-9)
        #expect(engineering.significant == false)
        expectClose(engineering.figure.interval?.low, 0.2152160622138775)
        // Operations (4 < 5) is below the threshold; Sales (6) is the smallest other group.
        let operations = try #require(row(dept, "Operations"))
        #expect(operations.figure.suppressionReason == "below_threshold")
        let sales = try #require(row(dept, "Sales"))
        #expect(sales.figure.suppressionReason == "complementary")
        for hidden in [operations, sales] {
            #expect(hidden.figure.value == nil && hidden.figure.count == nil && hidden.figure.interval == nil)
            #expect(hidden.difference == nil && hidden.pValue == nil && hidden.significant == nil)
        }
    }

    @Test func npsByBooleanSegmentUsesTheScoreVarianceTest() throws {
        let result = try #require(HandSurvey.result("enps"))
        let left = try #require(table(result, "left"))
        #expect(left.test.contains("NPS"))
        #expect(left.rows.map(\.labels) == [["No"], ["Yes"]])
        // nps left 0 10 score 50.0 p 0.0007066600826059968; nps left 1 8 score -62.5 p 0.0006252706976016633
        let no = try #require(row(left, "No"))
        #expect(no.figure.n == 10)
        expectClose(no.figure.value, 50)
        expectClose(no.difference, 50)
        expectClose(no.pValue, 0.0007066600826059968, relative: 1e-7)
        #expect(no.significant == true)
        let yes = try #require(row(left, "Yes"))
        expectClose(yes.figure.value, -62.5)
        expectClose(yes.pValue, 0.0006252706976016633, relative: 1e-7)
    }

    @Test func likertIndexRowsPoolAnswersWithRespondentsAsN() throws {
        let result = try #require(HandSurvey.result("items"))
        let left = try #require(table(result, "left"))
        #expect(left.test.contains("share of answers"))
        // likert idx left 0 9 0.8846153846153846 p 0.002317706394288303 wilson (0.5603423165816357, 0.9787768769417917)
        let no = try #require(row(left, "No"))
        #expect(no.figure.n == 9)
        expectClose(no.figure.value, 0.8846153846153846)
        expectClose(no.figure.interval?.low, 0.5603423165816357)
        expectClose(no.figure.interval?.high, 0.9787768769417917)
        expectClose(no.pValue, 0.002317706394288303, relative: 1e-7)
        // likert idx left 1 9 0.125 p 0.001329985827041979
        let yes = try #require(row(left, "Yes"))
        expectClose(yes.figure.value, 0.125)
        expectClose(yes.pValue, 0.001329985827041979, relative: 1e-7)
        expectClose(yes.difference, 0.125 - 28.0 / 53)
        // Issue 20: each row carries its mean point over the pooled answers, as the overall
        // table does ("likert idx left V mean of answers": 4.269230769230769, 2.3333333333333335).
        expectClose(no.mean, 4.269230769230769)
        expectClose(yes.mean, 2.3333333333333335)
    }

    @Test func multiselectRowsShowTheAtLeastOneShare() throws {
        let result = try #require(HandSurvey.result("types"))
        let left = try #require(table(result, "left"))
        // atleast left 0 9 7 p 1.0; atleast left 1 8 7 p 0.37485714268334
        let no = try #require(row(left, "No"))
        #expect(no.figure.n == 9 && no.figure.count == 7)
        expectClose(no.pValue, 1.0)
        let yes = try #require(row(left, "Yes"))
        #expect(yes.figure.n == 8 && yes.figure.count == 7)
        expectClose(yes.pValue, 0.37485714268334, relative: 1e-9)
    }

    @Test func engagementRowsFollowPrivacyThenTheDisplayRule() throws {
        let result = try #require(HandSurvey.result("engagement"))
        let dept = try #require(table(result, "dept"))
        // Classified respondents per dept: 8, 6, 3. Operations is below 5, Sales its complement,
        // Engineering (8) passes privacy but not the engaged-share display rule (10).
        #expect(row(dept, "Engineering")?.figure.suppressionReason == "display_rule")
        #expect(row(dept, "Sales")?.figure.suppressionReason == "complementary")
        #expect(row(dept, "Operations")?.figure.suppressionReason == "below_threshold")
        #expect(dept.rows.allSatisfy { $0.figure.value == nil && $0.pValue == nil })
    }

    @Test func variancesShareAndDriversHaveNoSegments() {
        #expect(HandSurvey.result("manager")?.segments.isEmpty == true)
        #expect(HandSurvey.result("drivers")?.segments.isEmpty == true)
        #expect(HandSurvey.result("left")?.segments.map(\.name) == ["dept", "left"])
    }

    @Test func likertSegmentsAreLabelledByTheScale() throws {
        let plan = AggregationPlan(
            schema: HandSurvey.schema, metrics: [HandSurvey.metrics[3]], segments: [1],
            privacy: PrivacyRules(minGroupSize: 1))
        let result = aggregate(plan, HandSurvey.rows).results(labels: testLabels(HandSurvey.schema))[0]
        // q1 answers among respondents with an enps: points 1–5 in scale order.
        #expect(result.segments.first?.rows.map { $0.labels[0] } == agree5.labels)
    }
}
