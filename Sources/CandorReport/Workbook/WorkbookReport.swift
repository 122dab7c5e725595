import CandorAggregate

/// Lays a `ReportDocument` out as a workbook: Headlines, one sheet per metric (its figures, then
/// its segment tables), Data quality and Methods.
///
/// Numbers are stored unrounded with a number format (percentages for shares), never as text;
/// intervals take two columns; a hidden figure's cells are empty and its value cell carries a
/// comment giving the reason, as a held figure's does (it repeats an earlier run of the wave).
/// The segment rows' difference column has a diverging colour scale.
package enum WorkbookReport {
    /// The workbook's bytes (`.xlsx`).
    ///
    /// - Throws: `WorkbookError` when the zip cannot be built.
    package static func render(_ document: ReportDocument) throws(WorkbookError) -> [UInt8] {
        try SpreadsheetML.package(workbook(document))
    }

    /// The workbook as values.
    package static func workbook(_ original: ReportDocument) -> Workbook {
        // A workbook is read by people: questions as asked, not field names.
        let document = original.withQuestionText()
        var names = SheetNames()
        var sheets = [headlines(document, name: names.claim("Headlines"))]
        for metric in document.metrics {
            sheets.append(metricSheet(metric, in: document, name: names.claim(metric.id)))
        }
        sheets.append(dataQuality(document, name: names.claim("Data quality")))
        sheets.append(methods(document, name: names.claim("Methods")))
        return Workbook(sheets: sheets)
    }

    /// The metric sheet's header row.
    package static let metricColumns = [
        "Measure", "Segment", "Group", "Value", "CI low", "CI high", "n", "Count", "Difference", "p-value",
        "Unreliable",
    ]

    static func metricSheet(_ metric: MetricResult, in document: ReportDocument, name: String) -> Worksheet {
        let figures = document.publishedFigures.filter { $0.metricID == metric.id }
        var rows = [[WorkbookCell.text(metric.label, style: .header)], headerRow(metricColumns)]
        var segmentRows: [Int] = []
        for figure in figures {
            if !figure.segmentFields.isEmpty { segmentRows.append(rows.count) }
            rows.append(figureRow(figure, minGroupSize: document.methods.minGroupSize))
        }
        var ranges: [String] = []
        if let first = segmentRows.first, let last = segmentRows.last {
            let column = SpreadsheetML.columnName(8)
            ranges.append("\(column)\(first + 1):\(column)\(last + 1)")
        }
        return Worksheet(
            name: name, rows: rows, frozenRows: 2, columnWidths: [28, 22, 28, 10, 10, 10, 8, 10, 11, 9, 11],
            colourScaleRanges: ranges)
    }

    /// One figure's row; a hidden figure's numbers are empty and its value cell says why.
    static func figureRow(_ figure: PublishedFigure, minGroupSize: Int) -> [WorkbookCell] {
        let style = numberStyle(figure.unit)
        var value = WorkbookCell.number(figure.value, style: style)
        if figure.suppressed {
            value.comment = reasonText(figure.suppressionReason, minGroupSize: minGroupSize)
        } else if let since = figure.heldSince {
            value.comment = HeldText.cellNote(since: since, minGroupSize: minGroupSize)
        }
        return [
            .text(figure.measure), .text(figure.segmentFields.joined(separator: " × ")),
            .text(figure.groupLabels.joined(separator: " | ")), value,
            .number(figure.ciLow, style: style), .number(figure.ciHigh, style: style),
            .number(figure.n.map(Double.init), style: .integer), .number(figure.count, style: .decimal),
            .number(figure.difference, style: style), .number(figure.pValue, style: .probability),
            figure.unreliable ? .text("unreliable") : .empty,
        ]
    }

    /// Why a figure is hidden, in words.
    static func reasonText(_ reason: String?, minGroupSize: Int) -> String {
        switch reason {
        case "below_threshold":
            "Suppressed: fewer than \(minGroupSize) respondents (the anonymity threshold)."
        case "complementary":
            "Suppressed: shown, it would let a smaller group's figure be worked out by subtraction."
        case "display_rule":
            "Not shown: the metric's display rule hides this class."
        default:
            "Suppressed" + (reason.map { ": \($0)." } ?? ".")
        }
    }

    /// The number format of a value in `unit`.
    static func numberStyle(_ unit: FigureUnit) -> CellStyle {
        switch unit {
        case .fraction: .percent
        case .points: .points
        case .coefficient: .coefficient
        case .score: .decimal
        }
    }

    static func headerRow(_ titles: [String]) -> [WorkbookCell] {
        titles.map { WorkbookCell.text($0, style: .header) }
    }
}
