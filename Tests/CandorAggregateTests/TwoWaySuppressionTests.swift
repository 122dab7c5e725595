import Testing

@testable import CandorAggregate

/// Two-way suppression of segment pairs, checked by exact linear algebra: the unknowns are the
/// hidden cells and hidden margins, the equations every published margin and the grand total.
struct TwoWaySuppressionTests {
    typealias Cell = ComplementarySuppression.Cell

    /// The unknowns (hidden cells row-major, hidden row margins, hidden column margins, then the
    /// grand total when withheld) and one homogeneous equation per row, column and one-way total.
    static func system(
        rows: Int, columns: Int, hidden: Set<Cell>, hiddenRows: Set<Int>, hiddenColumns: Set<Int>,
        totalWithheld: Bool
    ) -> (labels: [String], equations: [[Int]], checked: Int) {
        let cells = hidden.sorted()
        let hiddenRowList = hiddenRows.sorted()
        let hiddenColumnList = hiddenColumns.sorted()
        let count = cells.count + hiddenRowList.count + hiddenColumnList.count + (totalWithheld ? 1 : 0)
        var labels = cells.map { "cell(\($0.row),\($0.column))" }
        labels += hiddenRowList.map { "row margin \($0)" } + hiddenColumnList.map { "column margin \($0)" }
        var equations: [[Int]] = []
        for row in 0..<rows {
            var equation = Array(repeating: 0, count: count)
            for (k, cell) in cells.enumerated() where cell.row == row { equation[k] = 1 }
            if let k = hiddenRowList.firstIndex(of: row) { equation[cells.count + k] = -1 }
            equations.append(equation)
        }
        for column in 0..<columns {
            var equation = Array(repeating: 0, count: count)
            for (k, cell) in cells.enumerated() where cell.column == column { equation[k] = 1 }
            if let k = hiddenColumnList.firstIndex(of: column) { equation[cells.count + hiddenRowList.count + k] = -1 }
            equations.append(equation)
        }
        // Σ row margins = total, Σ column margins = total.
        var rowTotal = Array(repeating: 0, count: count)
        var columnTotal = Array(repeating: 0, count: count)
        for k in hiddenRowList.indices { rowTotal[cells.count + k] = 1 }
        for k in hiddenColumnList.indices { columnTotal[cells.count + hiddenRowList.count + k] = 1 }
        if totalWithheld {
            rowTotal[count - 1] = -1
            columnTotal[count - 1] = -1
        }
        equations += [rowTotal, columnTotal]
        // The withheld total itself is not ours to protect.
        return (labels, equations, count - (totalWithheld ? 1 : 0))
    }

    /// The hidden figures that can be derived.
    static func derivable(
        table: [[Int]], hidden: Set<Cell>, hiddenRows: Set<Int>, hiddenColumns: Set<Int>, totalWithheld: Bool = false
    ) -> [String] {
        let (labels, equations, checked) = system(
            rows: table.count, columns: table.first?.count ?? 0, hidden: hidden,
            hiddenRows: hiddenRows, hiddenColumns: hiddenColumns, totalWithheld: totalWithheld)
        let determined = determinedUnknowns(equations: equations, unknownCount: labels.count + (totalWithheld ? 1 : 0))
        return (0..<checked).filter { determined[$0] }.map { labels[$0] }
    }

