/// Which cells keep their last publication between two runs of one open wave: complementary
/// suppression applied to the table of changes.
///
/// A cell's change is the number of its respondents added, removed or with a replaced answer
/// since the cell was last published. A change of 1 to `minGroupSize − 1` is held (primary);
/// complements are then chosen exactly as `ComplementarySuppression` chooses them on counts,
/// among cells that changed (a cell with no change protects nothing: its figure is the one
/// already published), so that no held change is a difference of published figures and every
/// published sum minus the fresh cells under it covers 0 or at least `minGroupSize` changes.
///
/// When the overall's own change is small, it is held, and with it every changed cell: each
/// group's change is then small as well, as a respondent who changed in a group changed in the
/// overall.
package enum ChangeHolding {
    /// What a one-way table holds.
    package struct OneWay: Sendable, Equatable {
        /// The listed cells held.
        package var cells: Set<Int>
        /// Whether the unlisted (blank) group keeps its last state: its own change is small.
        package var blank: Bool
        /// Whether the overall is held (and so every changed cell).
        package var total: Bool
    }

    /// The holds of a one-way table.
    /// - Parameters:
    ///   - changes: Per listed cell (a group of the segment field), respondents changed.
    ///   - blank: Respondents changed among those whose field is blank (in the overall, in no row).
    ///   - total: Respondents changed in the overall.
    package static func oneWay(changes: [Int], blank: Int, total: Int, minGroupSize: Int) -> OneWay {
        if isSmall(total, minGroupSize) {
            return OneWay(
                cells: Set(changes.indices.filter { changes[$0] > 0 }), blank: blank > 0, total: true)
        }
        return OneWay(
            cells: ComplementarySuppression.suppress(counts: changes, unlisted: blank, minGroupSize: minGroupSize),
            blank: isSmall(blank, minGroupSize), total: false)
    }

    /// The holds of a pair's table of changes, `changes[row][column]`, whose last row and column
    /// are the blank groups (never shown), once the overall is published: the listed cells the
    /// two-way suppression hides with the held one-way rows as hidden margins, and the blank cells
    /// whose own change is small.
    package static func twoWay(
        changes: [[Int]], rowHeld: Set<Int>, columnHeld: Set<Int>, minGroupSize: Int
    ) -> Set<ComplementarySuppression.Cell> {
        var held = ComplementarySuppression.suppress(
            table: changes, minGroupSize: minGroupSize, rowSuppressed: rowHeld, columnSuppressed: columnHeld,
            unlistedRow: true, unlistedColumn: true)
        let lastRow = changes.count - 1
        for row in changes.indices {
            let lastColumn = changes[row].count - 1
            for column in changes[row].indices where row == lastRow || column == lastColumn {
                if isSmall(changes[row][column], minGroupSize) {
                    held.insert(ComplementarySuppression.Cell(row: row, column: column))
                }
            }
        }
        return held
    }

    /// Whether a change is held in its own right: some respondents, fewer than the threshold.
    package static func isSmall(_ change: Int, _ minGroupSize: Int) -> Bool {
        change > 0 && change < minGroupSize
    }
}
