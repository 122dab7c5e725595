import CandorAggregate
import Testing

@testable import CandorReport

/// Issue 20: a Likert segment table shows each group's mean and no Count column of dashes
/// (a pooled index has no count: its answers are not its respondents).
struct SegmentTableColumnsTests {
    @Test func aLikertIndexTableShowsTheMeanAndNoEmptyCount() {
        // Values from Tests/CandorAggregateTests/Reference/hand.py ("likert idx left"):
        // 23/26 favourable answers of 9 respondents, mean 4.269…; 3/24 of 9, mean 2.333….
        let table = SegmentTable(
            name: "left", fields: ["left"],
            rows: [
                SegmentRow(
                    labels: ["No"], figure: Figure(value: 23.0 / 26, count: nil, n: 9), difference: 0.36,
                    pValue: 0.0023, significant: true, mean: 4.269230769230769),
                SegmentRow(
                    labels: ["Yes"], figure: Figure(value: 0.125, count: nil, n: 9), difference: -0.40,
                    pValue: 0.0013, significant: true, mean: 2.3333333333333335),
                SegmentRow(labels: ["Unsure"], figure: Figure(value: 0.5, count: nil, n: 2).hidden("below_threshold")),
            ], test: "a test")
        let lines = MarkdownReport.segmentSection(table, unit: .fraction, minGroupSize: 5)
        #expect(lines.contains("| left | Value | Mean | n | 95% CI | Difference | p (adj.) | Differs |"))
        #expect(lines.contains { $0.hasPrefix("| No | 88.5% | 4.27 | 9 | ") })
        #expect(lines.contains { $0.hasPrefix("| Yes | 12.5% | 2.33 | 9 | ") })
        // A hidden row has a dash in every column after Value: Mean, n, CI, Difference, p, Differs.
        #expect(lines.contains { $0.hasPrefix("| Unsure | ") && $0.components(separatedBy: "|").count == 10 })
    }

    @Test func aShareTableKeepsItsCountAndHasNoMean() {
        let table = SegmentTable(
            name: "dept", fields: ["dept"],
            rows: [SegmentRow(labels: ["Sales"], figure: Figure(value: 0.5, count: 4, n: 8))], test: "")
        let lines = MarkdownReport.segmentSection(table, unit: .fraction, minGroupSize: 5)
        #expect(lines.contains("| dept | Value | Count | n | 95% CI | Difference | p (adj.) | Differs |"))
    }
}
