/// The two-way suppression problem as a graph; see
/// ``ComplementarySuppression/suppress(table:minGroupSize:rowSuppressed:columnSuppressed:)``.
///
/// Vertices: rows `0..<rows`, columns `rows..<rows+columns`, then the row-total and the
/// column-total equations. Edges: hidden cells (row–column), hidden row margins (row–row total)
/// and hidden column margins (column–column total). Everything is kept in arrays and visited in
/// index order, never through `Set` iteration, so the choice of complements is deterministic.
///
/// The last row and column may be *unlisted*: the respondents whose first or second field is
/// blank. Their cells are never shown, so every non-empty one is hidden from the start; it needs
/// protecting only when it is small, and a large one is a free complement. An empty unlisted cell
/// is a known zero (every group's n is published) and is no edge at all.
struct SuppressionGraph {
    /// Row count of the table.
    let rows: Int
    /// Column count of the table.
    let columns: Int
    /// Counts, zero-padded and with negatives read as 0.
    let counts: [[Int]]
    /// Whether each row's margin is hidden.
    let hiddenRow: [Bool]
    /// Whether each column's margin is hidden.
    let hiddenColumn: [Bool]
    /// Rows and columns that are shown in the table: all but an unlisted last one.
    let listedRows: Int, listedColumns: Int
    /// The anonymity threshold.
    let minGroupSize: Int
    /// Whether each cell is hidden so far.
    private(set) var hidden: [[Bool]]
    /// The cost of hiding a zero cell: more than all non-zero cells together, so a zero is used
    /// only when no path of non-zero cells exists.
    let zeroCost: Int

    /// The vertex of the row-total equation.
    var rowTotal: Int { rows + columns }
    /// The vertex of the column-total equation.
    var columnTotal: Int { rows + columns + 1 }
    /// Number of vertices.
    var vertexCount: Int { rows + columns + 2 }

    /// Sets up the graph with primary suppression applied.
    /// - Parameters:
    ///   - unlistedRow: Whether the last row is the unlisted (blank) group; its margin is hidden.
    ///   - unlistedColumn: The same for the last column.
    init(
        table: [[Int]], minGroupSize: Int, rowSuppressed: Set<Int>, columnSuppressed: Set<Int>,
        unlistedRow: Bool = false, unlistedColumn: Bool = false
    ) {
        rows = table.count
        columns = table.map(\.count).max() ?? 0
        let width = columns
        counts = table.map { row in (0..<width).map { $0 < row.count ? max(0, row[$0]) : 0 } }
        let listedRows = unlistedRow ? max(0, rows - 1) : rows
        let listedColumns = unlistedColumn ? max(0, columns - 1) : columns
        self.listedRows = listedRows
        self.listedColumns = listedColumns
        hiddenRow = (0..<rows).map { rowSuppressed.contains($0) || $0 >= listedRows }
        hiddenColumn = (0..<columns).map { columnSuppressed.contains($0) || $0 >= listedColumns }
        self.minGroupSize = minGroupSize
        let counts = counts
        zeroCost = counts.reduce(1) { $0 + $1.reduce(0, +) }
        hidden = counts.indices.map { row in
            counts[row].indices.map { column in
                let count = counts[row][column]
                let unlisted = row >= listedRows || column >= listedColumns
                return ComplementarySuppression.isPrimary(count, minGroupSize: minGroupSize) || (unlisted && count > 0)
            }
        }
    }

    /// Whether a cell belongs to an unlisted row or column.
    func isUnlisted(row: Int, column: Int) -> Bool { row >= listedRows || column >= listedColumns }

    /// The hidden cells as a set.
    func suppressedCells() -> Set<ComplementarySuppression.Cell> {
        var cells = Set<ComplementarySuppression.Cell>()
        for row in 0..<listedRows {
            for column in 0..<listedColumns where hidden[row][column] {
                cells.insert(.init(row: row, column: column))
            }
        }
        return cells
    }

    /// Hides complements until no hidden cell or margin is a bridge, except inherent ones.
    ///
    /// One pass is enough: adding edges never turns a non-bridge into a bridge, and the cells a
    /// step adds lie on the cycle it closes. Run again after hiding more (see `fillSmallPools`).
    mutating func protectEveryHiddenFigure() {
        // An unlisted margin or cell needs protecting only when small (a large one being known
        // is harmless, and `fillSmallPools` counts it as known); a listed hidden figure always
        // does: the table promised it.
        func needsProtecting(_ count: Int, unlisted: Bool) -> Bool {
            !unlisted || ComplementarySuppression.isPrimary(count, minGroupSize: minGroupSize)
        }
        var edges: [(Int, Int)] = []
        for row in 0..<rows where hiddenRow[row] {
            if needsProtecting(counts[row].reduce(0, +), unlisted: row >= listedRows) { edges.append((row, rowTotal)) }
        }
        for column in 0..<columns where hiddenColumn[column] {
            let margin = counts.reduce(0) { $0 + $1[column] }
            if needsProtecting(margin, unlisted: column >= listedColumns) {
                edges.append((rows + column, columnTotal))
            }
        }
        for row in 0..<rows {
            for column in 0..<columns where hidden[row][column] {
                let unlisted = isUnlisted(row: row, column: column)
                if needsProtecting(counts[row][column], unlisted: unlisted) { edges.append((row, rows + column)) }
            }
        }
        for (u, v) in edges where !connected(u, v, avoiding: (u, v)) {
            closeCycle(from: u, to: v)
        }
    }

