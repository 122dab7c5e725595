/// Raking by iterative proportional fitting, on a cross-classification's cells.
///
/// Raking weights are constant within a cell of the rake fields' cross-classification, so the
/// fit needs only each cell's respondent count, never a respondent: each sweep scales, margin by
/// margin, every cell's weight by (the margin's target) ÷ (its current weighted total), as R's
/// `survey::rake` does with its successive post-stratifications, until every margin's weighted
/// totals are within `tolerance` of the targets.
///
/// This is the fitting step; `RakedWeights` turns its fit into respondents' weights for the
/// definition's `weighting:` block.
package enum IterativeProportionalFitting {
    /// The fitted weights.
    package struct Fit: Sendable, Equatable {
        /// One weight per cell, in the cells' row-major order.
        package var weights: [Double]
        /// Full sweeps over the margins made.
        package var iterations: Int
    }

    /// Why a fit has no answer.
    package enum Failure: Error, Sendable, Equatable {
        /// Margin `margin`'s level `level` has a target but no respondent: no weight can reach it.
        case emptyCell(margin: Int, level: Int)
        /// After `iterations` sweeps margin `margin` was still `gap` away from its targets.
        case notConverged(margin: Int, gap: Double, iterations: Int)
    }

    /// Fits weights to `targets`.
    ///
    /// - Parameters:
    ///   - counts: Respondents per cell, row-major over `sizes` (the last dimension varies fastest).
    ///   - sizes: Levels per margin (rake field).
    ///   - targets: Per margin, the target total of each level (the roster's counts).
    ///   - tolerance: Largest accepted gap between a level's weighted total and its target.
    ///   - maxIterations: Sweeps allowed.
    /// - Throws: `Failure`.
    package static func fit(
        counts: [Double], sizes: [Int], targets: [[Double]], tolerance: Double, maxIterations: Int
    ) throws(Failure) -> Fit {
        let strides = sizes.indices.map { dimension in sizes[(dimension + 1)...].reduce(1, *) }
        func level(of cell: Int, in margin: Int) -> Int { (cell / strides[margin]) % sizes[margin] }
        func totals(_ weights: [Double], margin: Int) -> [Double] {
            var totals = Array(repeating: 0.0, count: sizes[margin])
            for cell in counts.indices { totals[level(of: cell, in: margin)] += counts[cell] * weights[cell] }
            return totals
        }
        var weights = Array(repeating: 1.0, count: counts.count)
        for margin in sizes.indices {
            let unweighted = totals(weights, margin: margin)
            if let empty = unweighted.indices.first(where: { unweighted[$0] == 0 && targets[margin][$0] > 0 }) {
                throw .emptyCell(margin: margin, level: empty)
            }
        }
        var gaps = Array(repeating: Double.infinity, count: sizes.count)
        for iteration in 1...max(1, maxIterations) {
            for margin in sizes.indices {
                let current = totals(weights, margin: margin)
                for cell in counts.indices {
                    let level = level(of: cell, in: margin)
                    if current[level] > 0 { weights[cell] *= targets[margin][level] / current[level] }
                }
            }
            gaps = sizes.indices.map { margin in
                zip(totals(weights, margin: margin), targets[margin]).map { abs($0 - $1) }.max() ?? 0
            }
            if gaps.allSatisfy({ $0 < tolerance }) { return Fit(weights: weights, iterations: iteration) }
        }
        let worst = gaps.indices.max { gaps[$0] < gaps[$1] } ?? 0
        throw .notConverged(margin: worst, gap: gaps[worst], iterations: max(1, maxIterations))
    }
}
