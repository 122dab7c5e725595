/// The subtraction rule of a two-way table: a published sum minus the cells shown under it.
extension SuppressionGraph {
    /// Hides further cells until every published sum minus its shown cells describes 0 or at
    /// least `minGroupSize` respondents: each listed row whose margin is published, each listed
    /// column likewise, and the grand total.
    ///
    /// No hidden figure being *determined* (the bridge rule) is not enough: two hidden cells of 1
    /// and 2 in one row are each undetermined, yet the row's margin minus its shown cells is the
    /// figure of those 3 people together. A hidden cell that is determined (a bridge, such as a
    /// large blank cell) counts as shown, since subtraction takes it out too.
    ///
    /// Each step hides the smallest shown non-zero cell of the offending sum (ties: row-major
    /// order) and re-runs the bridge rule, so the new cell is undetermined; a shown cell is at
    /// least `minGroupSize`, so that settles the sum. Hiding more never makes a hidden figure
    /// determined, so sums only grow and the loop ends.
    mutating func fillSmallPools() {
        var changed = true
        while changed {
            changed = false
            protectEveryHiddenFigure()
            for row in 0..<listedRows where !hiddenRow[row] {
                changed = fillPool((0..<columns).map { (row, $0) }) || changed
            }
            for column in 0..<listedColumns where !hiddenColumn[column] {
                changed = fillPool((0..<rows).map { ($0, column) }) || changed
            }
            changed = fillPool((0..<rows).flatMap { row in (0..<columns).map { (row, $0) } }) || changed
        }
    }

    /// Hides the smallest shown non-zero listed cell among `cells` if the hidden ones add up to a
    /// small, non-empty group; whether it hid one.
    private mutating func fillPool(_ cells: [(row: Int, column: Int)]) -> Bool {
        var pool = 0
        for cell in cells where hidden[cell.row][cell.column] && counts[cell.row][cell.column] > 0 {
            let edge = (cell.row, rows + cell.column)
            if connected(edge.0, edge.1, avoiding: edge) { pool += counts[cell.row][cell.column] }
        }
        guard ComplementarySuppression.isPrimary(pool, minGroupSize: minGroupSize) else { return false }
        var best: (row: Int, column: Int)?
        for cell in cells where !hidden[cell.row][cell.column] && counts[cell.row][cell.column] > 0 {
            guard !isUnlisted(row: cell.row, column: cell.column) else { continue }
            if let chosen = best, counts[chosen.row][chosen.column] <= counts[cell.row][cell.column] { continue }
            best = cell
        }
        guard let best else { return false }
        markHidden(row: best.row, column: best.column)
        return true
    }
}
