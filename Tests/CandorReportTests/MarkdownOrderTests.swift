import Testing

@testable import CandorReport

/// The Markdown report reads like the HTML one: results before the audit (issue 19).
@Test("headlines and results come before data quality, inputs and checksums, and methods")
func markdownSectionsAreInTheReadersOrder() throws {
    let markdown = MarkdownReport.render(ReportFixtures.document())
    let order = [
        "\n## Headlines\n", "\n## Results\n", "\n## Data quality\n", "\n## Inputs and checksums\n", "\n## Methods\n",
    ]
    let positions = try order.map { try #require(markdown.range(of: $0)).lowerBound }
    #expect(positions == positions.sorted())
    // The definition's checksum is in the appendix, not above the headlines.
    let checksum = try #require(markdown.range(of: "definition SHA-256 " + ReportFixtures.sha)).lowerBound
    #expect(checksum > positions[3] && checksum < positions[4])
}
