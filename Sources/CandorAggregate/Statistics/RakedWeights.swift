/// Raking weights for a pass's respondents, from their counts per cell of the rake fields'
/// cross-classification and a roster's margins.
///
/// Every respondent of a cell gets the cell's weight (`IterativeProportionalFitting`), so the
/// fit needs counts only. Respondents in no cell (a rake-field value the roster lacks, or none)
/// take the neutral weight: the mean weight of the respondents in cells, so they count as an
/// average respondent and the cells still reproduce the roster's margins among themselves.
package struct RakedWeights: Sendable, Equatable {
    /// One weight per cell, row-major over the margins' levels.
    package var cellWeights: [Double]
    /// The weight of a respondent in no cell.
    package var unmatchedWeight: Double
    /// Full sweeps over the margins the fit made.
    package var iterations: Int
    /// The smallest weight a respondent has.
    package var minimum: Double
    /// The largest weight a respondent has.
    package var maximum: Double
    /// Respondents weighted (in cells and not).
    package var respondents: Int
    /// Kish's effective sample size of the whole pass, (Σw)²/Σw².
    package var effectiveN: Double
    /// Kish's design effect from unequal weights, n·Σw²/(Σw)² = n / n_eff.
    package var designEffect: Double

    /// The levels with a target but no respondent, margin by margin: no weight can reach them.
    ///
    /// - Parameters:
    ///   - counts: Respondents per cell, row-major over `sizes` (the last margin varies fastest).
    ///   - sizes: Levels per margin.
    package static func emptyLevels(counts: [Int], sizes: [Int]) -> [(margin: Int, level: Int)] {
        var empty: [(margin: Int, level: Int)] = []
        for margin in sizes.indices {
            let totals = marginTotals(counts.map(Double.init), sizes: sizes, margin: margin)
            empty += totals.indices.filter { totals[$0] == 0 }.map { (margin, $0) }
        }
        return empty
    }

    /// Fits the weights.
    ///
    /// Each margin's targets are first scaled to `population`: a roster row blank in one rake
    /// column counts in no level of that margin, and the fit converges only on margins with one
    /// total. A margin already summing to `population` is unchanged.
    ///
    /// - Parameters:
    ///   - counts: Respondents per cell, row-major over the margins' levels.
    ///   - unmatched: Respondents in no cell.
    ///   - targets: Per margin, the roster's count of each level.
    ///   - population: The total every margin is scaled to (the roster's rows).
    ///   - tolerance: Largest accepted gap between a level's weighted total and its target.
    ///   - maxIterations: Sweeps allowed.
    /// - Throws: `IterativeProportionalFitting.Failure` (check `emptyLevels` first).
    package static func fit(
        counts: [Int], unmatched: Int, targets: [[Double]], population: Double, tolerance: Double, maxIterations: Int
    ) throws(IterativeProportionalFitting.Failure) -> RakedWeights {
        let scaled = targets.map { levels -> [Double] in
            let total = levels.reduce(0, +)
            return total > 0 && total != population ? levels.map { $0 * population / total } : levels
        }
        let fit = try IterativeProportionalFitting.fit(
            counts: counts.map(Double.init), sizes: targets.map(\.count), targets: scaled, tolerance: tolerance,
            maxIterations: maxIterations)
        let matched = counts.reduce(0, +)
        var sum = 0.0
        var squares = 0.0
        var minimum = Double.infinity
        var maximum = -Double.infinity
        for (count, weight) in zip(counts, fit.weights) where count > 0 {
            sum += Double(count) * weight
            squares += Double(count) * weight * weight
            minimum = min(minimum, weight)
            maximum = max(maximum, weight)
        }
        let neutral = matched > 0 ? sum / Double(matched) : 1
        if unmatched > 0 {
            sum += Double(unmatched) * neutral
            squares += Double(unmatched) * neutral * neutral
            minimum = min(minimum, neutral)
            maximum = max(maximum, neutral)
        }
        let respondents = matched + unmatched
        let effectiveN = KishEffectiveN.effectiveN(sumOfWeights: sum, sumOfSquaredWeights: squares)
        return RakedWeights(
            cellWeights: fit.weights, unmatchedWeight: neutral, iterations: fit.iterations,
            minimum: respondents > 0 ? minimum : 1, maximum: respondents > 0 ? maximum : 1, respondents: respondents,
            effectiveN: effectiveN, designEffect: effectiveN > 0 ? Double(respondents) / effectiveN : 1)
    }

    /// The totals of `margin`'s levels over `values` per cell.
    private static func marginTotals(_ values: [Double], sizes: [Int], margin: Int) -> [Double] {
        let stride = sizes[(margin + 1)...].reduce(1, *)
        var totals = Array(repeating: 0.0, count: sizes[margin])
        for cell in values.indices { totals[(cell / stride) % sizes[margin]] += values[cell] }
        return totals
    }
}
