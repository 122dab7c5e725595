import CandorAggregate

/// One number a report publishes, flattened out of the document so that long-format outputs (the
/// tidy CSV, the workbook's sheets) list the same figures with the same privacy applied.
///
/// A hidden figure keeps only its flags: `value`, `count`, `n` and the interval are `nil`, as in
/// the JSON report.
package struct PublishedFigure: Sendable, Equatable {
    /// The metric's id.
    package var metricID: String
    /// The metric's kind as written in definitions (`share`, `likert`…).
    package var metricKind: String
    /// Which of the metric's figures this is: `primary` for its headline figure, or a detail
    /// such as `promoters`, `option:Remote` or `favourable:q01` (see Docs/TIDY-CSV.md).
    package var measure: String
    /// The segment fields; empty for an overall figure.
    package var segmentFields: [String]
    /// The group's labels, one per segment field; empty for an overall figure.
    package var groupLabels: [String]
    /// The units of `value`, `difference` and the interval.
    package var unit: FigureUnit
    /// The value; `nil` when hidden or undefined.
    package var value: Double?
    /// The numerator of a share; `nil` otherwise or when hidden.
    package var count: Double?
    /// The base; `nil` when hidden.
    package var n: Int?
    /// The 95% interval's ends; `nil` when hidden or undefined.
    package var ciLow: Double?
    /// The interval's upper end.
    package var ciHigh: Double?
    /// Hidden for privacy or by a display rule.
    package var suppressed: Bool
    /// Why it is hidden (`below_threshold`, `complementary`, `display_rule`); `nil` when shown.
    package var suppressionReason: String?
    /// The interval is wider than the declared width.
    package var unreliable: Bool
    /// The two-sided p-value of the figure's test (a segment row against the rest, a driver's r).
    package var pValue: Double?
    /// A segment row's value minus the overall value.
    package var difference: Double?
    /// When the figure repeats an earlier run's publication of this open wave (a held cell):
    /// that run's time, ISO 8601 in UTC; `nil` for tonight's figure.
    package var heldSince: String?

    /// A figure as published: its numbers dropped when it is hidden.
    init(
        metric: MetricResult, measure: String, figure: Figure, unit: FigureUnit, segmentFields: [String] = [],
        groupLabels: [String] = [], pValue: Double? = nil, difference: Double? = nil, heldSince: String? = nil
    ) {
        self.metricID = metric.id
        self.metricKind = metric.kind.name
        self.measure = measure
        self.segmentFields = segmentFields
        self.groupLabels = groupLabels
        self.unit = unit
        self.suppressed = figure.suppressed
        self.suppressionReason = figure.suppressed ? figure.suppressionReason : nil
        self.unreliable = !figure.suppressed && figure.unreliable
        self.heldSince = heldSince
        guard !figure.suppressed else { return }
        self.value = figure.value
        self.count = figure.count
        self.n = figure.n
        self.ciLow = figure.interval?.low
        self.ciHigh = figure.interval?.high
        self.pValue = pValue
        self.difference = difference
    }
}
