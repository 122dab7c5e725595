import CandorAggregate
import Testing

@testable import CandorReport

/// Key lines of the Markdown report for the fixture document, worked out by hand from the
/// fixture's numbers (intervals in `ReportFixtures`).
@Suite struct MarkdownReportTests {
    let lines = MarkdownReport.render(ReportFixtures.document()).components(separatedBy: "\n")

    @Test(arguments: [
        "# Bad bosses, 2026",
        // 1194/1200 = 99.5%; Wilson (0.98913, 0.99771) → 98.9–99.8%.
        "- **99.5%** of respondents have had one or more types of bad boss (1,194 of 1,200; 95% CI 98.9–99.8%)",
        // Score +12, interval (7.2, 16.8) → +7 to +17.
        "- **+12** is the employee Net Promoter Score (n = 1,200; 95% CI +7 to +17)",
        "- Outside estimate, not computed from this survey: Companies pick the wrong manager 82% of the time (Source: Gallup, State of the American Manager (2015))",
        "Every row is accounted for: 1,250 read = 1,200 accepted + 30 rejected + 20 excluded.",
        "| Read | 1,250 |",
        "| Rejected | 30 |",
        "| Excluded by filters | 20 |",
        #"| duplicate\_id | 20 |"#,
        #"| invalid\_value | 10 |"#,
        "| finished | 20 |",
        "| q01 | 3 | 5 | 0 |",
        "| enps | 0 | 0 | 2 |",
        // 12 / 1150 = 1.043…% → 1.0%
        "| engagement | 12 | 1,150 | 1.0% |",
        "| ../SampleData/bad-boss.csv | 123,456 | 1,250 | \(ReportFixtures.sha) |",
        // Share table.
        "| Had one or more types of bad boss | 99.5% | 1,194 | 1,200 | 98.9–99.8% |",
        // Segment rows: 597/600 (98.5–99.8%), difference 0.0 pts.
        "| Engineering | 99.5% | 597 | 600 | 98.5–99.8% | 0.0 pts | 0.930 | no |",
        // 571/572 = 99.825% → 99.8%; (0.99016, 0.99969) → 99.0–100.0%; +0.3252 pts → +0.3 pts.
        "| Sales | 99.8% | 571 | 572 | 99.0–100.0% | +0.3 pts | 0.310 | no |",
        // 6/8 = 75.0%, unreliable; (0.40928, 0.92852) → 40.9–92.9%; 0.75 − 0.995 = −24.5 pts.
        "| Field ops | 75.0% † | 6 | 8 | 40.9–92.9% | -24.5 pts | < 0.001 | yes |",
        // Suppressed groups: no count, no n, no interval.
        "| Legal | suppressed (small group) | — | — | — | — | — | — |",
        "| Support | suppressed (complement) | — | — | — | — | — | — |",
        // Multiselect, bar of 20 characters by eighths: 0.62 × 160 = 99.2 → 99 eighths = 12 full + 3.
        "| Micromanager | 62.0% | 744 | 1,200 | 59.2–64.7% | ████████████▍ |",
        // 0.41 × 160 = 65.6 → 66 eighths = 8 full + 2.
        "| Absentee | 41.0% | 492 | 1,200 | 38.3–43.8% | ████████▎ |",
        // 0.005 × 160 = 0.8 → 1 eighth.
        "| None of these (none option) | 0.5% | 6 | 1,200 | 0.2–1.1% | ▏ |",
        // NPS buckets: 0.35 × 160 = 56 → 7 full; 0.42 × 160 = 67.2 → 8 full + 3; 0.23 × 160 = 36.8 → 4 full + 5.
        "| Promoters (9–10) | 35.0% | 420 | 1,200 | 32.4–37.7% | ███████ |",
        "| Passives (7–8) | 42.0% | 504 | 1,200 | 39.2–44.8% | ████████▍ |",
        "| Detractors (0–6) | 23.0% | 276 | 1,200 | 20.7–25.5% | ████▋ |",
        "| Net Promoter Score | +12 | — | 1,200 | +7 to +17 |  |",
        "Mean number of options chosen: 1.03.",
        "- Intervals: 95% intervals, each figure's method named beside it (interval\\_method).",
        "- Favourable: agree5: Agree or Strongly agree (4–5) favourable; Strongly disagree or Disagree (1–2) unfavourable",
        "- Weighting: none; every response counts once.",
        "- Free text: Free-text answers are not quoted.",
        #"- Had one or more types of bad boss (any\_bad\_boss, share): bad\_boss\_types is any of Micromanager, Absentee, Bully"#,
    ])
    func containsLine(_ expected: String) {
        #expect(lines.contains(expected), "missing line: \(expected)")
    }

    @Test func explainsSuppressionExactlyOnce() {
        let note =
            "Suppressed: a group with fewer than 5 respondents (the anonymity threshold) gets no figure, and where hiding one group alone would let its figure be recovered by subtraction from the total or from other groups, further groups are hidden too (complementary suppression). No count or n is shown for a hidden group."
        #expect(lines.filter { $0 == note }.count == 1)
        // The unreliable mark is explained once in the results (no headline is unreliable).
        #expect(
            lines.filter { $0.hasPrefix("† Unreliable: the 95% interval is wider than 30.0 percentage points") }.count
                == 1)
    }

    @Test func suppressedGroupsNeverShowTheirN() {
        // Legal has n = 3 and Support n = 17: neither number may appear on their rows.
        for row in lines where row.hasPrefix("| Legal") || row.hasPrefix("| Support") {
            #expect(!row.contains("3") && !row.contains("17"))
        }
    }

    @Test func suppressedHeadlineSaysSoInsteadOfANumber() {
        var document = ReportFixtures.document()
        document.metrics[0].overall = document.metrics[0].overall.hidden("below_threshold")
        let text = MarkdownReport.render(document)
        #expect(text.contains("- Had one or more types of bad boss: suppressed for privacy, so no figure is shown.\n"))
        #expect(!text.contains("**99.5%**"))
    }

    @Test func defaultTemplateAndUnreliableHeadline() {
        var document = ReportFixtures.document()
        document.headlines = [.metric(metricID: "any_bad_boss", template: "")]
        document.metrics[0].overall.unreliable = true
        let text = MarkdownReport.render(document)
        #expect(
            text.contains("- **99.5%** — Had one or more types of bad boss (1,194 of 1,200; 95% CI 98.9–99.8%) †\n"))
    }

    @Test func unbalancedCountsAreCalledOut() {
        var document = ReportFixtures.document()
        document.accounting.read = 1_251
        let text = MarkdownReport.render(document)
        #expect(text.contains("The counts do not balance: 1,251 read ≠ 1,200 accepted + 30 rejected + 20 excluded."))
    }

    @Test func sameDocumentSameBytes() {
        #expect(MarkdownReport.render(ReportFixtures.document()) == MarkdownReport.render(ReportFixtures.document()))
    }
}
