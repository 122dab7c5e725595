/// Hides small groups, and enough other cells that the hidden ones cannot be worked back out.
///
/// Primary suppression hides every cell with 0 < count < `minGroupSize`. Because totals are
/// published, that alone is not enough: a single hidden cell in a table whose total is shown is
/// just the total minus the shown cells. Complementary (secondary) suppression hides further
/// cells, the smallest available, until no hidden figure is determined by what is shown.
///
/// In a one-way table zero counts are not rows (callers do not list empty groups), so they are
/// never suppressed and never chosen as complements. A two-way table shows its empty cells, and
/// there a zero may be hidden as a last resort (see the two-way `suppress`).
///
/// "Cannot be worked out" means: no hidden figure is a linear function of the shown cells and
/// the published totals. Bounds are not considered (two hidden cells known to add to 2 are both
/// 1, since each is at least 1); that is the classic limitation of cell suppression.
package enum ComplementarySuppression {
    /// A cell of a two-way table: `row` indexes segment A's values, `column` segment B's.
    package struct Cell: Sendable, Hashable, Comparable {
        /// The row index.
        package var row: Int
        /// The column index.
        package var column: Int

        /// Creates a cell reference.
        package init(row: Int, column: Int) {
            self.row = row
            self.column = column
        }

        /// Row-major order, so reports and tests can list cells deterministically.
        package static func < (lhs: Cell, rhs: Cell) -> Bool {
            (lhs.row, lhs.column) < (rhs.row, rhs.column)
        }
    }

    /// The cells to hide in a one-way table whose total is published.
    ///
    /// Primary: every cell with 0 < count < `minGroupSize`. If that hides exactly one cell, the
    /// smallest other non-zero cell is hidden too (ties: the lower index), so the small cell is not
    /// simply total − shown. Two or more hidden cells share one equation and none is determined.
    ///
    /// When the table has a single non-zero cell and it is small, that cell IS the total: hiding it
    /// protects nothing unless the total is withheld as well; see ``mustWithholdTotal(counts:minGroupSize:)``.
    /// - Returns: The indices to hide; empty when every non-zero cell reaches `minGroupSize`.
    package static func suppress(counts: [Int], minGroupSize: Int) -> Set<Int> {
        let primary = counts.indices.filter { isPrimary(counts[$0], minGroupSize: minGroupSize) }
        guard primary.count == 1 else { return Set(primary) }
        var hidden = Set(primary)
        var complement: Int?
        for index in counts.indices where counts[index] > 0 && !hidden.contains(index) {
            if let chosen = complement, counts[chosen] <= counts[index] { continue }
            complement = index
        }
        if let complement { hidden.insert(complement) }
        return hidden
    }

    /// Whether the table's total must be withheld too: it has exactly one non-zero cell and that
    /// cell is below `minGroupSize`, so the total would show the hidden cell.
    ///
    /// The whole table then describes fewer people than the threshold; callers normally publish
    /// nothing for it (and withhold the grand total of any two-way table built on it).
    package static func mustWithholdTotal(counts: [Int], minGroupSize: Int) -> Bool {
        let nonZero = counts.filter { $0 > 0 }
        return nonZero.count == 1 && isPrimary(nonZero[0], minGroupSize: minGroupSize)
    }

    /// Whether a count is hidden in its own right: a group that exists but is below the threshold.
    static func isPrimary(_ count: Int, minGroupSize: Int) -> Bool {
        count > 0 && count < minGroupSize
    }
}
