import CandorAggregate
import CandorClean

/// Complementary holding: the suppression algorithm run on each table of changes.
extension CellHolding {
    /// The cells to hold when the overall is published: per one-way table, what
    /// `ComplementarySuppression` hides when its counts are the rows' changes and its unlisted
    /// group the blank group's change; per pair, the two-way suppression with the held one-way
    /// rows as hidden margins. Cells with no change are never complements (holding one protects
    /// nothing). Blank groups, never shown, are held (their sketch kept) when their own change
    /// is small, so it adds up like a shown cell's.
    func complementaryHolds(keys: Set<CellSketches.Key>, changes: [CellSketches.Key: Int]) -> Set<CellSketches.Key> {
        var held = Set<CellSketches.Key>()
        let byTable = Dictionary(grouping: keys.filter { $0.table > 0 }, by: \.table)
        func change(_ key: CellSketches.Key) -> Int { changes[key] ?? 0 }
        for table in 1..<(1 + segmentCount) {
            let listed = (byTable[table] ?? []).filter { $0.first != 0 }.sorted()
            let blank = CellSketches.Key(table: table)
            let hidden = ComplementarySuppression.suppress(
                counts: listed.map(change), unlisted: change(blank), minGroupSize: minGroupSize)
            for index in hidden { held.insert(listed[index]) }
            if isSmall(change(blank)) { held.insert(blank) }
        }
        for (position, margins) in pairMargins.enumerated() {
            let table = 1 + segmentCount + position
            let cells = byTable[table] ?? []
            let rows = Set(cells.map(\.first).filter { $0 != 0 }).sorted() + [0]
            let columns = Set(cells.map(\.second).filter { $0 != 0 }).sorted() + [0]
            let counts = rows.map { first in
                columns.map { second in change(CellSketches.Key(table: table, first: first, second: second)) }
            }
            func marginsHeld(_ labels: [UInt64], segment: Int?) -> Set<Int> {
                // A pair's field that is no segment has no published margins at all.
                guard let segment else { return Set(labels.indices) }
                return Set(
                    labels.indices.filter { held.contains(CellSketches.Key(table: 1 + segment, first: labels[$0])) })
            }
            let hidden = ComplementarySuppression.suppress(
                table: counts, minGroupSize: minGroupSize,
                rowSuppressed: marginsHeld(Array(rows.dropLast()), segment: margins.first),
                columnSuppressed: marginsHeld(Array(columns.dropLast()), segment: margins.second),
                unlistedRow: true, unlistedColumn: true)
            for cell in hidden {
                held.insert(CellSketches.Key(table: table, first: rows[cell.row], second: columns[cell.column]))
            }
            for (row, first) in rows.enumerated() {
                for (column, second) in columns.enumerated() where first == 0 || second == 0 {
                    if isSmall(counts[row][column]) {
                        held.insert(CellSketches.Key(table: table, first: first, second: second))
                    }
                }
            }
        }
        return held
    }
}
