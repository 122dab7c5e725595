import Testing

@testable import CandorAggregate

/// Raking's fitting step against a reference.
@Suite("Iterative proportional fitting")
struct IterativeProportionalFittingTests {
    /// A 2 × 3 table of respondents raked to rows (60, 40) and columns (30, 40, 30). Reference:
    /// `python3 Tests/CandorAggregateTests/Reference/rake_reference.py` (a numpy reimplementation of
    /// survey::rake's successive post-stratification) gives 11 sweeps and the weights
    /// [[2.45592044 4.24144026 4.74453142] [1.36019889 2.34909984 2.62773429]].
    @Test func matchesTheReference() throws {
        let fit = try IterativeProportionalFitting.fit(
            counts: [10, 5, 3, 4, 8, 6], sizes: [2, 3], targets: [[60, 40], [30, 40, 30]], tolerance: 1e-9,
            maxIterations: 100)
        let expected = [2.45592044, 4.24144026, 4.74453142, 1.36019889, 2.34909984, 2.62773429]
        #expect(fit.iterations == 11)
        #expect(zip(fit.weights, expected).allSatisfy { abs($0 - $1) < 5e-9 }, "\(fit.weights)")
    }

    /// Too few sweeps: the error names the margin furthest from its targets.
    @Test func notConvergingNamesTheMargin() {
        #expect(throws: IterativeProportionalFitting.Failure.self) {
            try IterativeProportionalFitting.fit(
                counts: [10, 5, 3, 4, 8, 6], sizes: [2, 3], targets: [[60, 40], [30, 40, 30]], tolerance: 1e-9,
                maxIterations: 2)
        }
        do {
            _ = try IterativeProportionalFitting.fit(
                counts: [10, 5, 3, 4, 8, 6], sizes: [2, 3], targets: [[60, 40], [30, 40, 30]], tolerance: 1e-9,
                maxIterations: 2)
        } catch {
            // After a sweep the columns (fitted last) match exactly; the rows carry the gap.
            guard case .notConverged(let margin, _, let iterations) = error else {
                Issue.record("\(error)")
                return
            }
            #expect(margin == 0 && iterations == 2)
        }
    }

    /// A level with a target but no respondent cannot be reached.
    @Test func anEmptyCellIsReported() {
        #expect(throws: IterativeProportionalFitting.Failure.emptyCell(margin: 1, level: 2)) {
            try IterativeProportionalFitting.fit(
                counts: [10, 5, 0, 4, 8, 0], sizes: [2, 3], targets: [[60, 40], [30, 40, 30]], tolerance: 1e-9,
                maxIterations: 100)
        }
    }
}
