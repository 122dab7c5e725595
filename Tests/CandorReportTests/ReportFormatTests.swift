import CandorAggregate
import CandorCore
import Foundation
import Testing

@testable import CandorClean
@testable import CandorReport

/// The report-format keys of issue 17 (adjusted p beside the raw one, each figure's interval
/// method, the report's date) and its small errors (eNPS rules without an nps metric, count nouns,
/// "100..", unquoted option lists, suppression reasons missing from the Markdown).
@Suite struct ReportFormatTests {
    /// A department table: one row z-tested (raw 0.02, adjusted 0.04), one by Fisher's exact test
    /// (raw 0.0004, adjusted 0.0012), one too few to test, one below the threshold, one complement.
    static func testedTable() -> SegmentTable {
        let figure = Figure(value: 0.5, count: 20, n: 40, interval: ReportFixtures.ci(0.35, 0.65))
        return SegmentTable(
            name: "department", fields: ["department"],
            rows: [
                SegmentRow(
                    labels: ["Sales"], figure: figure, difference: 0.1, pValue: 0.02, significant: true,
                    pAdjusted: 0.04, test: .approximate(pValue: 0.02)),
                SegmentRow(
                    labels: ["Legal"], figure: Figure(value: 1, count: 8, n: 8, interval: ReportFixtures.ci(0.68, 1)),
                    difference: 0.5, pValue: 0.0004, significant: true, pAdjusted: 0.0012,
                    test: .fisherExact(pValue: 0.0004)),
                SegmentRow(labels: ["Field"], figure: figure, difference: 0, test: .tooFewToTest),
                SegmentRow(labels: ["Board"], figure: figure.hidden("below_threshold")),
                SegmentRow(labels: ["Office"], figure: figure.hidden("complementary")),
            ],
            test: "two-proportion z-test; 5% level after Holm adjustment", adjustment: .holm)
    }

    static func document(asOf: ReportDate? = nil, methods: ReportMethods = ReportFixtures.methods) -> ReportDocument {
        var metric = ReportFixtures.anyBadBoss()
        metric.segments = [testedTable()]
        var document = ReportFixtures.document()
        document.metrics = [metric]
        document.headlines = []
        document.methods = methods
        document.asOf = asOf
        return document
    }

