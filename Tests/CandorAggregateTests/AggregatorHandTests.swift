import Testing

@testable import CandorAggregate
@testable import CandorClean

/// A hand-built survey of 20 responses covering every metric kind.
///
/// Expected values come from `python3 Tests/CandorAggregateTests/Reference/hand.py` (statsmodels
/// 0.15 `proportion_confint(method='wilson')` and `proportions_ztest`, scipy 1.17 `pearsonr` and
/// `norm.sf`, numpy for ANOVA sums; its dataset is the `rows` below, copied row for row). Rerun it
/// after changing `rows`; each line it prints is pasted beside the check that uses it.
enum HandSurvey {
    /// Fields: 0 dept, 1–3 q1–q3 (agree5), 4 types (A, B, C; none "None"), 5 enps, 6 left, 7 manager.
    static let schema = SurveySchema(fields: [
        categoryField("dept", ["Engineering", "Sales", "Operations"]),
        likertField("q1"), likertField("q2"), likertField("q3"),
        FieldSpec(
            name: "types", source: ColumnSource(header: "types"),
            kind: .multiselect(
                MultiselectSpec(options: ["A", "B", "C"], noneOption: "None", encoding: .joined(separator: ";")))),
        FieldSpec(name: "enps", source: ColumnSource(header: "enps"), kind: .integer(min: 0, max: 10)),
        FieldSpec(name: "left", source: ColumnSource(header: "left"), kind: .boolean(.standard)),
        categoryField("manager", ["M1", "M2", "M3", "M4"]),
    ])

    // dept, q1, q2, q3, types (A=1 B=2 C=4 None=8), enps, left, manager
    static let rows: [[Int64?]] = [
        [0, 5, 4, 4, 3, 9, 1, 0], [0, 4, 4, 5, 1, 10, 0, 0], [0, 3, 3, 2, 4, 6, 1, 0], [0, 2, 2, 1, 8, 3, 1, 0],
        [0, 4, 5, M, 6, 8, 0, 1], [0, 5, 5, 5, 8, 9, 0, 1], [0, 1, 2, M, 7, 2, 1, 1], [1, 3, 4, 3, 1, 7, 0, 1],
        [1, 4, 4, 4, 2, 9, 0, 1], [1, 2, 3, 2, M, 5, 1, 1], [1, 5, 5, 4, 5, 10, 0, 2], [1, 3, M, M, 4, M, 1, 2],
        [1, 4, 4, 3, 8, 8, M, 2], [2, 2, 1, 2, 3, 4, 1, 2], [2, 1, 1, 1, 2, 0, 1, 2], [2, M, M, M, 1, 6, 0, 3],
        [M, 4, 5, 4, 8, 9, 0, 3], [2, 5, 4, 5, 1, 10, 0, 3], [1, 3, 3, 3, 4, 7, 1, 0], [0, 4, 3, 4, M, 8, 0, 1],
    ]

    static let metrics = [
        MetricSpec(
            id: "left", label: "Left",
            kind: .share(where: .oneOf(field: 6, values: [1]), among: nil, definition: "left = Yes")),
        MetricSpec(id: "types", label: "Types", kind: .multiselect(field: 4)),
        MetricSpec(id: "items", label: "Items", kind: .likert(items: [1, 2, 3], blockName: "engagement")),
        MetricSpec(id: "enps", label: "eNPS", kind: .nps(field: 5)),
        MetricSpec(
            id: "engagement", label: "Engagement",
            kind: .engagementIndex(
                items: [1, 2, 3], name: "engagement", engagedAt: 4.0, disengagedBelow: 2.5, minimumItems: 2,
                engagedDisplayN: 10, allClassesDisplayN: 15)),
        MetricSpec(
            id: "manager", label: "Manager",
            kind: .varianceShare(score: .meanOf(items: [1, 2, 3], name: "engagement"), group: 7)),
        MetricSpec(id: "drivers", label: "Drivers", kind: .drivers(outcome: .field(5), items: [1, 2, 3])),
    ]

    static let plan = AggregationPlan(
        schema: schema, metrics: metrics, segments: [0, 6], privacy: PrivacyRules(minGroupSize: 5))

    static let results = aggregate(plan, rows).results(labels: testLabels(schema))

    static func result(_ id: String) -> MetricResult? { results.first { $0.id == id } }
}

