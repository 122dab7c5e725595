import CandorClean

/// The `weighting:` block: weights computed by raking the respondents to the roster's margins.
package struct WeightingSpec: Sendable, Hashable {
    /// One rake field: a category field the `population:` roster maps.
    package struct RakeField: Sendable, Hashable {
        /// The definition field's index.
        package var field: Int
        /// The definition field's name.
        package var fieldName: String
    }

    /// The rake fields, in the definition's order (their cross-classification is the cells).
    package var rake: [RakeField]
    /// Largest gap allowed between a level's weighted total and its roster count (`tolerance`).
    package var tolerance: Double
    /// Sweeps over the margins allowed before the run stops (`max_iterations`).
    package var maxIterations: Int

    /// `tolerance` when the definition does not say: a millionth of a person, far below any
    /// difference a report can show.
    package static let defaultTolerance = 1e-6
    /// `max_iterations` when the definition does not say: survey::rake allows 10 sweeps by
    /// default, but a few rake fields with unbalanced cells can need a few dozen.
    package static let defaultMaxIterations = 50
}

extension DefinitionLoader {
    /// Reads `weighting: {rake: [fields], tolerance, max_iterations}`.
    ///
    /// Raking needs margins, so it needs the roster (`population`), and each rake field must be
    /// one of the roster's mapped columns; a `weight:` field at the same time would leave two
    /// answers to a response's weight.
    static func weighting(
        _ node: DefinitionNode?, weight: DefinitionNode?, population: PopulationSpec?, schema: SurveySchema,
        context: ResolutionContext
    ) throws(DefinitionError) -> WeightingSpec? {
        guard let node else { return nil }
        let keys = try node.keyed(allowed: ["rake", "tolerance", "max_iterations"])
        if weight != nil {
            throw node.error(
                "weighting and weight cannot both be set: weighting computes each response's weight by raking to the roster, weight reads it from a field; keep one"
            )
        }
        guard let population else {
            throw node.error(
                "weighting needs a population roster: the rake margins are the roster's counts (add population: {file: ..., columns: {...}})"
            )
        }
        guard let rakeNode = keys["rake"] else {
            throw node.error("weighting needs 'rake' (the roster's fields to weight to), such as rake: [department]")
        }
        var rake: [WeightingSpec.RakeField] = []
        for entry in try rakeNode.sequence() {
            let name = try entry.string()
            let index = try context.field(named: name, at: entry, in: schema)
            guard population.columns.contains(where: { $0.field == index }) else {
                throw entry.error(
                    "weighting.rake field '\(name)' is not among population.columns (\(population.columns.map(\.fieldName).joined(separator: ", "))); the roster gives its margin"
                )
            }
            guard !rake.contains(where: { $0.field == index }) else {
                throw entry.error("weighting.rake lists '\(name)' twice")
            }
            rake.append(.init(field: index, fieldName: name))
        }
        guard !rake.isEmpty else { throw rakeNode.error("weighting.rake must list at least one field") }
        var spec = WeightingSpec(
            rake: rake, tolerance: WeightingSpec.defaultTolerance, maxIterations: WeightingSpec.defaultMaxIterations)
        if let node = keys["tolerance"] {
            spec.tolerance = try node.double()
            guard spec.tolerance > 0, spec.tolerance.isFinite else {
                throw node.error(
                    "weighting.tolerance must be a number above 0, such as 1e-6, not '\(try node.string())'")
            }
        }
        if let node = keys["max_iterations"] {
            spec.maxIterations = try node.int()
            guard spec.maxIterations >= 1 else {
                throw node.error("weighting.max_iterations must be 1 or more, not \(spec.maxIterations)")
            }
        }
        return spec
    }
}
