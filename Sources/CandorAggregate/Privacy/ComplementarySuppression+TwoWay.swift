extension ComplementarySuppression {
    /// The cells to hide in a two-way table (segment A × segment B) whose row margins (A's one-way
    /// table), column margins (B's) and grand total are published, except the margins that the
    /// one-way suppression already hid.
    ///
    /// Primary suppression hides every cell with 0 < count < `minGroupSize`. Complements are then
    /// chosen on a graph: one vertex per row, per column, and one for each one-way total
    /// (Σ rows = total, Σ columns = total); each hidden cell is an edge row–column and each hidden
    /// margin an edge row–total or column–total. With every coefficient ±1 and the graph bipartite,
    /// a hidden figure is determined by the published ones exactly when its edge is a bridge (lies
    /// on no cycle). So for every bridge the cheapest path of extra cells (by total count) that
    /// closes a cycle through it is hidden too.
    ///
    /// This goes beyond the simple rule "a row or column with one hidden cell gets its smallest
    /// other cell hidden": that rule stops when every line has two hidden cells, yet a cell joining
    /// two otherwise separate blocks of hidden cells is still the difference of their sums.
    ///
    /// Zero cells: a two-way table shows its empty cells (as 0 or a dash), and a known zero can be
    /// what pins a small cell down (in `[[0, 9, 11], [10, 0, 3]]` the 10 is its column's whole
    /// margin, so the 3 is its row margin minus 10 whatever else is hidden). So a zero cell may be
    /// hidden as a complement, but only as a last resort: any path of non-zero cells is preferred.
    /// A figure that stays determined even with every cell hidden is disclosed by the margins
    /// themselves (for instance a margin below the threshold that the caller did not mark hidden);
    /// nothing is added for it.
    /// - Parameters:
    ///   - table: Counts, `table[row][column]`; short rows are padded with zeros.
    ///   - minGroupSize: The anonymity threshold.
    ///   - rowSuppressed: Row indices whose margin the one-way table of A hides.
    ///   - columnSuppressed: Column indices whose margin the one-way table of B hides.
    ///   - unlistedRow: Whether the table's last row holds the respondents whose A is blank: a row
    ///     that is never shown (see ``SuppressionGraph``), so its cells are hidden from the start.
    ///   - unlistedColumn: The same for B's blanks and the last column.
    /// - Returns: The listed cells to hide; empty when every non-zero cell reaches the threshold,
    ///   no margin is hidden and every unlisted cell is 0 or at least the threshold.
    ///
    /// After the bridge rule, the subtraction rule: every published margin (and the grand total)
    /// minus the cells shown under it describes 0 or at least `minGroupSize` respondents.
    package static func suppress(
        table: [[Int]], minGroupSize: Int, rowSuppressed: Set<Int>, columnSuppressed: Set<Int>,
        unlistedRow: Bool = false, unlistedColumn: Bool = false
    ) -> Set<Cell> {
        var graph = SuppressionGraph(
            table: table, minGroupSize: minGroupSize, rowSuppressed: rowSuppressed, columnSuppressed: columnSuppressed,
            unlistedRow: unlistedRow, unlistedColumn: unlistedColumn)
        graph.fillSmallPools()
        return graph.suppressedCells()
    }
}
