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
        Case(counts: [1, 2, 10], hidden: [0, 1]),  // two small cells protect each other
        Case(counts: [1, 4, 3, 10], hidden: [0, 1, 2]),
    ])
    func handWorkedTables(_ c: Case) {
        #expect(ComplementarySuppression.suppress(counts: c.counts, minGroupSize: 5) == c.hidden)
    }

    @Test func withholdingTheTotal() {
        #expect(ComplementarySuppression.mustWithholdTotal(counts: [3], minGroupSize: 5))
        #expect(ComplementarySuppression.mustWithholdTotal(counts: [0, 4, 0], minGroupSize: 5))
        #expect(!ComplementarySuppression.mustWithholdTotal(counts: [7], minGroupSize: 5))
        #expect(!ComplementarySuppression.mustWithholdTotal(counts: [2, 2], minGroupSize: 5))
        #expect(!ComplementarySuppression.mustWithholdTotal(counts: [], minGroupSize: 5))
    }

    /// 3,000 random one-way tables (sizes 1–6, counts 0–12, thresholds 3–5).
    @Test func noHiddenCellIsDerivable() {
        var random = SplitMix64(seed: 0x0DD_BA11)
        var tablesWithSuppression = 0
        for _ in 0..<3000 {
            let size = random.int(in: 1...6)
            let threshold = random.int(in: 3...5)
            let counts = (0..<size).map { _ in random.int(in: 0...12) }
            let hidden = ComplementarySuppression.suppress(counts: counts, minGroupSize: threshold)
            let primary = counts.indices.filter { counts[$0] > 0 && counts[$0] < threshold }

            #expect(primary.allSatisfy(hidden.contains), "a small cell is shown in \(counts)")
            #expect(hidden.allSatisfy { counts[$0] > 0 }, "a zero cell is hidden in \(counts)")
            if primary.isEmpty { #expect(hidden.isEmpty, "\(counts) needs no suppression") }
            if !hidden.isEmpty { tablesWithSuppression += 1 }

            // Unknowns: the hidden cells. Equation: hidden cells add up to total − shown, unless
            // the total is withheld.
            let unknowns = hidden.sorted()
            let withheld = ComplementarySuppression.mustWithholdTotal(counts: counts, minGroupSize: threshold)
            let equations = withheld ? [] : [Array(repeating: 1, count: unknowns.count)]
            let determined = determinedUnknowns(equations: equations, unknownCount: unknowns.count)
            for (k, cell) in unknowns.enumerated() {
                #expect(!determined[k], "cell \(cell) of \(counts) at threshold \(threshold) is derivable")
            }
        }
        // The sample is not vacuous.
        #expect(tablesWithSuppression > 1000)
    }
}
