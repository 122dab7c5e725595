import Testing

@testable import CandorAggregate

/// Holding between two runs of one open wave, checked exhaustively on random pairs of runs: the
/// respondents of run 1 get additions, removals, moves between groups and replaced answers; each
/// cell's change is counted as the sketches count it (distinct respondents whose (id, answers)
/// entry differs), and exact linear algebra checks that no held change is determined by the
/// published changes (a published cell's change is known to the reader from the two reports; a
/// held cell, an unlisted blank group that changed, and a held overall are unknowns).
struct ChangeHoldingTests {
    typealias Cell = ComplementarySuppression.Cell

    /// A respondent: an id, a group per field (−1: blank) and an answer.
    struct Person: Hashable {
        var id: Int
        var groups: [Int]
        var answer: Int
    }

    /// Run 2 from run 1: `operations` random additions, removals, moves and replaced answers.
    static func nextRun(_ people: [Person], groupCounts: [Int], operations: Int, random: inout SplitMix64) -> [Person] {
        var people = people
        var nextID = (people.map(\.id).max() ?? 0) + 1
        func randomGroups() -> [Int] { groupCounts.map { random.int(in: -1...($0 - 1)) } }
        for _ in 0..<operations {
            switch random.int(in: 0...3) {
            case 0:
                people.append(Person(id: nextID, groups: randomGroups(), answer: random.int(in: 0...4)))
                nextID += 1
            case 1 where !people.isEmpty: people.remove(at: random.int(in: 0...(people.count - 1)))
            case 2 where !people.isEmpty: people[random.int(in: 0...(people.count - 1))].groups = randomGroups()
            case 3 where !people.isEmpty: people[random.int(in: 0...(people.count - 1))].answer += 1
            default: break
            }
        }
        return people
    }

    /// Respondents changed in the cell `member` selects: ids whose entry (groups and answer,
    /// all part of the answers' hash) is in one run's cell and not in the other's.
    static func change(_ before: [Person], _ after: [Person], _ member: (Person) -> Bool) -> Int {
        let old = Set(before.filter(member))
        let new = Set(after.filter(member))
        return Set(old.symmetricDifference(new).map(\.id)).count
    }

    /// Run 1's respondents: per group of each field none or at least the threshold (so run 1
    /// publishes every group), and a few blanks.
    static func firstRun(groupCounts: [Int], threshold: Int, random: inout SplitMix64) -> [Person] {
        var people: [Person] = []
        let size = random.int(in: threshold...(threshold + 8)) * max(1, groupCounts.reduce(1, *))
        for id in 0..<size {
            people.append(
                Person(id: id, groups: groupCounts.map { random.int(in: 0...($0 - 1)) }, answer: random.int(in: 0...4)))
        }
        return people
    }

    @Test func noHeldChangeIsDerivableInAOneWayTable() {
        var random = SplitMix64(seed: 18_18)
        var withComplements = 0
        var overallHeld = 0
        for _ in 0..<3000 {
            let groups = random.int(in: 1...5)
            let threshold = random.int(in: 3...5)
            let before = Self.firstRun(groupCounts: [groups], threshold: threshold, random: &random)
            let after = Self.nextRun(
                before, groupCounts: [groups], operations: random.int(in: 0...9), random: &random)
            let changes = (0..<groups).map { g in Self.change(before, after) { $0.groups[0] == g } }
            let blank = Self.change(before, after) { $0.groups[0] == -1 }
            let total = Self.change(before, after) { _ in true }
            let holds = ChangeHolding.oneWay(changes: changes, blank: blank, total: total, minGroupSize: threshold)
            let description = "changes \(changes), blank \(blank), total \(total), threshold \(threshold)"

            let primary = changes.indices.filter { changes[$0] > 0 && changes[$0] < threshold }
            #expect(primary.allSatisfy(holds.cells.contains), "a small change is published: \(description)")
            #expect(holds.cells.allSatisfy { changes[$0] > 0 }, "an unchanged cell is held: \(description)")
            if holds.total {
                overallHeld += 1
                #expect(changes.indices.filter { changes[$0] > 0 }.allSatisfy(holds.cells.contains))
                continue
            }
            if holds.cells.count > primary.count { withComplements += 1 }
            // Unknowns: the held cells' changes, then the blank group's when it changed. One equation:
            // they add up to the overall's change minus the published cells'.
            let unknowns = holds.cells.sorted()
            let count = unknowns.count + (blank > 0 ? 1 : 0)
            let determined = determinedUnknowns(equations: [Array(repeating: 1, count: count)], unknownCount: count)
            for (k, cell) in unknowns.enumerated() {
                #expect(!determined[k], "the change of cell \(cell) is derivable: \(description)")
            }
            if ChangeHolding.isSmall(blank, threshold) {
                #expect(!determined[count - 1], "the blank group's change is derivable: \(description)")
            }
            // What subtraction does give, the overall's change minus the published cells', covers
            // no changes or at least the threshold.
            let pool = holds.cells.reduce(blank) { $0 + changes[$1] }
            #expect(pool == 0 || pool >= threshold, "overall − published covers \(pool) changes: \(description)")
        }
        #expect(withComplements > 300 && overallHeld > 300)
    }

