import CandorClean

/// One metric declared in a pipeline, resolved against the schema (fields are indexes).
package struct MetricSpec: Sendable, Hashable {
    /// The metric's id.
    package var id: String
    /// Its human label.
    package var label: String
    /// What it computes.
    package var kind: MetricKind

    /// Creates a metric.
    package init(id: String, label: String, kind: MetricKind) {
        self.id = id
        self.label = label
        self.kind = kind
    }
}

/// What a metric computes.
package enum MetricKind: Sendable, Hashable {
    /// The share of respondents for whom `where` holds, among those for whom `among` holds.
    /// Respondents for whom either is unknown (unanswered) are outside the denominator.
    /// `definition` states the rule in words for the report.
    case share(where: Predicate, among: Predicate?, definition: String)
    /// Per option of a multiselect field, the share of answering respondents who chose it.
    case multiselect(field: Int)
    /// Distribution, favourable/neutral/unfavourable and mean per item, and for the items
    /// pooled as an index when `blockName` is given.
    case likert(items: [Int], blockName: String?)
    /// Net Promoter Score of a 0–10 integer field: promoters 9–10, passives 7–8, detractors 0–6.
    case nps(field: Int)
    /// Per respondent, the mean of `items` (respondents who answered at least `minimumItems`),
    /// classed engaged (mean ≥ `engagedAt`), actively disengaged (mean < `disengagedBelow`) or
    /// not engaged. The engaged share is shown from `engagedDisplayN` respondents, all three
    /// classes from `allClassesDisplayN` (Gallup's practice: 30 and 100).
    case engagementIndex(
        items: [Int], name: String, engagedAt: Double, disengagedBelow: Double, minimumItems: Int,
        engagedDisplayN: Int, allClassesDisplayN: Int)
    /// Eta squared and ICC(1) of a per-respondent score by a grouping field, over groups of at
    /// least the anonymity size.
    case varianceShare(score: Score, group: Int)
    /// Pearson correlation of each item with an outcome score.
    case drivers(outcome: Score, items: [Int])

    /// The kind's name as written in definitions.
    package var name: String {
        switch self {
        case .share: "share"
        case .multiselect: "multiselect"
        case .likert: "likert"
        case .nps: "nps"
        case .engagementIndex: "engagement_index"
        case .varianceShare: "variance_share"
        case .drivers: "drivers"
        }
    }
}

/// A per-respondent score: one numeric field, or the mean of several Likert items (respondents
/// who answered none of them have no score).
package enum Score: Sendable, Hashable {
    /// A field's value (integer, number or Likert point).
    case field(Int)
    /// The mean of the answered items among `items`, named `name` (a block's name).
    case meanOf(items: [Int], name: String)
}

/// The privacy and reliability rules in force.
package struct PrivacyRules: Sendable, Hashable {
    /// Groups with fewer respondents than this get no figure (default 5).
    package var minGroupSize: Int
    /// Figures whose 95% interval is wider than this (a fraction for shares; ×100 points for
    /// scores) are flagged unreliable (default 0.30).
    package var maxIntervalWidth: Double

    /// Creates the rules.
    package init(minGroupSize: Int = 5, maxIntervalWidth: Double = 0.30) {
        self.minGroupSize = minGroupSize
        self.maxIntervalWidth = maxIntervalWidth
    }
}

/// Everything the aggregate stage needs: the schema, the metrics, the segments and the rules.
package struct AggregationPlan: Sendable, Hashable {
    /// The cleaned responses' schema.
    package var schema: SurveySchema
    /// Metrics, in report order.
    package var metrics: [MetricSpec]
    /// Segment fields (category, boolean or Likert fields).
    package var segments: [Int]
    /// Segment pairs.
    package var segmentPairs: [SegmentPair]
    /// Privacy and reliability rules.
    package var privacy: PrivacyRules

    /// Two fields crossed.
    package struct SegmentPair: Sendable, Hashable {
        /// First field.
        package var first: Int
        /// Second field.
        package var second: Int

        /// Creates a pair.
        package init(first: Int, second: Int) {
            self.first = first
            self.second = second
        }
    }

    /// Creates a plan.
    package init(
        schema: SurveySchema, metrics: [MetricSpec], segments: [Int] = [], segmentPairs: [SegmentPair] = [],
        privacy: PrivacyRules = PrivacyRules()
    ) {
        self.schema = schema
        self.metrics = metrics
        self.segments = segments
        self.segmentPairs = segmentPairs
        self.privacy = privacy
    }
}