    /// Whether `a` reaches `b` over hidden edges without using the edge `avoid`.
    func connected(_ a: Int, _ b: Int, avoiding avoid: (Int, Int)) -> Bool {
        var seen = Array(repeating: false, count: vertexCount)
        var stack = [a]
        seen[a] = true
        while let vertex = stack.popLast() {
            if vertex == b { return true }
            for (next, cost) in neighbours(of: vertex, avoiding: avoid) where cost == 0 && !seen[next] {
                seen[next] = true
                stack.append(next)
            }
        }
        return false
    }

    /// Hides the cheapest set of shown cells that joins `u` to `v` without the edge u–v
    /// (Dijkstra; hidden edges cost 0, a shown cell costs its count). Does nothing if no path
    /// exists: the figure is then determined by the published margins alone.
    /// Hides one more cell (a complement chosen outside this file).
    mutating func markHidden(row: Int, column: Int) { hidden[row][column] = true }

    private mutating func closeCycle(from u: Int, to v: Int) {
        let unreached = Int.max
        var distance = Array(repeating: unreached, count: vertexCount)
        var previous = Array(repeating: -1, count: vertexCount)
        var done = Array(repeating: false, count: vertexCount)
        distance[u] = 0
        while true {
            // The nearest unfinished vertex, lowest index on ties.
            var current = -1
            for vertex in 0..<vertexCount where !done[vertex] && distance[vertex] != unreached {
                if current < 0 || distance[vertex] < distance[current] { current = vertex }
            }
            guard current >= 0 else { return }
            if current == v { break }
            done[current] = true
            for (next, cost) in neighbours(of: current, avoiding: (u, v)) where !done[next] {
                let candidate = distance[current] + cost
                if candidate < distance[next] {
                    distance[next] = candidate
                    previous[next] = current
                }
            }
        }
        var vertex = v
        while vertex != u, previous[vertex] >= 0 {
            let from = previous[vertex]
            if let (row, column) = cell(between: from, and: vertex) { hidden[row][column] = true }
            vertex = from
        }
    }

    /// The row and column of the cell edge between two vertices, if they are a row and a column.
    private func cell(between a: Int, and b: Int) -> (Int, Int)? {
        let (low, high) = a < b ? (a, b) : (b, a)
        guard low < rows, high >= rows, high < rows + columns else { return nil }
        return (low, high - rows)
    }

    /// The cost of the row–column edge: 0 once hidden, else what hiding the cell would lose; nil
    /// for an empty unlisted cell, which is a known zero and cannot be hidden.
    func cost(row: Int, column: Int) -> Int? {
        if hidden[row][column] { return 0 }
        if isUnlisted(row: row, column: column) { return nil }
        return counts[row][column] > 0 ? counts[row][column] : zeroCost
    }

    /// Neighbours of a vertex with the cost of the edge: 0 for a hidden cell or margin, the count
    /// for a shown cell (a candidate complement; see ``zeroCost`` for zeros). The edge `avoid`
    /// (either direction) is left out.
    private func neighbours(of vertex: Int, avoiding avoid: (Int, Int)) -> [(Int, Int)] {
        func isAvoided(_ other: Int) -> Bool {
            (vertex == avoid.0 && other == avoid.1) || (vertex == avoid.1 && other == avoid.0)
        }
        var result: [(Int, Int)] = []
        if vertex < rows {
            for column in 0..<columns where !isAvoided(rows + column) {
                if let cost = cost(row: vertex, column: column) { result.append((rows + column, cost)) }
            }
            if hiddenRow[vertex] && !isAvoided(rowTotal) { result.append((rowTotal, 0)) }
        } else if vertex < rows + columns {
            let column = vertex - rows
            for row in 0..<rows where !isAvoided(row) {
                if let cost = cost(row: row, column: column) { result.append((row, cost)) }
            }
            if hiddenColumn[column] && !isAvoided(columnTotal) { result.append((columnTotal, 0)) }
        } else if vertex == rowTotal {
            for row in 0..<rows where hiddenRow[row] && !isAvoided(row) { result.append((row, 0)) }
        } else {
            for column in 0..<columns where hiddenColumn[column] && !isAvoided(rows + column) {
                result.append((rows + column, 0))
            }
        }
        return result
    }
}