    @Test func noHeldChangeIsDerivableInAPairTable() {
        var random = SplitMix64(seed: 20_261_207)
        var checked = 0
        for _ in 0..<1500 {
            let counts = [random.int(in: 1...3), random.int(in: 1...3)]
            let threshold = random.int(in: 3...5)
            let before = Self.firstRun(groupCounts: counts, threshold: threshold, random: &random)
            let after = Self.nextRun(before, groupCounts: counts, operations: random.int(in: 0...10), random: &random)
            let total = Self.change(before, after) { _ in true }
            func oneWay(_ field: Int) -> ChangeHolding.OneWay {
                ChangeHolding.oneWay(
                    changes: (0..<counts[field]).map { g in Self.change(before, after) { $0.groups[field] == g } },
                    blank: Self.change(before, after) { $0.groups[field] == -1 }, total: total,
                    minGroupSize: threshold)
            }
            let rows = oneWay(0)
            let columns = oneWay(1)
            guard !rows.total else { continue }
            // The table of changes, blank row and column last.
            let groupRows = Array(0..<counts[0]) + [-1]
            let groupColumns = Array(0..<counts[1]) + [-1]
            let changes = groupRows.map { r in
                groupColumns.map { c in Self.change(before, after) { $0.groups == [r, c] } }
            }
            let held = ChangeHolding.twoWay(
                changes: changes, rowHeld: rows.cells, columnHeld: columns.cells, minGroupSize: threshold)
            let description = "\(changes) at threshold \(threshold), rows held \(rows.cells), columns \(columns.cells)"
            for r in 0..<counts[0] {
                for c in 0..<counts[1] where ChangeHolding.isSmall(changes[r][c], threshold) {
                    #expect(held.contains(Cell(row: r, column: c)), "a small change is published: \(description)")
                }
            }
            // Unknowns: held listed cells and held margins, and every blank cell and blank margin
            // (never published, so their change is never seen); known: every other cell's and
            // margin's change, from the two reports.
            var unknownCells = held
            for (r, row) in changes.enumerated() {
                for c in row.indices where r == counts[0] || c == counts[1] {
                    unknownCells.insert(Cell(row: r, column: c))
                }
            }
            let hiddenRows = rows.cells.union([counts[0]])
            let hiddenColumns = columns.cells.union([counts[1]])
            let leaks = TwoWaySuppressionTests.derivable(
                table: changes, hidden: unknownCells, hiddenRows: hiddenRows, hiddenColumns: hiddenColumns)
            // A large blank cell's change may be determined: it covers enough respondents.
            let protected = leaks.filter { label in
                for cell in unknownCells where label == "cell(\(cell.row),\(cell.column))" {
                    let unlisted = cell.row == counts[0] || cell.column == counts[1]
                    return !unlisted || ChangeHolding.isSmall(changes[cell.row][cell.column], threshold)
                }
                return !label.contains("margin \(counts[0])") && !label.contains("margin \(counts[1])")
            }
            #expect(protected.isEmpty, "\(protected) derivable: \(description), held \(held.sorted())")
            checked += 1
        }
        #expect(checked > 500)
    }
}
