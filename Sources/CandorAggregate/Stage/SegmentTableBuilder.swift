/// Builds a metric's segment tables from its per-group primary tallies, applying the anonymity
/// threshold, complementary suppression and (for engagement) the display rule.
struct SegmentTableBuilder {
    /// The segment fields and pairs.
    let layout: SegmentLayout
    /// The figure rules.
    let rules: FigureRules
    /// Field names by index.
    let fieldNames: [String]
    /// Labels by code, per segment field.
    let segmentLabels: [[String]]
    /// Labels by code, per pair: the first field's and the second's.
    let pairLabels: [(first: [String], second: [String])]

    /// The tables of one metric, and whether its overall figure must be withheld because a
    /// one-way table's only group is under the threshold and is everyone.
    ///
    /// - Parameters:
    ///   - displayN: Rows with fewer respondents are hidden with reason `display_rule`.
    ///   - means: Per group, laid out as `oneWay` and `pairs`, a mean to show beside the figure
    ///     (Likert metrics); left out of hidden rows.
    func tables<Tally: PrimaryTally>(
        overall: Tally, oneWay: [[Tally]], pairs: [[[Tally]]], test: String, displayN: Int,
        means: (oneWay: [[Double?]], pairs: [[[Double?]]])? = nil
    ) -> (tables: [SegmentTable], withholdOverall: Bool) {
        let overallFigure = overall.figure(rules)
        let overallShown = !rules.isBelowThreshold(overall.rawN) && overall.rawN >= displayN
        var tables: [SegmentTable] = []
        var withholdOverall = false
        var hiddenBySegment: [Set<Int>] = []
        for segment in layout.segmentFields.indices {
            let tallies = oneWay[segment]
            let counts = tallies.map(\.rawN)
            var hidden = ComplementarySuppression.suppress(counts: counts, minGroupSize: rules.minGroupSize)
            if ComplementarySuppression.mustWithholdTotal(counts: counts, minGroupSize: rules.minGroupSize) {
                hidden.formUnion(counts.indices.filter { counts[$0] > 0 })
                if counts.reduce(0, +) == overall.rawN { withholdOverall = true }
            }
            hiddenBySegment.append(hidden)
            let rows = tallies.indices.compactMap { code -> SegmentRow? in
                guard counts[code] > 0 else { return nil }
                return row(
                    labels: [Self.label(segmentLabels[segment], code)], tally: tallies[code], overall: overall,
                    overallFigure: overallShown ? overallFigure : nil, hidden: hidden.contains(code),
                    displayN: displayN,
                    mean: means?.oneWay[segment][code])
            }
            let name = fieldName(layout.segmentFields[segment])
            tables.append(SegmentTable(name: name, fields: [name], rows: rows, test: test))
        }
        for pair in layout.pairFields.indices {
            let cells = pairs[pair]
            let columnCount = cells.map(\.count).max() ?? 0
            let table = cells.map { row in (0..<columnCount).map { $0 < row.count ? row[$0].rawN : 0 } }
            let (firstField, secondField) = layout.pairFields[pair]
            let rowHidden = marginHidden(
                field: firstField, hiddenBySegment: hiddenBySegment, margins: table.map { $0.reduce(0, +) })
            let columnMargins = (0..<columnCount).map { column in table.reduce(0) { $0 + $1[column] } }
            let columnHidden = marginHidden(
                field: secondField, hiddenBySegment: hiddenBySegment, margins: columnMargins)
            let hidden = ComplementarySuppression.suppress(
                table: table, minGroupSize: rules.minGroupSize, rowSuppressed: rowHidden, columnSuppressed: columnHidden
            )
            var rows: [SegmentRow] = []
            for first in cells.indices {
                for second in cells[first].indices where cells[first][second].rawN > 0 {
                    rows.append(
                        row(
                            labels: [
                                Self.label(pairLabels[pair].first, first), Self.label(pairLabels[pair].second, second),
                            ],
                            tally: cells[first][second], overall: overall,
                            overallFigure: overallShown ? overallFigure : nil,
                            hidden: hidden.contains(.init(row: first, column: second)), displayN: displayN,
                            mean: means?.pairs[pair][first][second]))
                }
            }
            let names = [fieldName(firstField), fieldName(secondField)]
            tables.append(SegmentTable(name: names.joined(separator: " × "), fields: names, rows: rows, test: test))
        }
        return (tables, withholdOverall)
    }

    /// One row: hidden for privacy, hidden by the display rule, or shown with its difference and test.
    private func row<Tally: PrimaryTally>(
        labels: [String], tally: Tally, overall: Tally, overallFigure: Figure?, hidden: Bool,
        displayN: Int, mean: Double? = nil
    ) -> SegmentRow {
        let figure = tally.figure(rules)
        if hidden {
            let reason = rules.isBelowThreshold(tally.rawN) ? FigureRules.belowThreshold : FigureRules.complementary
            return SegmentRow(labels: labels, figure: figure.hidden(reason))
        }
        if tally.rawN < displayN { return SegmentRow(labels: labels, figure: figure.hidden(FigureRules.displayRule)) }
        var difference: Double?
        if let value = figure.value, let overallValue = overallFigure?.value { difference = value - overallValue }
        let pValue = tally.pValue(against: overall, rules: rules)
        return SegmentRow(
            labels: labels, figure: figure, difference: difference, pValue: pValue,
            significant: pValue.map { $0 < Correlation.significanceLevel }, mean: mean)
    }

    /// The margins of a pair's field that are hidden: its one-way table's when it is a segment,
    /// else those one-way suppression would hide among the pair's own margins.
    private func marginHidden(field: Int, hiddenBySegment: [Set<Int>], margins: [Int]) -> Set<Int> {
        if let segment = layout.segmentFields.firstIndex(of: field) { return hiddenBySegment[segment] }
        var hidden = ComplementarySuppression.suppress(counts: margins, minGroupSize: rules.minGroupSize)
        if ComplementarySuppression.mustWithholdTotal(counts: margins, minGroupSize: rules.minGroupSize) {
            hidden.formUnion(margins.indices.filter { margins[$0] > 0 })
        }
        return hidden
    }

    private func fieldName(_ field: Int) -> String {
        fieldNames.indices.contains(field) ? fieldNames[field] : "field \(field)"
    }

    /// A code's label, or the code itself when the labels run short.
    static func label(_ labels: [String], _ code: Int) -> String {
        labels.indices.contains(code) ? labels[code] : String(code)
    }
}
