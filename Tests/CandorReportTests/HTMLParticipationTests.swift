import CandorAggregate
import Testing

@testable import CandorReport

/// The HTML report's response rates: the Markdown's table, before the results, escaped.
@Suite struct HTMLParticipationTests {
    /// A roster of 20 in two groups of 10 ("x" 7 responded, "<b>y" 3), a threshold of 5 and a
    /// target of 60%: by hand, 10/20 = 50.0% overall (below target), x 70.0%, y 30.0% (below).
    static func document() throws -> ReportDocument {
        let rates = try ResponseRates(
            invited: 20, responded: 10,
            fields: [
                .init(
                    field: "dept",
                    groups: [
                        .init(label: "x", invited: 10, responded: 7), .init(label: "<b>y", invited: 10, responded: 3),
                    ],
                    invitedBlank: 0)
            ], minGroupSize: 5, target: 0.6)
        var document = ReportFixtures.document()
        document.participation = ParticipationSection(roster: "roster.csv", rates: rates, warnings: ["a & b"])
        return document
    }

    @Test func theRatesComeBeforeTheResults() throws {
        let html = HTMLReport.render(try Self.document())
        let rates = try #require(html.range(of: "<section id=\"response-rates\""))
        let results = try #require(html.range(of: "<section id=\"results\""))
        #expect(rates.lowerBound < results.lowerBound)
    }

    @Test func theTableHoldsTheHandCountedRates() throws {
        let html = HTMLReport.render(try Self.document())
        #expect(html.contains("All invited"))
        #expect(html.contains("50.0%") && html.contains("70.0%") && html.contains("30.0%"))
        #expect(html.contains("below target"))
        #expect(html.contains("dept: &lt;b&gt;y") && !html.contains("<b>y"))
        #expect(html.contains("a &amp; b"))
    }
}
