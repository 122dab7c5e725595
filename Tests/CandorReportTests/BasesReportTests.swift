import Testing

@testable import CandorAggregate
@testable import CandorReport

/// Bases in words (issue 17, item 8): a headline names a base that is not every accepted
/// respondent; a Likert index states its answers beside its respondents; the two engagement means
/// are named apart. The fixture's accepted count is 1,200.
@Suite struct BasesReportTests {
    /// An engaged share of 306 of 1,066 (Wilson 26.1–31.5%) and a Likert index, 48.9% of 14,193
    /// answers from 1,194 respondents (clustered 47.0–50.7%), with one segment row.
    static func document(engagedN: Int = 1_066) -> ReportDocument {
        var document = ReportFixtures.document()
        var engaged = MetricResult(
            id: "engaged", label: "Engaged", kind: ShareMetric.self,
            overall: Figure(
                value: 306.0 / Double(engagedN), count: 306, n: engagedN,
                interval: Interval(low: 0.2612, high: 0.3147, method: .wilson)),
            detail: .summary(definition: "engaged"))
        engaged.base = "who answered all twelve items of engagement"
        var favourable = Figure(
            value: 0.489, n: 1_194, interval: Interval(low: 0.4701, high: 0.5071, method: .clustered))
        favourable.answers = 14_193
        var groupFigure = Figure(
            value: 0.468, n: 331, interval: Interval(low: 0.433, high: 0.503, method: .clustered))
        groupFigure.answers = 3_926
        let row = SegmentRow(
            labels: ["Engineering"], figure: groupFigure, difference: -0.021, pValue: 0.368, significant: false,
            mean: 3.36)
        let neutral = Figure(value: 0.308, n: 1_194)
        let index = LikertFigure(
            label: "engagement", n: 1_194,
            distribution: [PointShare(point: 1, label: "No", count: 14_193, percent: 100)], favourable: favourable,
            neutral: neutral, unfavourable: neutral, mean: 3.43, mean0to100: 60.75)
        var likert = MetricResult(
            id: "items", label: "Items", kind: LikertMetric.self, overall: favourable,
            detail: .likert(items: [], index: index),
            segments: [SegmentTable(name: "department", fields: ["department"], rows: [row], test: "z")])
        likert.base = nil
        document.metrics = [engaged, likert]
        document.headlines = [
            .metric(metricID: "engaged", template: "{share} are engaged"),
            .metric(metricID: "items", template: "{share} of answers are favourable"),
        ]
        return document
    }

    @Test func aHeadlineNamesABaseThatIsNotEveryRespondent() {
        let markdown = MarkdownReport.render(Self.document())
        #expect(
            markdown.contains(
                "- **28.7%** are engaged (306 of the 1,066 who answered all twelve items of engagement; 95% CI"
                    + " 26.1–31.5%)"))
        let json = JSONReport.render(Self.document())
        #expect(json.contains("\"base\": \"who answered all twelve items of engagement\""))
    }

    @Test func everyRespondentNeedsNoWords() {
        let markdown = MarkdownReport.render(Self.document(engagedN: 1_200))
        #expect(markdown.contains("- **25.5%** are engaged (306 of 1,200; 95% CI 26.1–31.5%)"))
    }

    @Test func aLikertIndexStatesItsAnswersAndRespondents() {
        let markdown = MarkdownReport.render(Self.document())
        for expected in [
            "- **48.9%** of answers are favourable (14,193 answers from 1,194 respondents; 95% CI 47.0–50.7%)",
            "Favourable overall: 48.9% (14,193 answers from 1,194 respondents; 95% CI 47.0–50.7%).",
            "| department | Value | Mean of answers | Answers | n | 95% CI | Difference | p (adj.) | Differs |",
            "| Engineering | 46.8% | 3.36 | 3,926 | 331 | 43.3–50.3% | -2.1 pts | 0.368 | no |",
        ] {
            #expect(markdown.contains(expected), "missing: \(expected)")
        }
        #expect(markdown.contains("The index pools 14,193 answers from 1,194 respondents"))
        let json = JSONReport.render(Self.document())
        #expect(json.contains("\"answers\": 14193,"))
        #expect(json.contains("\"mean_of_answers\": 3.43,"))
    }

    @Test(.enabled(if: SchemaValidator.isAvailable)) func jsonValidates() throws {
        let result = try SchemaValidator.validate(JSONReport.render(Self.document()))
        #expect(result.status == 0, "\(result.stderr)")
    }
}
