/// What a report says about raking: the margins the respondents were weighted to and how the
/// fit went, or why the figures are unweighted after all.
package struct WeightingSection: Sendable, Equatable {
    /// One rake field's margin: the roster's count of each of its values.
    package struct Margin: Sendable, Equatable {
        /// The rake field.
        package var field: String
        /// The roster's values, in roster order, with their counts; a count is `nil` where the
        /// response-rate table hides it (fewer invited than the anonymity threshold, or its
        /// complement), so this section does not give it back.
        package var levels: [(label: String, invited: Int?)]

        /// Creates a margin.
        package init(field: String, levels: [(label: String, invited: Int?)]) {
            self.field = field
            self.levels = levels
        }

        package static func == (lhs: Margin, rhs: Margin) -> Bool {
            lhs.field == rhs.field
                && lhs.levels.elementsEqual(rhs.levels) { $0.label == $1.label && $0.invited == $1.invited }
        }
    }

    /// How the fit went, when the weights were applied.
    package struct Fit: Sendable, Equatable {
        /// Sweeps over the margins made.
        package var iterations: Int
        /// Whether every margin came within the tolerance (a published fit always did: one that
        /// does not stops the run).
        package var converged: Bool
        /// The smallest and largest weight a respondent has.
        package var minimumWeight: Double
        /// See `minimumWeight`.
        package var maximumWeight: Double
        /// Kish's design effect, n·Σw²/(Σw)².
        package var designEffect: Double
        /// Kish's effective n of all respondents, n / design effect.
        package var effectiveN: Double

        /// Creates a fit's summary.
        package init(
            iterations: Int, converged: Bool, minimumWeight: Double, maximumWeight: Double, designEffect: Double,
            effectiveN: Double
        ) {
            self.iterations = iterations
            self.converged = converged
            self.minimumWeight = minimumWeight
            self.maximumWeight = maximumWeight
            self.designEffect = designEffect
            self.effectiveN = effectiveN
        }
    }

    /// The roster's path as the definition names it.
    package var roster: String
    /// The rake fields' margins, in the definition's order.
    package var margins: [Margin]
    /// The convergence tolerance (`weighting.tolerance`).
    package var tolerance: Double
    /// The sweeps allowed (`weighting.max_iterations`).
    package var maxIterations: Int
    /// The fit; `nil` when the figures fell back to unweighted (see `emptyCells`).
    package var fit: Fit?
    /// Margin cells with no respondent, as `field 'value'`: with any, no weight can reach the
    /// roster's margins and the figures are unweighted.
    package var emptyCells: [String]
    /// Data-quality warnings: respondents whose rake value the roster lacks.
    package var warnings: [String]

    /// Creates the section.
    package init(
        roster: String, margins: [Margin], tolerance: Double, maxIterations: Int, fit: Fit?, emptyCells: [String],
        warnings: [String]
    ) {
        self.roster = roster
        self.margins = margins
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.fit = fit
        self.emptyCells = emptyCells
        self.warnings = warnings
    }
}

extension WeightingSection {
    /// The methods line for this section (see `ReportMethods.weightingNote`).
    package static func methodsNote(_ section: WeightingSection) -> String { WeightingText.methodsNote(section) }
}
