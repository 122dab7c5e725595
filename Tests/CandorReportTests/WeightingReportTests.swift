import Foundation
import Testing

@testable import CandorAggregate
@testable import CandorReport

/// The raking section in every format, and its JSON against the schema.
@Suite("Weighting section")
struct WeightingReportTests {
    static let margins = [
        WeightingSection.Margin(field: "dept", levels: [("A", 30), ("B", 20), ("C", nil)])
    ]

    static func document(applied: Bool) -> ReportDocument {
        var document = ReportFixtures.document()
        document.weighting = WeightingSection(
            roster: "roster.csv", margins: margins, tolerance: 1e-6, maxIterations: 50,
            fit: applied
                ? .init(
                    iterations: 3, converged: true, minimumWeight: 2, maximumWeight: 5, designEffect: 1.216,
                    effectiveN: 13.157894)
                : nil,
            emptyCells: applied ? [] : ["dept 'C'"],
            warnings: applied ? ["dept 'Z' is not in the roster roster.csv; its respondents take the mean weight"] : [])
        return document
    }

    @Test(
        .enabled(if: SchemaValidator.isAvailable, "python3 with jsonschema is not available"),
        arguments: [true, false])
    func validatesAgainstTheSchema(applied: Bool) throws {
        let result = try SchemaValidator.validate(JSONReport.render(Self.document(applied: applied)))
        #expect(result.status == 0, "\(result.stderr)")
    }

    @Test func markdownListsTheMarginsAndTheFit() {
        let markdown = MarkdownReport.render(Self.document(applied: true))
        #expect(markdown.contains("## Weighting to the roster"))
        #expect(markdown.contains("| dept | A | 30 |"))
        #expect(markdown.contains("| dept | C | suppressed |"))
        #expect(markdown.contains("- Converged in 3 iterations (tolerance 1e-06, at most 50)."))
        #expect(
            markdown.contains(
                "- Weights from 2.000 to 5.000; design effect (Kish, n·Σw²/(Σw)²) 1.216, effective n about 13.2"
                    + " (approximate under raking)."))
        #expect(markdown.contains("- dept 'Z' is not in the roster roster.csv; its respondents take the mean weight"))
        let html = HTMLReport.render(Self.document(applied: true))
        #expect(html.contains("<h2>Weighting to the roster</h2>"))
    }

    @Test func theFallbackNamesTheEmptyCells() {
        let markdown = MarkdownReport.render(Self.document(applied: false))
        #expect(
            markdown.contains(
                "- Not applied: no respondent yet in dept 'C', so no weight can reach the roster's margins. The"
                    + " figures are unweighted."))
        let json = JSONReport.render(Self.document(applied: false))
        #expect(json.contains("\"applied\": false"))
        #expect(json.contains("\"design_effect\": null"))
    }
}
