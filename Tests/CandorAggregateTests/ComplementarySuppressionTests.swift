import Testing

@testable import CandorAggregate

/// One-way suppression: hand-worked tables, then an exhaustive check on random tables that no
/// hidden cell can be derived from the shown cells and the published total.
struct ComplementarySuppressionTests {
    struct Case: Sendable, CustomTestStringConvertible {
        var counts: [Int]
        var hidden: Set<Int>
        var testDescription: String { "\(counts)" }
    }

    // Threshold 5 throughout.
    @Test(arguments: [
        Case(counts: [], hidden: []),
        Case(counts: [0, 0], hidden: []),
        Case(counts: [5, 9, 12], hidden: []),  // nothing small
        Case(counts: [2, 10], hidden: [0, 1]),  // two cells, one small: both go
        Case(counts: [3], hidden: [0]),  // alone and small: the total must go too (below)
        Case(counts: [0, 7, 2, 9], hidden: [2, 1]),  // smallest other non-zero cell, not the 0
        Case(counts: [2, 8, 8], hidden: [0, 1]),  // tie: lower index
        Case(counts: [9, 8, 2, 8], hidden: [2, 1]),  // tie after the small cell: lower index
        Case(counts: [1, 2, 10], hidden: [0, 1, 2]),  // 1 + 2 is a group of 3: the 10 goes too
        Case(counts: [2, 3, 10], hidden: [0, 1]),  // 2 + 3 reach the threshold together
        Case(counts: [1, 4, 3, 10], hidden: [0, 1, 2]),
    ])
    func handWorkedTables(_ c: Case) {
        #expect(ComplementarySuppression.suppress(counts: c.counts, minGroupSize: 5) == c.hidden)
    }

    struct BlankCase: Sendable, CustomTestStringConvertible {
        var counts: [Int]
        var blank: Int
        var hidden: Set<Int>
        var testDescription: String { "\(counts) + blank \(blank)" }
    }

    // Threshold 5; `blank` respondents are in the total but in no listed cell.
    @Test(arguments: [
        BlankCase(counts: [7, 9], blank: 2, hidden: [0]),  // total − shown would be the 2 blanks
        BlankCase(counts: [3, 9], blank: 6, hidden: [0]),  // 3 + 6 blanks: no complement needed
        BlankCase(counts: [3, 9], blank: 1, hidden: [0, 1]),  // 3 + 1 is still a small group
        BlankCase(counts: [8, 9], blank: 5, hidden: []),  // the blanks are derivable, but 5 people
        BlankCase(counts: [8, 9], blank: 0, hidden: []),
    ])
    func blankGroupIsACell(_ c: BlankCase) {
        #expect(ComplementarySuppression.suppress(counts: c.counts, unlisted: c.blank, minGroupSize: 5) == c.hidden)
    }

    @Test func withholdingTheTotal() {
        #expect(ComplementarySuppression.mustWithholdTotal(counts: [3], minGroupSize: 5))
        #expect(ComplementarySuppression.mustWithholdTotal(counts: [0, 4, 0], minGroupSize: 5))
        #expect(!ComplementarySuppression.mustWithholdTotal(counts: [7], minGroupSize: 5))
        #expect(ComplementarySuppression.mustWithholdTotal(counts: [2, 2], minGroupSize: 5))
        #expect(!ComplementarySuppression.mustWithholdTotal(counts: [2, 3], minGroupSize: 5))
        #expect(ComplementarySuppression.mustWithholdTotal(counts: [2], unlisted: 2, minGroupSize: 5))
        #expect(!ComplementarySuppression.mustWithholdTotal(counts: [], minGroupSize: 5))
    }

    /// 3,000 random one-way tables (sizes 1–6, counts 0–12, thresholds 3–5), a third of them with
    /// a blank group of 0–8 respondents.
    @Test func noHiddenCellIsDerivable() {
        var random = SplitMix64(seed: 0x0DD_BA11)
        var tablesWithSuppression = 0
        var tablesWithBlankAndSuppression = 0
        for _ in 0..<3000 {
            let size = random.int(in: 1...6)
            let threshold = random.int(in: 3...5)
            let counts = (0..<size).map { _ in random.int(in: 0...12) }
            let blank = random.int(in: 0...2) == 0 ? random.int(in: 0...8) : 0
            let hidden = ComplementarySuppression.suppress(counts: counts, unlisted: blank, minGroupSize: threshold)
            let primary = counts.indices.filter { counts[$0] > 0 && counts[$0] < threshold }

            #expect(primary.allSatisfy(hidden.contains), "a small cell is shown in \(counts)")
            #expect(hidden.allSatisfy { counts[$0] > 0 }, "a zero cell is hidden in \(counts)")
            if primary.isEmpty && (blank == 0 || blank >= threshold) {
                #expect(hidden.isEmpty, "\(counts) + blank \(blank) needs no suppression")
            }
            if !hidden.isEmpty { tablesWithSuppression += 1 }
            if blank > 0 && !hidden.isEmpty { tablesWithBlankAndSuppression += 1 }

            // The subtraction a reader can do: total − shown is the hidden cells and the blanks.
            let withheld = ComplementarySuppression.mustWithholdTotal(
                counts: counts, unlisted: blank, minGroupSize: threshold)
            let remainder = blank + hidden.map { counts[$0] }.reduce(0, +)
            if !withheld {
                #expect(
                    remainder == 0 || remainder >= threshold, "total − shown is \(remainder) in \(counts) + \(blank)")
            }

            // Unknowns: the hidden cells, then the blank group when not empty. Equation: they add
            // up to total − shown, unless the total is withheld. A determined blank group is no
            // leak when it reaches the threshold.
            let unknowns = hidden.sorted()
            let unknownCount = unknowns.count + (blank > 0 ? 1 : 0)
            let equations = withheld ? [] : [Array(repeating: 1, count: unknownCount)]
            let determined = determinedUnknowns(equations: equations, unknownCount: unknownCount)
            for (k, cell) in unknowns.enumerated() {
                #expect(!determined[k], "cell \(cell) of \(counts) at threshold \(threshold) is derivable")
            }
            if blank > 0 && blank < threshold {
                #expect(!determined[unknownCount - 1], "the blank \(blank) of \(counts) is derivable")
            }
        }
        // The sample is not vacuous.
        #expect(tablesWithSuppression > 1000 && tablesWithBlankAndSuppression > 300)
    }
}
