import CandorAggregate

/// The methods and thresholds a report states, so a reader can tell how every number was made.
///
/// The pipeline fills this from the definition; the defaults are the project's fixed methods.
package struct ReportMethods: Sendable, Equatable {
    /// How intervals are computed, in one phrase.
    package var intervalMethod: String
    /// The interval methods the report's figures use, in the order of `IntervalMethod.allCases`.
    package var intervalMethods: [IntervalMethod]
    /// How segment tables' p-values are adjusted; `nil` when the report has no segment table.
    package var adjustment: PValueAdjustment?
    /// The anonymity threshold: groups with fewer respondents get no figure.
    package var minGroupSize: Int
    /// Figures whose 95% interval is wider than this (a fraction; ×100 points for scores) are
    /// flagged unreliable.
    package var maxIntervalWidth: Double
    /// The favourable rule of each Likert scale in use, one sentence each.
    package var favourableRules: [String]
    /// How eNPS answers are bucketed and scored; `nil` when the report has no `nps` metric.
    package var enpsBuckets: String?
    /// The engagement-index rules in use, one sentence each.
    package var engagementRules: [String]
    /// The tests behind the segment tables' "differs" columns, one per distinct test.
    package var segmentTests: [String]
    /// How weights were applied; `nil` when the figures are unweighted.
    package var weightingNote: String?
    /// How a Likert index's shares of answers, their intervals and its mean are computed; `nil`
    /// when no metric pools a block's answers.
    package var likertIndexNote: String?
    /// How numbers are rounded for display.
    package var rounding: String

    /// What the methods say about a Likert index, when a report has one.
    package static let likertIndexMethod =
        "a block's favourable, neutral and unfavourable shares are of its answers pooled over the items, and its n"
        + " counts respondents. Their 95% interval is clustered by respondent, since one person's answers are not"
        + " independent: a ratio estimator p̂ = Σwy/Σwm (y a respondent's answers in the class, m their answers, w"
        + " their weight or 1) with the linearised standard error SE² = n/(n − 1)·Σw²(y − p̂m)²/(Σwm)² (n"
        + " respondents; as R survey's svyratio with replacement), p̂ ± 1.96·SE clamped to 0–100%. Its mean is the"
        + " mean of answers (each answer counts once), not the mean of respondents'"
        + " means"

    /// The interval method every figure uses.
    package static let defaultIntervalMethod = "95% intervals, each figure's method named beside it (interval_method)"
    /// The eNPS buckets every `nps` metric uses.
    package static let defaultENPSBuckets =
        "Promoters answer 9–10, passives 7–8, detractors 0–6; the score is the percentage of promoters minus the"
        + " percentage of detractors, from −100 to +100"
    /// The display rounding every report uses.
    package static let defaultRounding =
        "Percentages to one decimal place, scores to whole points, means to two decimals; Likert distributions are"
        + " rounded by largest remainder so each item adds to 100%. The JSON report gives fractions to 6 decimals and"
        + " points to 2."

    /// Creates the methods.
    package init(
        intervalMethod: String = ReportMethods.defaultIntervalMethod, minGroupSize: Int, maxIntervalWidth: Double,
        favourableRules: [String] = [], enpsBuckets: String? = nil,
        engagementRules: [String] = [], segmentTests: [String] = [], weightingNote: String? = nil,
        rounding: String = ReportMethods.defaultRounding, intervalMethods: [IntervalMethod] = [],
        adjustment: PValueAdjustment? = nil
    ) {
        self.intervalMethod = intervalMethod
        self.intervalMethods = intervalMethods
        self.adjustment = adjustment
        self.minGroupSize = minGroupSize
        self.maxIntervalWidth = maxIntervalWidth
        self.favourableRules = favourableRules
        self.enpsBuckets = enpsBuckets
        self.engagementRules = engagementRules
        self.segmentTests = segmentTests
        self.weightingNote = weightingNote
        self.rounding = rounding
    }
}
