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

    /// The tables of one metric, and whether its overall figure must be withheld because it
    /// describes fewer respondents than the threshold.
    ///
    /// Respondents whose segment field is blank are in the overall figure but in no row. They are
    /// treated as one more group that is never shown (see ``ComplementarySuppression``), so the
    /// overall minus the shown rows never gives a small group's figure.
    ///
    /// The display rule is held the way suppression is: rows under `displayN` are hidden with
    /// reason `display_rule`, and complements are chosen so that no such row, nor any group under
    /// `displayN`, is the overall or a margin minus shown rows. A rule that subtraction undid would
    /// imply a secrecy the table does not keep.
    /// - Parameters:
    ///   - displayN: Rows with fewer respondents are hidden with reason `display_rule` (0: none).
    ///   - means: Per group, laid out as `oneWay` and `pairs`, a mean to show beside the figure
    ///     (Likert metrics); left out of hidden rows.
    func tables<Tally: PrimaryTally>(
        overall: Tally, oneWay: [[Tally]], pairs: [[[Tally]]], test: String, displayN: Int,
        means: (oneWay: [[Double?]], pairs: [[[Double?]]])? = nil
    ) -> (tables: [SegmentTable], withholdOverall: Bool) {
        let overallFigure = overall.figure(rules)
        let overallShown = !rules.isBelowThreshold(overall.rawN) && overall.rawN >= displayN
        let threshold = max(rules.minGroupSize, displayN)
        var tables: [SegmentTable] = []
        var withholdOverall = false
        var hiddenBySegment: [Set<Int>] = []
        let oneWayCounts = oneWay.map { $0.map(\.rawN) }
        for segment in layout.segmentFields.indices {
            let tallies = oneWay[segment]
            let counts = oneWayCounts[segment]
            let blank = overall.rawN - counts.reduce(0, +)
            var hidden = ComplementarySuppression.suppress(counts: counts, unlisted: blank, minGroupSize: threshold)
            if ComplementarySuppression.mustWithholdTotal(counts: counts, unlisted: blank, minGroupSize: threshold) {
                hidden.formUnion(counts.indices.filter { counts[$0] > 0 })
                if rules.isBelowThreshold(overall.rawN) { withholdOverall = true }
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
            tables.append(adjusted(SegmentTable(name: name, fields: [name], rows: rows, test: test)))
        }
        for pair in layout.pairFields.indices {
            let cells = pairs[pair]
            let (firstField, secondField) = layout.pairFields[pair]
            let table = pairTable(
                cells.map { $0.map(\.rawN) }, first: firstField, second: secondField, oneWayCounts: oneWayCounts,
                overallN: overall.rawN)
            let listedColumns = (table.first?.count ?? 1) - 1
            let rowHidden = marginHidden(
                field: firstField, hiddenBySegment: hiddenBySegment, threshold: threshold,
                margins: table.dropLast().map { $0.dropLast().reduce(0, +) })
            let columnMargins = (0..<listedColumns).map { column in table.dropLast().reduce(0) { $0 + $1[column] } }
            let columnHidden = marginHidden(
                field: secondField, hiddenBySegment: hiddenBySegment, threshold: threshold, margins: columnMargins)
            let hidden = ComplementarySuppression.suppress(
                table: table, minGroupSize: threshold, rowSuppressed: rowHidden, columnSuppressed: columnHidden,
                unlistedRow: true, unlistedColumn: true)
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
            tables.append(
                adjusted(SegmentTable(name: names.joined(separator: " × "), fields: names, rows: rows, test: test)))
        }
        return (tables, withholdOverall)
    }

    /// One row: hidden for privacy, by the display rule or as a complement, or shown with its
    /// difference and test.
    private func row<Tally: PrimaryTally>(
        labels: [String], tally: Tally, overall: Tally, overallFigure: Figure?, hidden: Bool,
        displayN: Int, mean: Double? = nil
    ) -> SegmentRow {
        let figure = tally.figure(rules)
        if hidden || tally.rawN < displayN {
            let reason =
                rules.isBelowThreshold(tally.rawN)
                ? FigureRules.belowThreshold
                : tally.rawN < displayN ? FigureRules.displayRule : FigureRules.complementary
            return SegmentRow(labels: labels, figure: figure.hidden(reason))
        }
        var difference: Double?
        if let value = figure.value, let overallValue = overallFigure?.value { difference = value - overallValue }
        let test = tally.test(against: overall, rules: rules)
        return SegmentRow(labels: labels, figure: figure, difference: difference, mean: mean, test: test)
    }

    /// `table` with its rows' p-values adjusted for the number of tests in it, `significant`
    /// following the adjusted p, and the adjustment named in its test text.
    ///
    /// The family is the table's shown rows that have a p-value: hidden rows and rows too few
    /// to test run no test, so they do not count towards m.
    private func adjusted(_ table: SegmentTable) -> SegmentTable {
        var table = table
        table.adjustment = rules.adjustment
        let adjusted = rules.adjustment.adjusted(table.rows.map { $0.test?.pValue })
        for index in table.rows.indices {
            table.rows[index].pValue = table.rows[index].test?.pValue
            table.rows[index].pAdjusted = adjusted[index]
            table.rows[index].significant = adjusted[index].map { $0 < Correlation.significanceLevel }
        }
        table.test += "; " + Self.levelText(rules.adjustment)
        return table
    }

    /// How the 5% level applies after `adjustment`, for a table's test text.
    static func levelText(_ adjustment: PValueAdjustment) -> String {
        switch adjustment {
        case .benjaminiHochberg:
            "5% level after Benjamini–Hochberg adjustment of the p-values within the table (false discovery rate)"
        case .holm: "5% level after Holm adjustment of the p-values within the table (family-wise error)"
        case .none: "5% level, p-values not adjusted for the number of groups tested"
        }
    }

    /// The margins of a pair's field that are hidden: its one-way table's when it is a segment,
    /// else those one-way suppression would hide among the pair's own margins.
    private func marginHidden(field: Int, hiddenBySegment: [Set<Int>], threshold: Int, margins: [Int]) -> Set<Int> {
        if let segment = layout.segmentFields.firstIndex(of: field) { return hiddenBySegment[segment] }
        var hidden = ComplementarySuppression.suppress(counts: margins, minGroupSize: threshold)
        if ComplementarySuppression.mustWithholdTotal(counts: margins, minGroupSize: threshold) {
            hidden.formUnion(margins.indices.filter { margins[$0] > 0 })
        }
        return hidden
    }

    /// A pair's respondent counts, `table[first][second]`, with a last row and column for the
    /// blank groups: (a, blank) is a's one-way n minus a's pair cells, (blank, b) likewise, and the
    /// corner the rest of the overall n. A field that is no segment has no published one-way n, so
    /// its blanks fall in the corner.
    private func pairTable(
        _ cells: [[Int]], first: Int, second: Int, oneWayCounts: [[Int]], overallN: Int
    ) -> [[Int]] {
        let firstMargins = layout.segmentFields.firstIndex(of: first).map { oneWayCounts[$0] } ?? []
        let secondMargins = layout.segmentFields.firstIndex(of: second).map { oneWayCounts[$0] } ?? []
        let rowCount = max(cells.count, firstMargins.count)
        let columnCount = max(cells.map(\.count).max() ?? 0, secondMargins.count)
        var table = (0..<rowCount).map { row in
            (0..<columnCount).map { column in
                cells.indices.contains(row) && cells[row].indices.contains(column) ? cells[row][column] : 0
            }
        }
        for row in table.indices {
            let margin = firstMargins.indices.contains(row) ? firstMargins[row] : 0
            table[row].append(max(0, margin - table[row].reduce(0, +)))
        }
        var blankRow = (0..<columnCount).map { column in
            let margin = secondMargins.indices.contains(column) ? secondMargins[column] : 0
            return max(0, margin - table.reduce(0) { $0 + $1[column] })
        }
        let listed = table.reduce(0) { $0 + $1.reduce(0, +) } + blankRow.reduce(0, +)
        blankRow.append(max(0, overallN - listed))
        table.append(blankRow)
        return table
    }

    private func fieldName(_ field: Int) -> String {
        fieldNames.indices.contains(field) ? fieldNames[field] : "field \(field)"
    }

    /// A code's label, or the code itself when the labels run short.
    static func label(_ labels: [String], _ code: Int) -> String {
        labels.indices.contains(code) ? labels[code] : String(code)
    }
}
