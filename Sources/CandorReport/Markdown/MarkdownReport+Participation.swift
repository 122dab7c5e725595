import CandorAggregate

extension MarkdownReport {
    /// The response-rate table: the overall rate, then every group of every mapped field, rates
    /// under the target flagged, hidden groups shown as suppressed with no count.
    static func participationSection(_ document: ReportDocument) -> [String] {
        guard let section = document.participation else { return [] }
        let rates = section.rates
        var lines = [
            "", "## Response rates", "",
            "Invited: everyone in the roster " + MarkdownEscaping.escape(section.roster)
                + "; responded: accepted respondents after dedupe. Target: " + FigureText.percent(rates.target)
                + "; rates under it are marked “below target”.",
            "",
        ]
        var table = MarkdownTable([
            ("Group", .left), ("Invited", .right), ("Responded", .right), ("Rate", .right), ("", .left),
        ])
        table.append(cells(label: "All invited", rate: rates.overall))
        for row in rates.rows {
            let label =
                MarkdownEscaping.escape(row.field) + ": "
                + row.labels.map(MarkdownEscaping.escape).joined(
                    separator: " × ")
            table.append(cells(label: label, rate: row.rate))
        }
        lines += table.lines
        if rates.overall == nil || rates.rows.contains(where: { $0.rate == nil }) {
            lines += [
                "",
                "Suppressed: fewer than " + FigureText.count(document.methods.minGroupSize)
                    + " people invited (the anonymity threshold), or hidden so that such a group's rate cannot be"
                    + " worked out from the others by subtraction.",
            ]
        }
        if !section.warnings.isEmpty {
            lines += ["", "Data-quality warnings:", ""]
            lines += section.warnings.map { "- " + MarkdownEscaping.escape($0) }
        }
        return lines
    }

    private static func cells(label: String, rate: ResponseRates.Rate?) -> [String] {
        guard let rate else { return [label, FigureText.missing, FigureText.missing, "suppressed", ""] }
        return [
            label, FigureText.count(rate.invited), FigureText.count(rate.responded), FigureText.percent(rate.value),
            rate.belowTarget ? "below target" : "",
        ]
    }
}
