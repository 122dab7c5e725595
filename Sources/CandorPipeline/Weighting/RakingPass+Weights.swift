import CandorAggregate
import CandorClean
import CandorReport
import Foundation

extension RakingPass {
    /// The weights of the pass's respondents by their rake codes, and what the report says
    /// about them; the weights are `nil` when a margin cell has no respondent (the figures then
    /// stay unweighted, and the section names the empty cells).
    ///
    /// - Parameters:
    ///   - labels: A category field's labels by code (the cleaner's).
    ///   - roster: The roster, whose counts per value of each rake field are the margins.
    ///   - rosterPath: The roster's path as the definition writes it.
    ///   - schema: The definition's schema (for the fields' aliases).
    /// - Throws: `RunFailure` (configuration, 78) naming the margin when the fit does not
    ///   converge within `max_iterations`.
    func weights(labels: (Int) -> [String], roster: Roster, rosterPath: String, schema: SurveySchema)
        throws(RunFailure) -> (weight: (([Int]) -> Double)?, section: WeightingSection)
    {
        let levels = spec.rake.map { rake in
            RosterLevels(
                roster.columns.first { $0.field == rake.field }
                    ?? Roster.ColumnCounts(field: rake.field, fieldName: rake.fieldName, values: [], blank: 0),
                schema: schema)
        }
        let fieldLabels = spec.rake.map { labels($0.field) }
        let levelOfCode = zip(levels, fieldLabels).map { levels, labels in labels.map { levels.level(of: $0) } }
        let sizes = levels.map(\.levels.count)
        let strides = sizes.indices.map { sizes[($0 + 1)...].reduce(1, *) }
        func cell(_ codes: [Int]) -> Int? {
            var index = 0
            for (slot, code) in codes.enumerated() {
                guard code >= 0, code < levelOfCode[slot].count, let level = levelOfCode[slot][code] else { return nil }
                index += level * strides[slot]
            }
            return index
        }
        var counts = Array(repeating: 0, count: sizes.reduce(1, *))
        var unmatched = 0
        var unmatchedCodes = spec.rake.map { _ in Set<Int>() }
        for (codes, respondents) in cellCounts {
            if let index = cell(codes) {
                counts[index] += respondents
                continue
            }
            unmatched += respondents
            for (slot, code) in codes.enumerated()
            where code < 0 || code >= levelOfCode[slot].count || levelOfCode[slot][code] == nil {
                unmatchedCodes[slot].insert(code)
            }
        }
        var section = WeightingSection(
            roster: rosterPath,
            margins: zip(spec.rake, levels).map { rake, levels in
                .init(field: rake.fieldName, levels: levels.levels.map { ($0.label, $0.invited) })
            },
            tolerance: spec.tolerance, maxIterations: spec.maxIterations, fit: nil, emptyCells: [], warnings: [])
        let empty = RakedWeights.emptyLevels(counts: counts, sizes: sizes)
        guard empty.isEmpty else {
            section.emptyCells = empty.map {
                "\(spec.rake[$0.margin].fieldName) '\(levels[$0.margin].levels[$0.level].label)'"
            }
            return (nil, section)
        }
        let raked: RakedWeights
        do {
            raked = try RakedWeights.fit(
                counts: counts, unmatched: unmatched, targets: levels.map { $0.levels.map { Double($0.invited) } },
                population: Double(roster.invited), tolerance: spec.tolerance, maxIterations: spec.maxIterations)
        } catch {
            throw notConverged(error)
        }
        section.fit = .init(
            iterations: raked.iterations, converged: true, minimumWeight: raked.minimum, maximumWeight: raked.maximum,
            designEffect: raked.designEffect, effectiveN: raked.effectiveN)
        for (slot, codes) in unmatchedCodes.enumerated() {
            let field = spec.rake[slot].fieldName
            for code in codes.sorted() {
                section.warnings.append(
                    code < 0 || code >= fieldLabels[slot].count
                        ? "respondents who gave no \(field) are in no margin cell; they take the mean weight"
                        : "\(field) '\(fieldLabels[slot][code])' is not in the roster \(rosterPath); its respondents take the mean weight"
                )
            }
        }
        for rake in spec.rake {
            guard let blank = roster.columns.first(where: { $0.field == rake.field })?.blank, blank > 0 else {
                continue
            }
            section.warnings.append(
                "the roster \(rosterPath) has \(blank) people with no \(rake.fieldName); that margin is scaled to its \(roster.invited) people"
            )
        }
        let cellWeights = raked.cellWeights
        let neutral = raked.unmatchedWeight
        return ({ codes in cell(codes).map { cellWeights[$0] } ?? neutral }, section)
    }

    /// The configuration error for a fit that did not converge, naming the margin.
    private func notConverged(_ failure: IterativeProportionalFitting.Failure) -> RunFailure {
        switch failure {
        case .notConverged(let margin, let gap, let iterations):
            RunFailure(
                .configuration,
                "weighting: raking did not converge in \(iterations) iteration(s) (weighting.max_iterations): the margin of '\(spec.rake[margin].fieldName)' is still \(String(format: "%.3g", gap)) from the roster's counts (weighting.tolerance \(spec.tolerance)); raise max_iterations, loosen tolerance or rake on fewer fields"
            )
        case .emptyCell(let margin, _):
            RunFailure(
                .internalError, "weighting: a margin cell of '\(spec.rake[margin].fieldName)' is empty after the check")
        }
    }
}
