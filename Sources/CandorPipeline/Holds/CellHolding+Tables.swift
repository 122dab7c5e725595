import CandorAggregate
import CandorClean

/// Complementary holding: the suppression algorithm run on each table of changes.
extension CellHolding {
    /// The cells to hold when the overall is published (`ChangeHolding`): per one-way table, the
    /// rows' changes with the blank group's as its unlisted cell; per pair, the two-way table of
    /// changes with the held one-way rows as hidden margins. Blank groups, never shown, are held
    /// (their sketch kept) when their own change is small, so it adds up like a shown cell's.
    func complementaryHolds(keys: Set<CellSketches.Key>, changes: [CellSketches.Key: Int]) -> Set<CellSketches.Key> {
        var held = Set<CellSketches.Key>()
        let byTable = Dictionary(grouping: keys.filter { $0.table > 0 }, by: \.table)
        func change(_ key: CellSketches.Key) -> Int { changes[key] ?? 0 }
        for table in 1..<(1 + segmentCount) {
            let listed = (byTable[table] ?? []).filter { $0.first != 0 }.sorted()
            let blank = CellSketches.Key(table: table)
            let holds = ChangeHolding.oneWay(
                changes: listed.map(change), blank: change(blank), total: change(Self.overall),
                minGroupSize: minGroupSize)
            for index in holds.cells { held.insert(listed[index]) }
            if holds.blank { held.insert(blank) }
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
            let hidden = ChangeHolding.twoWay(
                changes: counts, rowHeld: marginsHeld(Array(rows.dropLast()), segment: margins.first),
                columnHeld: marginsHeld(Array(columns.dropLast()), segment: margins.second),
                minGroupSize: minGroupSize)
            for cell in hidden {
                held.insert(CellSketches.Key(table: table, first: rows[cell.row], second: columns[cell.column]))
            }
        }
        return held
    }
}