    @Test func markdownShowsTheAdjustedPAndSaysSo() {
        let markdown = MarkdownReport.render(Self.document())
        #expect(markdown.contains("| p (adj.) | Differs |"))
        #expect(markdown.contains("| 0.040 | yes |"))
        #expect(!markdown.contains("| 0.020 |"))
        #expect(markdown.contains("| 0.001 (exact) | yes |"))
        #expect(markdown.contains("| too few to test | — |"))
        #expect(
            markdown.contains("p (adj.): the p-value adjusted within the table (Holm); (exact): Fisher's exact test"))
    }

    @Test func anUnadjustedTableSaysPNotPAdjusted() {
        var document = Self.document()
        document.metrics[0].segments[0].adjustment = .none
        let markdown = MarkdownReport.render(document)
        #expect(markdown.contains("| Difference | p | Differs |"))
        #expect(!markdown.contains("p (adj.)"))
    }

    @Test func markdownNamesEachSuppressionReasonAndExplainsItUnderTheTable() {
        let markdown = MarkdownReport.render(Self.document())
        #expect(markdown.contains("| Board | suppressed (small group) |"))
        #expect(markdown.contains("| Office | suppressed (complement) |"))
        #expect(
            markdown.contains(
                "Suppressed (small group): fewer than 5 respondents, the anonymity threshold. Suppressed (complement):"
                    + " hidden as well, so that a smaller group cannot be worked out by subtraction."))
    }

    /// The report's JSON as a tree.
    static func tree(_ document: ReportDocument) throws -> [String: Any] {
        let data = Data(JSONReport.render(document).utf8)
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func jsonGivesRawAndAdjustedPAndTheIntervalMethod() throws {
        let json = try Self.tree(Self.document())
        let segment = try #require((json["segments"] as? [[String: Any]])?.first)
        #expect(segment["p_adjustment"] as? String == "holm")
        let rows = try #require(segment["rows"] as? [[String: Any]])
        #expect(rows[0]["p_value"] as? Double == 0.02 && rows[0]["p_adjusted"] as? Double == 0.04)
        #expect(rows[0]["test_used"] as? String == "approximate" && rows[0]["interval_method"] as? String == "wilson")
        #expect(rows[1]["p_value"] as? Double == 0.0004 && rows[1]["p_adjusted"] as? Double == 0.0012)
        #expect(rows[1]["test_used"] as? String == "fisher_exact")
        #expect(rows[2]["p_value"] is NSNull && rows[2]["p_adjusted"] is NSNull && rows[2]["significant"] is NSNull)
        #expect(rows[2]["test_used"] as? String == "too_few_to_test")
        // A hidden row has no test, no p and no interval method.
        #expect(rows[3]["p_adjusted"] == nil && rows[3]["test_used"] == nil && rows[3]["interval_method"] == nil)
        if SchemaValidator.isAvailable {
            let result = try SchemaValidator.validate(JSONReport.render(Self.document()))
            #expect(result.status == 0, "\(result.stderr)")
        }
    }

    @Test func methodsExplainEachIntervalMethodUsedAndTheAdjustment() throws {
        let methods = ReportMethods(
            minGroupSize: 5, maxIntervalWidth: 0.3, intervalMethods: [.wilson, .t], adjustment: .benjaminiHochberg)
        let markdown = MarkdownReport.render(Self.document(methods: methods))
        #expect(markdown.contains("- Interval wilson: the Wilson score interval of a share, 95%"))
        #expect(markdown.contains("- Interval t: mean ± t(0.975, n − 1)·s/√n"))
        #expect(!markdown.contains("- Interval kish\\_wilson"))
        #expect(markdown.contains("- Many comparisons: each segment table tests every shown group against the rest"))
        let json = try #require(try Self.tree(Self.document(methods: methods))["methods"] as? [String: Any])
        #expect((json["interval_methods"] as? [String: String])?.keys.sorted() == ["t", "wilson"])
        #expect(json["p_adjustment"] as? String == "benjamini_hochberg")
    }

    @Test func theENPSRulesAppearOnlyWithAnNPSMetric() throws {
        // Before, every report's methods stated the eNPS buckets.
        let without = MarkdownReport.render(Self.document())
        #expect(!without.contains("- eNPS:"))
        #expect((try Self.tree(Self.document())["methods"] as? [String: Any])?["enps_buckets"] is NSNull)
        let methods = ReportMethods(
            minGroupSize: 5, maxIntervalWidth: 0.3, enpsBuckets: ReportMethods.defaultENPSBuckets)
        #expect(MarkdownReport.render(Self.document(methods: methods)).contains("- eNPS: Promoters answer 9–10"))
    }

    @Test func aThresholdOfOneIsOneRespondent() {
        let methods = ReportMethods(minGroupSize: 1, maxIntervalWidth: 0.3)
        let markdown = MarkdownReport.render(Self.document(methods: methods))
        #expect(markdown.contains("- Anonymity threshold: 1 respondent; smaller groups"))
        #expect(markdown.contains("fewer than 1 respondent, the anonymity threshold."))
        #expect(!markdown.contains("1 respondents"))
        #expect(FigureText.counted(1_066, "respondent") == "1,066 respondents")
        #expect(FigureText.counted(0, "answer") == "0 answers")
    }

    @Test func anEngagementRuleEndingWithAStopGetsNoSecondOne() {
        // The aggregate stage's rule ends "…, all three classes from 100."; the report wrote "100..".
        var metric = OtherKindsFixtures.engagement()
        guard case .engagement(let engaged, let notEngaged, let disengaged, let mean, _) = metric.detail else {
            Issue.record("the fixture is an engagement metric")
            return
        }
        metric.detail = .engagement(
            engaged: engaged, notEngaged: notEngaged, activelyDisengaged: disengaged, meanScore: mean,
            rule: "The engaged share is shown from 30 respondents, all three classes from 100.")
        var document = Self.document()
        document.metrics = [metric]
        let markdown = MarkdownReport.render(document)
        #expect(
            markdown.contains("Rule: The engaged share is shown from 30 respondents, all three classes from 100.\n"))
        #expect(!markdown.contains("100.."))
    }

    @Test func aRuleEndingWithAStopGetsNoSecondOne() {
        #expect(FigureText.sentence("all three classes from 100.") == "all three classes from 100.")
        #expect(FigureText.sentence("all three classes from 100") == "all three classes from 100.")
    }

    @Test func theDateIsShownUnderTheHeadingAndInTheJSON() throws {
        let option = try #require(ReportDate(iso: "2026-03-31"))
        let markdown = MarkdownReport.render(Self.document(asOf: option))
        #expect(
            markdown.contains(
                "Data quality, inputs, checksums and methods follow the results, as an appendix.\n\nData as of 2026-03-31 (given with --as-of).\n"
            ))
        let given = try #require(try Self.tree(Self.document(asOf: option))["as_of"] as? [String: Any])
        #expect(
            given["date"] as? String == "2026-03-31" && given["source"] as? String == "option"
                && given["field"] is NSNull)
        let field = ReportDate(epochSeconds: 1_774_951_199, field: "submitted")
        let latest = try #require(try Self.tree(Self.document(asOf: field))["as_of"] as? [String: Any])
        #expect(latest["date"] as? String == "2026-03-31" && latest["source"] as? String == "field")
        #expect(latest["field"] as? String == "submitted")
        #expect(try Self.tree(Self.document())["as_of"] is NSNull)
        #expect(!MarkdownReport.render(Self.document()).contains("Data as of"))
    }

    /// Civil dates of epoch seconds, from Python:
    /// `python3 -c "import datetime as d; print(d.datetime.fromtimestamp(S, d.timezone.utc).date())"`.
    @Test(arguments: [
        (Int64(0), "1970-01-01"), (-1, "1969-12-31"), (1_774_915_199, "2026-03-30"), (1_774_915_200, "2026-03-31"),
        (951_782_400, "2000-02-29"), (4_107_542_400, "2100-03-01"), (-2_208_988_800, "1900-01-01"),
        (253_402_300_799, "9999-12-31"),
    ])
    func epochSecondsGiveTheUTCDay(_ example: (Int64, String)) {
        #expect(ReportDate(epochSeconds: example.0, field: "t").date == example.1)
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-3-31", "31/03/2026", "2026-03-31T00:00", "", "0000-01-01"])
    func notADate(_ text: String) {
        #expect(ReportDate(iso: text) == nil)
    }

    @Test func leapDaysAreDates() {
        #expect(ReportDate(iso: "2024-02-29")?.date == "2024-02-29")
        #expect(ReportDate(iso: "2000-02-29") != nil && ReportDate(iso: "1900-02-29") == nil)
    }

    @Test func optionListsAreQuotedValueByValue() {
        #expect(
            QuotedList.text(["Micromanager", "Credit taker, blame shifter"])
                == #""Micromanager", "Credit taker, blame shifter""#)
        #expect(QuotedList.quoted(#"say "no""#) == #""say \"no\"""#)
        let scale = LikertScale(name: "s", labels: ["Bad", "Fine, mostly", "Good"], favourable: [2, 3])
        #expect(scale.favourableDescription == #"2–3 ("Fine, mostly", "Good")"#)
    }
}
