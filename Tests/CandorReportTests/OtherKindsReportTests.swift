import Foundation
import Testing

import CandorAggregate

@testable import CandorReport

/// Markdown and JSON for Likert, engagement, variance-share and drivers results.
@Suite struct OtherKindsReportTests {
    let markdown = MarkdownReport.render(OtherKindsFixtures.document()).components(separatedBy: "\n")
    let json = JSONReport.render(OtherKindsFixtures.document())

    @Test(arguments: [
        // Default template "{share} — {label}"; 70/100, Wilson (0.60415, 0.78105).
        "- **70.0%** — Engagement items (70 of 100; 95% CI 60.4–78.1%)",
        "| Item | n | Strongly disagree | Disagree | Neither | Agree | Strongly agree | Favourable | Neutral | Unfavourable | Mean |  |",
        // 0.7 × 160 = 112 eighths = 14 full blocks.
        "| q01 | 100 | 5% | 10% | 15% | 40% | 30% | 70.0% | 15.0% | 15.0% | 3.80 | ██████████████ |",
        "| q02 | — | — | — | — | — | — | suppressed |  |  |  |  |",
        // 0.3 × 160 = 48 eighths = 6 full blocks.
        "| Engaged | 30.0% | 30 | 100 | 21.9–39.6% | ██████ |",
        "| Not engaged | not shown (display rule) | — | — | — |  |",
        "Mean of respondents' means: 3.60 (each respondent's mean over the items, averaged; not the mean of all"
            + " answers).",
        "| ICC(1): share of the differences that lie between groups | 4.6% |",
        // A negative bound is written with "to", not a dash that would read as a minus.
        "| 95% CI (F interval) | -1.0 to 12.0% |",
        "| F test of equal group means | F(11, 468) = 1.50, p = 0.120 |",
        "| Eta squared | 12.3% |",
        "| Eta squared expected by chance alone, (k − 1)/(N − 1) | 2.3% |",
        "| Groups left out (below the anonymity threshold) | 3 |",
        "| Respondents in the groups left out | 7 |",
        "| Respondents left out with no manager | 2 |",
        "4.6% of the differences in engagement lie between groups of manager.",
        "| q01 | 0.41 | 100 | < 0.001 | < 0.001 | yes |",
        "| q02 | — | — | — | — | — |",
    ])
    func markdownLine(_ expected: String) {
        #expect(markdown.contains(expected), "missing line: \(expected)")
    }

    @Test func aYesNoOutcomeIsNamedAPointBiserialCorrelation() {
        var result = OtherKindsFixtures.drivers()
        #expect(
            result.definitionText
                == "Pearson correlation of each item with engagement; items ranked by r, highest first")
        result.detail = .drivers(outcome: "left", items: [], isBinaryOutcome: true)
        #expect(
            result.definitionText
                == "point-biserial correlation (Pearson's r with left coded 1 = yes, 0 = no) of each item; items ranked by r, highest first"
        )
    }

    @Test func itemRestCorrelationsAreNamedInTheTableAndTheMethods() {
        var result = OtherKindsFixtures.drivers()
        result.detail = .drivers(
            outcome: "engagement",
            items: [
                DriverFigure(item: "q01", r: 0.3, n: 100, pValue: 0.002, significant: true, isItemRest: true),
                DriverFigure(item: "q09", r: 0.2, n: 100, pValue: 0.04, significant: true),
            ], isBinaryOutcome: false)
        #expect(
            result.definitionText
                == "Pearson correlation of each item with engagement; an item of the engagement block is correlated with the mean of the block's other answered items (the item-rest, or corrected item-total, correlation), so it does not count toward its own outcome, and a respondent counts for it when they answered it and another item of the block; items ranked by r, highest first"
        )
        let lines = MarkdownReport.metricSection(result)
        #expect(
            lines.contains(
                "Item q01 of the engagement block: r is with the mean of the block's other items (item-rest r, corrected for the item's own part in the score)."
            ))
        #expect(lines.contains("Items are ranked by r, highest first; an undefined r comes last."))
        #expect(JSONReport.render(OtherKindsFixtures.document()).contains("\"item_rest\": false"))
    }

    @Test func hiddenBasesAreNotInTheJSON() {
        // The suppressed Likert item and the undefined driver show no n.
        #expect(json.contains("            \"label\": \"q02\",\n            \"neutral\": {\n"))
        #expect(!json.contains("\"n\": 3"))
        #expect(
            json.contains(
                "            \"item\": \"q02\",\n            \"item_rest\": false,\n            \"p_adjusted\": null,\n            \"p_value\": null,\n            \"r\": null,\n            \"significant\": false\n"
            ))
        #expect(json.contains("        \"eta_squared\": 0.123456,\n"))
        #expect(json.contains("        \"mean_of_respondent_means\": 3.6,\n"))
    }

    @Test(.enabled(if: SchemaValidator.isAvailable, "python3 with the jsonschema module is not available; skipping"))
    func validatesAgainstTheSchema() throws {
        let result = try SchemaValidator.validate(json)
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test(.enabled(if: ExternalTool.exists(ExternalTool.cmarkGFM), "cmark-gfm is not installed; skipping"))
    func tablesAreNotRagged() throws {
        let html = try MarkdownRenderingTests.html(OtherKindsFixtures.document())
        let tables = MarkdownRenderingTests.cellCounts(html)
        #expect(tables.count == 10)  // six data-quality tables and one per metric
        for rows in tables { #expect(Set(rows).count == 1, "ragged table: \(rows)") }
    }
}
