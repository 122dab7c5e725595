import CandorAggregate
import Testing

@testable import CandorReport

/// How reports show a change since the previous wave: the sentence per headline, the Change
/// column, the trend table, the JSON `change` objects and their schema.
@Suite struct WaveChangeReportTests {
    /// +4.1 points since 2025-Q4, significant; Engineering's row down 2.0 points, not significant;
    /// eNPS not compared (its definition changed).
    static func document(minimum: Double? = nil) -> ReportDocument {
        var document = ReportFixtures.document()
        let up = FigureChange(
            previousWave: "2025-Q4", previousValue: 0.954, difference: 0.041, test: .twoProportionZ, pValue: 0.001,
            pAdjusted: 0.002, significant: true, meaningful: minimum.map { 4.1 >= $0 })
        let down = FigureChange(
            previousWave: "2025-Q4", previousValue: 1.015, difference: -0.02, test: .twoProportionZ, pValue: 0.3,
            pAdjusted: 0.45, significant: false, meaningful: minimum.map { 2.0 >= $0 })
        document.waveChanges = WaveChanges(
            wave: "2026-Q1", previousWave: "2025-Q4", minimumDifference: minimum,
            metrics: [
                "any_bad_boss": MetricChange(
                    overall: up, definitionChanged: false, segments: ["department": [["Engineering"]: down]]),
                "enps": MetricChange(overall: nil, definitionChanged: true, segments: [:]),
            ],
            trend: [
                TrendWave(
                    wave: "2025-Q4",
                    figures: ["any_bad_boss": Figure(value: 0.954, n: 1_100, interval: ReportFixtures.ci(0.94, 0.965))]),
                TrendWave(wave: "2026-Q1", figures: ["any_bad_boss": document.metrics[0].overall]),
            ])
        return document
    }

    @Test func eachHeadlineGetsOneLineWithItsChange() {
        let markdown = MarkdownReport.render(Self.document())
        #expect(
            markdown.contains(
                """
                ## Change since 2025-Q4

                - Had one or more types of bad boss: up 4.1 points since 2025-Q4 (significant).
                - Employee Net Promoter Score: not compared: its definition changed since 2025-Q4.
                """))
        #expect(markdown.contains("| 2025-Q4 | 95.4% | —"))
        #expect(markdown.contains("independent samples"))
    }

    @Test func segmentTablesGetAChangeColumn() {
        let markdown = MarkdownReport.render(Self.document())
        #expect(markdown.contains("| Differs | Change |"))
        #expect(markdown.contains("| no | -2.0 pts |"))
    }

    @Test func aChangeUnderTheMinimumIsMarked() {
        let markdown = MarkdownReport.render(Self.document(minimum: 5))
        #expect(markdown.contains("up 4.1 points since 2025-Q4 (significant, under the minimum difference)."))
        #expect(markdown.contains("- Meaningful change: a difference of at least 5.0 points"))
    }

    @Test func aChangeThatRoundsToZeroIsUnchanged() {
        var document = Self.document()
        document.waveChanges?.metrics["any_bad_boss"]?.overall?.difference = 0.0004
        #expect(
            MarkdownReport.render(document).contains(
                "- Had one or more types of bad boss: unchanged since 2025-Q4 (significant)."))
    }

    @Test func withoutAPreviousWaveNothingChanges() {
        let document = ReportFixtures.document()
        #expect(!MarkdownReport.render(document).contains("Change"))
        #expect(!JSONReport.render(document).contains("\"change\""))
    }

    @Test(
        .enabled(
            if: SchemaValidator.isAvailable,
            "python3 with the jsonschema module is not available (pip install jsonschema); skipping"))
    func theJSONWithChangesValidates() throws {
        let json = JSONReport.render(Self.document(minimum: 3))
        #expect(json.contains("\"previous_wave\": \"2025-Q4\""))
        #expect(json.contains("\"p_adjusted\": 0.002"))
        let result = try SchemaValidator.validate(json)
        #expect(result.status == 0, "\(result.stderr)")
    }
}
