import CandorAggregate

/// What a report says about earlier waves: each figure's change since the previous wave, and the
/// headlines' trend. Present only when the history holds a previous wave.
package struct WaveChanges: Sendable, Equatable {
    /// This run's wave label.
    package var wave: String
    /// The previous wave's label: the most recent run, by run time, with another label.
    package var previousWave: String
    /// The smallest difference worth calling out, in points (percentage points for shares);
    /// `nil` when the definition sets none.
    package var minimumDifference: Double?
    /// Per metric id, its changes; a metric the previous wave did not have is absent.
    package var metrics: [String: MetricChange]
    /// The headlines' figures in the last waves, oldest first, this wave last.
    package var trend: [TrendWave]

    /// Creates the changes.
    package init(
        wave: String, previousWave: String, minimumDifference: Double?, metrics: [String: MetricChange],
        trend: [TrendWave]
    ) {
        self.wave = wave
        self.previousWave = previousWave
        self.minimumDifference = minimumDifference
        self.metrics = metrics
        self.trend = trend
    }

    /// The sentence the methods section gives: the tests, and the caveat that they treat the two
    /// waves as independent samples.
    package static let methodNote =
        "the difference from the previous wave (the most recent run with another wave label), tested as two"
        + " independent samples (shares: two-proportion z-test; means: Welch's t-test; eNPS and Likert indexes:"
        + " a normal test with both waves' standard errors; drivers and variance shares: no test). A repeat"
        + " survey of one workforce only approximates independent samples: many people answer both times."
        + " p-values are adjusted per table (Benjamini–Hochberg); significant means an adjusted p below 0.05; a figure"
        + " suppressed in either wave has no change, and a metric whose definition changed is not compared."
}

/// A metric's changes: its overall figure and its segment rows.
package struct MetricChange: Sendable, Equatable {
    /// The change of the overall figure; `nil` when either wave did not publish it.
    package var overall: FigureChange?
    /// The metric's definition (question, scale, `where`) differs from the previous wave's, so
    /// nothing is compared.
    package var definitionChanged: Bool
    /// Per segment table name, per row labels, the row's change.
    package var segments: [String: [[String]: FigureChange]]

    /// Creates a metric's changes.
    package init(overall: FigureChange?, definitionChanged: Bool, segments: [String: [[String]: FigureChange]]) {
        self.overall = overall
        self.definitionChanged = definitionChanged
        self.segments = segments
    }
}

/// One figure's change since the previous wave.
package struct FigureChange: Sendable, Equatable {
    /// The previous wave's label.
    package var previousWave: String
    /// The figure then.
    package var previousValue: Double
    /// Now minus then, in the figure's units.
    package var difference: Double
    /// The test; `nil` for kinds compared by their earlier value only.
    package var test: WaveComparison.Test?
    /// The two-sided p-value.
    package var pValue: Double?
    /// The p-value adjusted across its table (Benjamini–Hochberg).
    package var pAdjusted: Double?
    /// Whether the adjusted p-value is under 0.05; `nil` without a test.
    package var significant: Bool?
    /// Whether the difference reaches the configured minimum; `nil` when none is configured.
    package var meaningful: Bool?

    /// Creates a change.
    package init(
        previousWave: String, previousValue: Double, difference: Double, test: WaveComparison.Test?, pValue: Double?,
        pAdjusted: Double?, significant: Bool?, meaningful: Bool?
    ) {
        self.previousWave = previousWave
        self.previousValue = previousValue
        self.difference = difference
        self.test = test
        self.pValue = pValue
        self.pAdjusted = pAdjusted
        self.significant = significant
        self.meaningful = meaningful
    }
}

/// One wave's headline figures, for the trend table.
package struct TrendWave: Sendable, Equatable {
    /// The wave's label.
    package var wave: String
    /// Per headline metric id, the overall figure as that wave published it.
    package var figures: [String: Figure]

    /// Creates a wave's row.
    package init(wave: String, figures: [String: Figure]) {
        self.wave = wave
        self.figures = figures
    }
}
