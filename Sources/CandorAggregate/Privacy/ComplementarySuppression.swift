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
    /// `unlisted` respondents belong to the table's total but to no listed cell: those whose segment
    /// field is blank. They are a cell like any other for privacy, one that is never shown: the
    /// total minus the listed cells gives their figure, so a small blank group is protected by a
    /// complement, and a large one serves as a complement itself.
    ///
    /// Primary: every cell with 0 < count < `minGroupSize`. Then, while the respondents whose
    /// figures are not shown (hidden cells and the unlisted ones) number fewer than `minGroupSize`
    /// but more than none, the smallest shown non-zero cell is hidden too (ties: the lower index).
    /// So total − shown always describes 0 or at least `minGroupSize` respondents, and a lone small
    /// cell is never simply total − shown. Shown cells are at least `minGroupSize`, so one
    /// complement is always enough.
    ///
    /// When every respondent is in small cells the total itself is below the threshold: hiding the
    /// cells protects nothing unless the total is withheld as well; see
    /// ``mustWithholdTotal(counts:unlisted:minGroupSize:)``.
    /// - Returns: The indices to hide; empty when no cell is small and the unlisted group is 0 or
    ///   at least `minGroupSize`.
    package static func suppress(counts: [Int], unlisted: Int = 0, minGroupSize: Int) -> Set<Int> {
        var hidden = Set(counts.indices.filter { isPrimary(counts[$0], minGroupSize: minGroupSize) })
        let unshown = hidden.reduce(max(0, unlisted)) { $0 + counts[$1] }
        guard isPrimary(unshown, minGroupSize: minGroupSize) else { return hidden }
        var complement: Int?
        for index in counts.indices where counts[index] > 0 && !hidden.contains(index) {
            if let chosen = complement, counts[chosen] <= counts[index] { continue }
            complement = index
        }
        if let complement { hidden.insert(complement) }
        return hidden
    }

    /// Whether the table's total must be withheld too: it is below `minGroupSize` (and not empty),
    /// so it would show the hidden cells' figure.
    ///
    /// The whole table then describes fewer people than the threshold; callers normally publish
    /// nothing for it (and withhold the grand total of any two-way table built on it).
    package static func mustWithholdTotal(counts: [Int], unlisted: Int = 0, minGroupSize: Int) -> Bool {
        isPrimary(counts.reduce(max(0, unlisted)) { $0 + max(0, $1) }, minGroupSize: minGroupSize)
    }

    /// Whether a count is hidden in its own right: a group that exists but is below the threshold.
    static func isPrimary(_ count: Int, minGroupSize: Int) -> Bool {
        count > 0 && count < minGroupSize
    }
}
