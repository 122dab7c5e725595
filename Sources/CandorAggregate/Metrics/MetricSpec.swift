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

/// What a metric computes: one kind's resolved definition (a `MetricDefinition`).
///
/// The kinds are listed in `MetricRegistry`; each kind's file adds a factory such as
/// `MetricKind.nps(field:)`.
package struct MetricKind: Sendable, Hashable {
    /// The kind's definition.
    package let definition: any MetricDefinition

    /// Wraps a kind's definition.
    package init(_ definition: some MetricDefinition) {
        self.definition = definition
    }

    /// The kind's type: its name, keys and units.
    package var type: any MetricDefinition.Type { Swift.type(of: definition) }

    /// The kind's name as written in definitions.
    package var name: String { type.name }

    package static func == (lhs: MetricKind, rhs: MetricKind) -> Bool {
        AnyHashable(lhs.definition) == AnyHashable(rhs.definition)
    }

    package func hash(into hasher: inout Hasher) {
        AnyHashable(definition).hash(into: &hasher)
    }
}

/// A per-respondent score: one numeric field, or the mean of several Likert items (respondents
/// who answered none of them have no score).
package enum Score: Sendable, Hashable {
    /// A field's value (integer, number or Likert point, or a boolean's 1 = yes, 0 = no).
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
    /// How each segment table's p-values are adjusted for the number of groups it tests
    /// (definition key `statistics.adjust`).
    package var adjustment: PValueAdjustment
    /// Category fields whose accepted respondents are counted per value, for response rates
    /// (the fields a `population:` roster maps); empty without a roster.
    package var headcountFields: [Int] = []
    /// Whether responses carry weights the pipeline computed (raking to a roster), not read
    /// from the schema's weight field.
    package var computedWeights = false

    /// Whether figures are weighted: by the schema's weight field or by computed weights.
    package var isWeighted: Bool { schema.weightField != nil || computedWeights }

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
        privacy: PrivacyRules = PrivacyRules(), adjustment: PValueAdjustment = .benjaminiHochberg
    ) {
        self.schema = schema
        self.metrics = metrics
        self.segments = segments
        self.segmentPairs = segmentPairs
        self.privacy = privacy
        self.adjustment = adjustment
    }
}
