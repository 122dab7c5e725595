import CandorAggregate
import CandorCore

/// Renders a `ReportDocument` as the tidy CSV described in `Docs/TIDY-CSV.md`: one row per
/// published figure, long format, for BI tools.
///
/// Numbers are written as the JSON report writes them (fractions, coefficients and means to 6
/// decimals, points and counts to 2, trailing zeros dropped), so each cell equals its JSON value;
/// they are never formula-prefixed, so `-0.01` stays a number. Text cells go through
/// `SpreadsheetSafeCSV`, like the rejects file.
package enum TidyCSVReport {
    /// The header row, in order.
    package static let columns = [
        "pipeline", "wave", "metric_id", "metric_kind", "measure", "segment", "group", "value", "count", "n",
        "ci_low", "ci_high", "suppressed", "unreliable", "p_value", "difference",
    ]

    /// What the `wave` column says when the run has no wave label.
    ///
    /// Hook for the history work: once a run carries a wave label, the pipeline passes it as
    /// `wave` and every row carries it.
    package static let currentWave = "current"

    /// The CSV text, header first, CRLF line ends.
    ///
    /// - Parameters:
    ///   - wave: The wave label every row carries.
    package static func render(_ document: ReportDocument, wave: String = currentWave) -> String {
        var text = SpreadsheetSafeCSV.row(columns)
        for figure in document.publishedFigures {
            text += SpreadsheetSafeCSV.row(cells(figure, pipeline: document.pipeline.name, wave: wave))
        }
        return text
    }

    /// One figure's cells.
    static func cells(_ figure: PublishedFigure, pipeline: String, wave: String) -> [SpreadsheetSafeCSV.Cell] {
        let number = { (value: Double?) in SpreadsheetSafeCSV.Cell.plain(ReportNumber.text(value, unit: figure.unit)) }
        return [
            .text(pipeline), .text(wave), .text(figure.metricID), .text(figure.metricKind), .text(figure.measure),
            .text(figure.segmentFields.joined(separator: "+")), .text(figure.groupLabels.joined(separator: " | ")),
            number(figure.value), .plain(ReportNumber.text(figure.count, places: 2)),
            .plain(figure.n.map(String.init) ?? ""), number(figure.ciLow), number(figure.ciHigh),
            .plain(figure.suppressed ? "true" : "false"), .plain(figure.unreliable ? "true" : "false"),
            .plain(ReportNumber.text(figure.pValue, places: 6)), number(figure.difference),
        ]
    }
}
