import Testing

@testable import CandorAggregate
@testable import CandorReport

/// How reports write a `mean` metric: two decimals in Markdown, six in JSON, `{mean}` in
/// headlines, and a report the JSON schema accepts.
@Suite struct MeanReportTests {
    /// A mean of 6.8241206 (interval 6.6978844–6.9503571) with one segment row, 6.6435045 (−0.1806161).
    static func document() -> ReportDocument {
        var document = ReportFixtures.document()
        let row = SegmentRow(
            labels: ["Engineering"],
            figure: Figure(
                value: 6.6435045, n: 331, interval: Interval(low: 6.40144, high: 6.8855690, method: .t)),
            difference: -0.1806161, pValue: 0.0838624, significant: false)
        document.metrics = [
            MetricResult(
                id: "enps_mean", label: "Mean answer", kind: MeanMetric.self,
                overall: Figure(
                    value: 6.8241206, n: 1_194, interval: Interval(low: 6.6978844, high: 6.9503571, method: .t)),
                detail: .summary(definition: "mean of enps"),
                segments: [SegmentTable(name: "department", fields: ["department"], rows: [row], test: "Welch")])
        ]
        document.headlines = [.metric(metricID: "enps_mean", template: "The mean answer is {mean} out of 10")]
        return document
    }

    @Test func markdownWritesTwoDecimals() {
        let lines = MarkdownReport.render(Self.document()).components(separatedBy: "\n")
        for expected in [
            "- The mean answer is **6.82** out of 10 (n = 1,194; 95% CI 6.70 to 6.95)",
            "| Mean answer | 6.82 | — | 1,194 | 6.70 to 6.95 |",
            // No Count column: a mean has no count (issue 20: no column of dashes only).
            "| Engineering | 6.64 | 331 | 6.40 to 6.89 | -0.18 | 0.084 | no |",
            "Metric enps\\_mean (mean).",
        ] {
            #expect(lines.contains(expected), "missing line: \(expected)")
        }
    }

    @Test func jsonWritesSixDecimals() {
        let json = JSONReport.render(Self.document())
        for expected in [
            "\"value\": 6.824121", "\"low\": 6.697884", "\"high\": 6.950357", "\"kind\": \"mean\"",
            "\"difference\": -0.180616", "\"value\": 6.643505",
            "\"text\": \"The mean answer is 6.82 out of 10 (n = 1,194; 95% CI 6.70 to 6.95)\"",
        ] {
            #expect(json.contains(expected), "missing: \(expected)")
        }
    }

    @Test(.enabled(if: SchemaValidator.isAvailable)) func jsonValidates() throws {
        let result = try SchemaValidator.validate(JSONReport.render(Self.document()))
        #expect(result.status == 0, "\(result.stderr)")
    }
}
