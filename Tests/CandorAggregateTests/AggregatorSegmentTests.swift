import Testing

@testable import CandorAggregate
@testable import CandorClean

/// Segment tables of the hand-built survey (`HandSurvey`): rows, differences and tests against
/// the rest of the respondents. Expected values from the "segments" part of
/// `python3 Tests/CandorAggregateTests/Reference/hand.py` (statsmodels `proportions_ztest` for
/// shares, the NPS z-test by its formula with `scipy.stats.norm.sf`).
@Suite struct AggregatorSegmentTests {
    @Test func shareByDepartmentCountsTheBlankGroupAsTheSmallGroupsComplement() throws {
        let result = try #require(HandSurvey.result("left"))
        let dept = try #require(table(result, "dept"))
        #expect(dept.fields == ["dept"])
        #expect(dept.test.contains("two-proportion z-test"))
        #expect(dept.rows.map(\.labels) == [["Engineering"], ["Sales"], ["Operations"]])
        // dept 0: 8, 4, diff 0.026315789473684237. Its smallest expected count is 3.79 < 5
        // ("-- many comparisons" of hand.py), so Fisher's exact test replaces the z-test
        // (proportions_ztest gave 0.845): dept 0 table [[4, 4], [5, 6]] fisher p 1.0.
        let engineering = try #require(row(dept, "Engineering"))
        #expect(engineering.figure.n == 8 && engineering.figure.count == 4)
        expectClose(engineering.difference, 0.026315789473684237)
        #expect(engineering.test == .fisherExact(pValue: 1))
        expectClose(engineering.pValue, 1.0, relative: 1e-9)
        #expect(engineering.significant == false)
        expectClose(engineering.figure.interval?.low, 0.2152160622138775)
        // Operations (4 < 5) is below the threshold. One respondent with `left` answered has no
        // dept (row 17 of hand.py): overall minus the shown rows is Operations and that blank
        // respondent, 4 + 1 = 5, and neither is determined, so Sales need not be hidden.
        let operations = try #require(row(dept, "Operations"))
        #expect(operations.figure.suppressionReason == "below_threshold")
        #expect(operations.figure.value == nil && operations.figure.count == nil && operations.figure.interval == nil)
        #expect(operations.difference == nil && operations.pValue == nil && operations.significant == nil)
        // dept 1: 6, 3, diff 0.026315789473684237; table [[3, 3], [6, 7]] fisher p 1.0; the
        // Benjamini–Hochberg adjustment of [1.0, 1.0] (dept fdr_bh) leaves both at 1.
        let sales = try #require(row(dept, "Sales"))
        #expect(sales.figure.n == 6 && sales.figure.count == 3)
        expectClose(sales.pValue, 1.0, relative: 1e-9)
        expectClose(sales.pAdjusted, 1.0, relative: 1e-9)
    }

    @Test func npsByBooleanSegmentUsesTheScoreVarianceTest() throws {
        let result = try #require(HandSurvey.result("enps"))
        let left = try #require(table(result, "left"))
        #expect(left.test.contains("NPS"))
        #expect(left.rows.map(\.labels) == [["No"], ["Yes"]])
        // nps left 0 10 score 50.0 p 0.0007066600826059968
        let no = try #require(row(left, "No"))
        #expect(no.figure.n == 10)
        expectClose(no.figure.value, 50)
        expectClose(no.difference, 50)
        // The z-test gave p 0.0007 for a group of 10; but the promoters' expected count is 3.32 < 5
        // ("nps left 0 promoters table min expected" in hand.py), so there is no valid test.
        #expect(no.test == .tooFewToTest)
        #expect(no.pValue == nil && no.pAdjusted == nil && no.significant == nil)
        // Shown openly: scores of left = No are 10 8 9 7 9 10 6 9 10 8, so 6 promoters, 1 detractor.
        #expect(no.figure.promoterSplit == PromoterSplit(promoters: 6, detractors: 1))
        // One scored respondent has no `left` (row 13 of hand.py): alone, overall minus the two
        // rows would be that person's score, so the smaller row (Yes, 8) is hidden with them.
        let yes = try #require(row(left, "Yes"))
        #expect(yes.figure.suppressionReason == "complementary" && yes.figure.promoterSplit == nil)
    }

    @Test func likertIndexRowsPoolAnswersWithRespondentsAsN() throws {
        let result = try #require(HandSurvey.result("items"))
        let left = try #require(table(result, "left"))
        #expect(left.test.contains("share of answers"))
        // The respondent without `left` is a blank group of 1: No and Yes are both 9, so the tie
        // goes to the lower code and No is hidden as its complement.
        let no = try #require(row(left, "No"))
        #expect(no.figure.suppressionReason == "complementary")
        // likert idx left 1 9 0.125 p 0.001329985827041979 wilson (0.024333895389501592, 0.4500248909251565)
        // The interval is clustered by respondent (Reference/clustered.py):
        // hand survey index left = Yes: p 0.125 se 0.12352647110032731 ci (0.0, 0.3671074344939693)
        let yes = try #require(row(left, "Yes"))
        #expect(yes.figure.n == 9)
        expectClose(yes.figure.value, 0.125)
        #expect(yes.figure.interval?.low == 0)
        expectClose(yes.figure.interval?.high, 0.3671074344939693)
        #expect(yes.figure.interval?.method == .clustered)
        #expect(yes.figure.answers == 24)
        // The z-test gave 0.0013; with 0.125 × 9 = 1.1 expected-scale favourable answers it has no
        // footing, and a share of answers has no exact test: too few to test.
        #expect(yes.test == .tooFewToTest && yes.pValue == nil)
        expectClose(yes.difference, 0.125 - 28.0 / 53)
        // Issue 20: each shown row carries its mean point over the pooled answers, as the overall
        // table does ("likert idx left 1 mean of answers": 2.3333333333333335); a hidden row
        // carries none (No's would be 4.269230769230769).
        #expect(no.mean == nil)
        expectClose(yes.mean, 2.3333333333333335)
    }

    @Test func multiselectRowsShowTheAtLeastOneShare() throws {
        let result = try #require(HandSurvey.result("types"))
        let left = try #require(table(result, "left"))
        // atleast left 0 table [[7, 2], [7, 2]] min expected 2.0 fisher p 1.0
        let no = try #require(row(left, "No"))
        #expect(no.figure.n == 9 && no.figure.count == 7)
        #expect(no.test == .fisherExact(pValue: 1))
        // The blank-`left` respondent (1) takes the smaller row, Yes (8), as complement.
        let yes = try #require(row(left, "Yes"))
        #expect(yes.figure.suppressionReason == "complementary")
    }

    @Test func engagementRowsFollowPrivacyThenTheDisplayRule() throws {
        let result = try #require(HandSurvey.result("engagement"))
        let dept = try #require(table(result, "dept"))
        // Classified respondents per dept: 8, 6, 3 and 1 with no dept. Operations is below 5;
        // Engineering (8) and Sales (6) pass privacy but not the engaged-share display rule (10),
        // which is held like suppression: the hidden rows and the blank one add up to 18 ≥ 10.
        #expect(row(dept, "Engineering")?.figure.suppressionReason == "display_rule")
        #expect(row(dept, "Sales")?.figure.suppressionReason == "display_rule")
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