@Suite struct AggregatorHandTests {
    @Test func shareCountsItsBaseAndWilsonInterval() throws {
        let result = try #require(HandSurvey.result("left"))
        #expect(result.kind.name == "share")
        // (9, 19, 0.47368421052631576, 0.27329805161179566, 0.6829219075488684)  proportion_confint(9, 19, method='wilson')
        #expect(result.overall.count == 9)
        #expect(result.overall.n == 19)
        expectClose(result.overall.value, 9.0 / 19)
        expectClose(result.overall.interval?.low, 0.27329805161179566)
        expectClose(result.overall.interval?.high, 0.6829219075488684)
        #expect(result.overall.unreliable)  // width 0.41 > 0.30
        #expect(result.overall.effectiveN == nil)
        #expect(result.detail == .summary(definition: "left = Yes"))
    }

    @Test func multiselectRanksOptionsAmongRespondentsWhoAnswered() throws {
        let result = try #require(HandSurvey.result("types"))
        guard case .multiselect(let options, let atLeastOne, let meanChosen) = result.detail else {
            Issue.record("not a multiselect detail")
            return
        }
        // Ranked by share, ties in declared order: A 8/18, B 6/18, C 6/18, None 4/18.
        #expect(options.map(\.label) == ["A", "B", "C", "None"])
        #expect(options.map(\.isNoneOption) == [false, false, false, true])
        #expect(options.map(\.figure.count) == [8, 6, 6, 4])
        #expect(options.allSatisfy { $0.figure.n == 18 })
        expectClose(options[0].figure.interval?.low, 0.2455951812700563)
        expectClose(options[0].figure.interval?.high, 0.6628358435795723)
        expectClose(options[3].figure.interval?.low, 0.09000928108601691)
        expectClose(options[3].figure.interval?.high, 0.45214584316212625)
        // atleast (14, 18, 0.7777777777777778, 0.5478541568378739, 0.9099907189139833)
        #expect(atLeastOne.count == 14)
        expectClose(atLeastOne.value, 14.0 / 18)
        expectClose(atLeastOne.interval?.low, 0.5478541568378739)
        expectClose(atLeastOne.interval?.high, 0.9099907189139833)
        #expect(result.overall == atLeastOne)
        // meanchosen 1.1111111111111112 (20 real options chosen / 18)
        expectClose(meanChosen, 20.0 / 18)
    }