    @Test func singleSmallCellTakesTheWholeRectangle() {
        // Margins 12/20 both ways, none hidden. The 2 needs a cycle: its row, its column and the
        // opposite corner, all three 10s.
        let table = [[2, 10], [10, 10]]
        let hidden = ComplementarySuppression.suppress(
            table: table, minGroupSize: 5, rowSuppressed: [], columnSuppressed: [])
        #expect(
            hidden == [
                Cell(row: 0, column: 0), Cell(row: 0, column: 1), Cell(row: 1, column: 0), Cell(row: 1, column: 1),
            ])
        #expect(Self.derivable(table: table, hidden: hidden, hiddenRows: [], hiddenColumns: []).isEmpty)
    }

    @Test func cellJoiningTwoBlocksIsProtected() {
        // Every row and column has at least two small cells, so "one hidden cell per line" would
        // stop, yet (1,2) joins the two 2×2 blocks and equals (rows 0+1 hidden sum) − (columns 0+1
        // hidden sum). One 9 closes a cycle through it: (0,2), the first on the cheapest path. Then
        // the subtraction rule: every other line holds only 2 or 3 hidden people (margin minus shown
        // cells), so each takes its smallest shown cell, ties in row-major order: row 1 (1,3),
        // row 2 (2,0), row 3 (3,0), then column 1, still at 2, (2,1). Greedy line by line: the
        // cover (0,2), (1,3), (2,0), (3,1) would do with four. Margins: 20, 12, 20, 20 both ways.
        let table = [[1, 1, 9, 9], [1, 1, 1, 9], [9, 9, 1, 1], [9, 9, 1, 1]]
        let primary = Set((0..<4).flatMap { r in (0..<4).filter { table[r][$0] < 5 }.map { Cell(row: r, column: $0) } })
        #expect(!Self.derivable(table: table, hidden: primary, hiddenRows: [], hiddenColumns: []).isEmpty)
        let hidden = ComplementarySuppression.suppress(
            table: table, minGroupSize: 5, rowSuppressed: [], columnSuppressed: [])
        #expect(hidden.isSuperset(of: primary))
        let complements: Set<Cell> = [
            Cell(row: 0, column: 2), Cell(row: 1, column: 3), Cell(row: 2, column: 0), Cell(row: 3, column: 0),
            Cell(row: 2, column: 1),
        ]
        #expect(hidden == primary.union(complements))
        #expect(Self.derivable(table: table, hidden: hidden, hiddenRows: [], hiddenColumns: []).isEmpty)
        for line in 0..<4 {
            let rowPool = (0..<4).filter { hidden.contains(Cell(row: line, column: $0)) }.map { table[line][$0] }
            let columnPool = (0..<4).filter { hidden.contains(Cell(row: $0, column: line)) }.map { table[$0][line] }
            #expect(rowPool.reduce(0, +) >= 5 && columnPool.reduce(0, +) >= 5)
        }
    }

    @Test func hiddenMarginsAreProtectedToo() {
        // Row and column margins 2 and 10: the one-way tables hide both of each. Hiding only the
        // 2 would leave the 10 shown, and the hidden margin 10 equal to it.
        let table = [[2, 0], [0, 10]]
        let hidden = ComplementarySuppression.suppress(
            table: table, minGroupSize: 5, rowSuppressed: [0, 1], columnSuppressed: [0, 1])
        #expect(hidden == [Cell(row: 0, column: 0), Cell(row: 1, column: 1)])
        #expect(Self.derivable(table: table, hidden: hidden, hiddenRows: [0, 1], hiddenColumns: [0, 1]).isEmpty)
    }

    @Test func knownZeroCanForceHidingAZero() {
        // [[0, 9, 11], [10, 0, 3]], threshold 5, no margin hidden: column 0 shows the 10 is the
        // row-1 cell, so the 3 is 13 − 10 unless a zero goes. Into column 2 the only other way is
        // the 11; from row 1 to row 0 the cheapest is the zero (1,1) then the 9 (Z + 9 < 10 + Z).
        // Then the subtraction rule: row 1 (13) minus its shown 10 leaves the 3 people of (1,1)
        // and (1,2), so the 10 goes too; column 0 would give it back as 10 − 0, so the zero (0,0)
        // follows. Every cell is hidden: the 3 is only ever part of 13 or 14 people.
        let table = [[0, 9, 11], [10, 0, 3]]
        let hidden = ComplementarySuppression.suppress(
            table: table, minGroupSize: 5, rowSuppressed: [], columnSuppressed: [])
        #expect(hidden == Set((0..<2).flatMap { r in (0..<3).map { Cell(row: r, column: $0) } }))
        #expect(Self.derivable(table: table, hidden: hidden, hiddenRows: [], hiddenColumns: []).isEmpty)
    }

    @Test func nothingToHide() {
        let table = [[5, 6], [7, 0]]
        #expect(
            ComplementarySuppression.suppress(table: table, minGroupSize: 5, rowSuppressed: [], columnSuppressed: [])
                .isEmpty)
    }

    @Test func figureDisclosedByAPublishedMarginGetsNoPointlessComplements() {
        // One row; the caller publishes column margin 3 (it should have been hidden). The 3 is that
        // margin and no cell suppression can change it, so only the primary cell is hidden.
        let table = [[3, 9]]
        let hidden = ComplementarySuppression.suppress(
            table: table, minGroupSize: 5, rowSuppressed: [], columnSuppressed: [])
        #expect(hidden == [Cell(row: 0, column: 0)])
    }

    /// 3,000 random tables up to 4×4 (counts 0–12, half of them zero-heavy; thresholds 3–5), with
    /// the margins hidden exactly as the one-way suppression would hide them.
    @Test func noHiddenFigureIsDerivable() {
        var random = SplitMix64(seed: 20_260_117)
        var tablesWithComplements = 0
        var tablesWithHiddenZeros = 0
        for _ in 0..<3000 {
            let rows = random.int(in: 1...4)
            let columns = random.int(in: 1...4)
            let threshold = random.int(in: 3...5)
            let zeroHeavy = random.int(in: 0...1) == 1
            let table = (0..<rows).map { _ in
                (0..<columns).map { _ in zeroHeavy && random.int(in: 0...2) == 0 ? 0 : random.int(in: 0...12) }
            }
            let rowMargins = table.map { $0.reduce(0, +) }
            let columnMargins = (0..<columns).map { c in table.reduce(0) { $0 + $1[c] } }
            let hiddenRows = ComplementarySuppression.suppress(counts: rowMargins, minGroupSize: threshold)
            let hiddenColumns = ComplementarySuppression.suppress(counts: columnMargins, minGroupSize: threshold)
            let withheld =
                ComplementarySuppression.mustWithholdTotal(counts: rowMargins, minGroupSize: threshold)
                || ComplementarySuppression.mustWithholdTotal(counts: columnMargins, minGroupSize: threshold)

            let hidden = ComplementarySuppression.suppress(
                table: table, minGroupSize: threshold, rowSuppressed: hiddenRows, columnSuppressed: hiddenColumns)
            var primary = Set<Cell>()
            for r in 0..<rows {
                for c in 0..<columns where table[r][c] > 0 && table[r][c] < threshold {
                    primary.insert(Cell(row: r, column: c))
                }
            }
            let description = "\(table) at threshold \(threshold)"
            #expect(hidden.isSuperset(of: primary), "a small cell is shown in \(description)")
            if hidden.contains(where: { table[$0.row][$0.column] == 0 }) { tablesWithHiddenZeros += 1 }
            if primary.isEmpty { #expect(hidden.isEmpty, "\(description) needs no suppression") }
            if hidden.count > primary.count { tablesWithComplements += 1 }

            let leaks = Self.derivable(
                table: table, hidden: hidden, hiddenRows: hiddenRows, hiddenColumns: hiddenColumns,
                totalWithheld: withheld)
            #expect(leaks.isEmpty, "\(leaks) derivable in \(description), hidden \(hidden.sorted())")
        }
        #expect(tablesWithComplements > 500)
        // Zeros are a last resort, not the habit.
        #expect(tablesWithHiddenZeros < tablesWithComplements / 4)
    }
}