    @Test func likertItemsAndIndex() throws {
        let result = try #require(HandSurvey.result("items"))
        guard case .likert(let items, let index) = result.detail, let index else {
            Issue.record("not a likert detail with an index")
            return
        }
        #expect(items.map(\.label) == ["q1", "q2", "q3"])
        #expect(items.map(\.n) == [19, 18, 16])
        // q 1 counts [2, 3, 4, 6, 4] pct [10, 16, 21, 32, 21]
        #expect(items[0].distribution.map(\.count) == [2, 3, 4, 6, 4])
        #expect(items[0].distribution.map(\.percent) == [10, 16, 21, 32, 21])
        #expect(items[0].distribution.map(\.label) == agree5.labels)
        // q 2 pct [11, 11, 22, 34, 22]; q 3 pct [12, 19, 19, 31, 19]
        #expect(items[1].distribution.map(\.percent) == [11, 11, 22, 34, 22])
        #expect(items[2].distribution.map(\.percent) == [12, 19, 19, 31, 19])
        for item in items { #expect(item.distribution.reduce(0) { $0 + $1.percent } == 100) }
        // q1 fav (10, 19, ..., 0.31707809245113155, 0.7267019483882042) neu 4/19 unf 5/19
        #expect(items[0].favourable.count == 10)
        expectClose(items[0].favourable.interval?.low, 0.31707809245113155)
        expectClose(items[0].favourable.interval?.high, 0.7267019483882042)
        #expect(items[0].neutral.count == 4)
        expectClose(items[0].neutral.interval?.low, 0.0850767663291625)
        #expect(items[0].unfavourable.count == 5)
        expectClose(items[0].unfavourable.interval?.high, 0.4879155089781511)
        // q3 unf (5, 16, 0.3125, 0.14164643854782027, 0.5559564416525933)
        expectClose(items[2].unfavourable.value, 0.3125)
        expectClose(items[2].unfavourable.interval?.low, 0.14164643854782027)
        // means 3.3684210526315788 (59.210526315789465), 3.4444444444444446 (61.111111111111114), 3.25 (56.25)
        expectClose(items[0].mean, 3.3684210526315788)
        expectClose(items[0].mean0to100, 59.210526315789465)
        expectClose(items[1].mean0to100, 61.111111111111114)
        expectClose(items[2].mean, 3.25)
        // index n 19 answers 53 counts [6, 8, 11, 17, 11] pct [11, 15, 21, 32, 21] fav share 28/53,
        // wilson with the 19 respondents as n: (0.3187672196073762, 0.7283169752575701), mean 3.358490566037736
        #expect(index.label == "engagement")
        #expect(index.n == 19)
        #expect(index.distribution.map(\.count) == [6, 8, 11, 17, 11])
        #expect(index.distribution.map(\.percent) == [11, 15, 21, 32, 21])
        expectClose(index.favourable.value, 28.0 / 53)
        // Clustered by respondent (python3 Tests/CandorAggregateTests/Reference/clustered.py):
        // hand survey index favourable: p 0.5283018867924528 se 0.10976269963124415 ci (0.31317094866932643, 0.7434328249155793)
        // hand survey index neutral: p 0.20754716981132076 se 0.07438032506878624 ci (0.06176441151811801, 0.3533299281045235)
        // hand survey index unfavourable: p 0.2641509433962264 se 0.09797286635564788 ci (0.0721276538770006, 0.4561742329154522)
        expectClose(index.favourable.interval?.low, 0.31317094866932643)
        expectClose(index.favourable.interval?.high, 0.7434328249155793)
        #expect(index.favourable.interval?.method == .clustered)
        #expect(index.favourable.answers == 53)
        expectClose(index.neutral.value, 11.0 / 53)
        expectClose(index.neutral.interval?.low, 0.06176441151811801)
        expectClose(index.neutral.interval?.high, 0.3533299281045235)
        expectClose(index.unfavourable.value, 14.0 / 53)
        expectClose(index.unfavourable.interval?.low, 0.0721276538770006)
        expectClose(index.unfavourable.interval?.high, 0.4561742329154522)
        expectClose(index.mean, 3.358490566037736)
        #expect(result.overall == index.favourable)
    }

    @Test func netPromoterScoreAndBuckets() throws {
        let result = try #require(HandSurvey.result("enps"))
        // n 19 P 7 Pa 5 D 7 score 0.0 ci -38.59744063455358 38.59744063455358
        #expect(result.overall.n == 19)
        expectClose(result.overall.value, 0)
        expectClose(result.overall.interval?.low, -38.59744063455358)
        expectClose(result.overall.interval?.high, 38.59744063455358)
        #expect(result.overall.unreliable)  // 77 points > 30
        guard case .nps(let promoters, let passives, let detractors) = result.detail else {
            Issue.record("not an nps detail")
            return
        }
        #expect([promoters.count, passives.count, detractors.count] == [7, 5, 7])
        expectClose(passives.value, 5.0 / 19)
    }

    @Test func engagementClassesAndDisplayRules() throws {
        let result = try #require(HandSurvey.result("engagement"))
        guard case .engagement(let engaged, let notEngaged, let disengaged, let meanScore, let rule) = result.detail
        else {
            Issue.record("not an engagement detail")
            return
        }
        // n 18 E (8, 18, .., 0.2455951812700563, 0.6628358435795723) N 5/18 D 5/18 (0.12499753379553993,
        // 0.5087265656029747) mean 3.3518518518518516
        #expect(engaged.n == 18)
        #expect([engaged.count, notEngaged.count, disengaged.count] == [8, 5, 5])
        expectClose(engaged.interval?.low, 0.2455951812700563)
        expectClose(disengaged.interval?.low, 0.12499753379553993)
        expectClose(disengaged.interval?.high, 0.5087265656029747)
        expectClose(meanScore, 3.3518518518518516)
        #expect(result.overall == engaged)
        #expect(rule.contains("at least 4.0"))
        #expect(rule.contains("below 2.5"))
        #expect(rule.contains("at least 2 of them"))
        #expect(rule.contains("from 10 respondents, all three classes from 15"))
    }

    @Test(arguments: [(20, 10), (10, 20), (30, 100), (18, 18)])
    func engagementDisplayRulesHideClassesBelowTheirCounts(engagedN: Int, allN: Int) throws {
        // 18 classified respondents: engaged shown from engagedN, the other two from allN.
        var metrics = HandSurvey.metrics
        metrics[4].kind = .engagementIndex(
            items: [1, 2, 3], name: "engagement", engagedAt: 4.0, disengagedBelow: 2.5, minimumItems: 2,
            engagedDisplayN: engagedN, allClassesDisplayN: allN)
        let plan = AggregationPlan(schema: HandSurvey.schema, metrics: metrics, privacy: PrivacyRules(minGroupSize: 5))
        let result = aggregate(plan, HandSurvey.rows).results(labels: testLabels(HandSurvey.schema))[4]
        guard case .engagement(let engaged, let notEngaged, let disengaged, _, _) = result.detail else {
            Issue.record("not an engagement detail")
            return
        }
        let engagedExpected = engagedN > 18
        let othersExpected = allN > 18
        #expect(engaged.suppressed == engagedExpected)
        #expect(notEngaged.suppressed == othersExpected && disengaged.suppressed == othersExpected)
        if engagedExpected {
            #expect(engaged.suppressionReason == "display_rule" && engaged.value == nil)
            #expect(result.overall.suppressionReason == "display_rule")
        }
        if othersExpected { #expect(notEngaged.suppressionReason == "display_rule" && notEngaged.count == nil) }
    }

    @Test func varianceShareLeavesSmallGroupsOut() throws {
        let result = try #require(HandSurvey.result("manager"))
        // {M1: 5, M2: 7, M3: 5, M4: 2}; N 17 G 3 eta 0.05490572927677743 icc -0.118787364567438
        guard case .varianceShare(let figures) = result.detail else {
            Issue.record("not a variance-share detail")
            return
        }
        let (eta, icc, groups, respondents, below) = (
            figures.etaSquared, figures.icc1, figures.groups, figures.respondents, figures.groupsBelowThreshold
        )
        let (score, grouping) = (figures.score, figures.grouping)
        #expect(groups == 3)
        #expect(respondents == 17)
        #expect(below == 1)
        expectClose(eta, 0.05490572927677743)
        expectClose(icc, -0.118787364567438)
        #expect(score == "engagement" && grouping == "manager")
        // The headline figure is ICC(1), negative here: shown as it is, with no detectable difference.
        expectClose(result.overall.value, -0.118787364567438)
        #expect(figures.showsNoDifference)
        #expect(result.segments.isEmpty)
    }

    @Test func driversAreRankedByAbsoluteCorrelation() throws {
        let result = try #require(HandSurvey.result("drivers"))
        guard case .drivers(let outcome, let items, let isBinaryOutcome) = result.detail else {
            Issue.record("not a drivers detail")
            return
        }
        #expect(outcome == "enps" && !isBinaryOutcome)
        // q1 18 0.9470735178270064 2.6207397177392076e-09; q3 16 0.9255487447253661 2.7878562185025836e-07;
        // q2 18 0.8715755371245493 2.4676121908575263e-06  (scipy.stats.pearsonr)
        #expect(items.map(\.item) == ["q1", "q3", "q2"])
        #expect(items.map(\.n) == [18, 16, 18])
        expectClose(items[0].r, 0.9470735178270064)
        expectClose(items[0].pValue, 2.6207397177392076e-09, relative: 1e-6)
        expectClose(items[1].r, 0.9255487447253661)
        expectClose(items[1].pValue, 2.7878562185025836e-07, relative: 1e-6)
        expectClose(items[2].r, 0.8715755371245493)
        expectClose(items[2].pValue, 2.4676121908575263e-06, relative: 1e-6)
        #expect(items.allSatisfy { $0.significant })
        #expect(result.segments.isEmpty)
    }

    @Test func aMetricUnderTheThresholdShowsNothing() {
        let plan = AggregationPlan(
            schema: HandSurvey.schema, metrics: HandSurvey.metrics, privacy: PrivacyRules(minGroupSize: 5))
        let results = aggregate(plan, Array(HandSurvey.rows.prefix(4))).results(labels: testLabels(HandSurvey.schema))
        for result in results where result.kind.name != "drivers" && result.kind.name != "variance_share" {
            #expect(result.overall.suppressed, "\(result.id)")
            #expect(result.overall.value == nil && result.overall.interval == nil && result.overall.count == nil)
            #expect(result.overall.suppressionReason == "below_threshold")
        }
        if case .likert(let items, let index) = results[2].detail {
            #expect(items.allSatisfy { $0.distribution.isEmpty && $0.mean == nil && $0.favourable.suppressed })
            #expect(index?.favourable.value == nil)
        } else {
            Issue.record("not a likert detail")
        }
        if case .drivers(_, let items, _) = results[6].detail {
            #expect(items.allSatisfy { $0.r == nil && $0.pValue == nil && !$0.significant })
        } else {
            Issue.record("not a drivers detail")
        }
    }
}
