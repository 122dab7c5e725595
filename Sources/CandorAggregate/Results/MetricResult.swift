/// The computed result of one declared metric, with privacy already applied: anything a report
/// may show is here, and nothing it may not.
package struct MetricResult: Sendable {
    /// The metric's id from the definition.
    package var id: String
    /// Its human label.
    package var label: String
    /// The kind: its name as written in definitions, and the units of its figures.
    package var kind: any MetricDefinition.Type
    /// The metric's primary figure (the share, the score, the favourable share…).
    package var overall: Figure
    /// The kind's own detail.
    package var detail: MetricDetail
    /// Breakdowns by each declared segment field and pair.
    package var segments: [SegmentTable]
    /// Who the primary figure's base is, in words that follow its number ("who answered all
    /// twelve items of engagement"; see `MetricDefinition.base(fieldNames:)`), or `nil`.
    package var base: String?

    /// Creates a result.
    package init(
        id: String, label: String, kind: any MetricDefinition.Type, overall: Figure, detail: MetricDetail,
        segments: [SegmentTable] = []
    ) {
        self.id = id
        self.label = label
        self.kind = kind
        self.overall = overall
        self.detail = detail
        self.segments = segments
    }
}

extension MetricResult: Equatable {
    /// Equal when every part is, the kinds compared as types.
    package static func == (lhs: MetricResult, rhs: MetricResult) -> Bool {
        lhs.id == rhs.id && lhs.label == rhs.label && lhs.kind == rhs.kind && lhs.overall == rhs.overall
            && lhs.detail == rhs.detail && lhs.segments == rhs.segments && lhs.base == rhs.base
    }
}

/// The part of a result that depends on the metric's kind: one case per shape of detail, which
/// kinds may share (a share and a mean both say everything in their overall figure).
package enum MetricDetail: Sendable, Equatable, Codable {
    /// A figure that says it all (a share of respondents, a mean); `definition` states what it
    /// measures in words.
    case summary(definition: String)
    /// Per option, the share of respondents who chose it (denominator: respondents who
    /// answered the question), ranked; plus at-least-one-real-option and the mean number chosen.
    case multiselect(options: [OptionFigure], atLeastOne: Figure, meanChosen: Double?)
    /// Per item and for the block as an index.
    case likert(items: [LikertFigure], index: LikertFigure?)
    /// Net Promoter Score: the three buckets and the score in points (in `overall`).
    case nps(promoters: Figure, passives: Figure, detractors: Figure)
    /// Engagement classes by the stated rule; a class not shown by the display rule is
    /// suppressed with reason `"display_rule"`.
    case engagement(engaged: Figure, notEngaged: Figure, activelyDisengaged: Figure, meanScore: Double?, rule: String)
    /// How much of a per-respondent score's variance lies between groups: ICC(1) (in `overall`,
    /// with its F interval), the F test and eta squared.
    case varianceShare(VarianceShareFigures)
    /// Correlation of each item with an outcome, ranked by r (highest first); `isBinaryOutcome`
    /// when the outcome is a yes/no field coded 1 = yes, 0 = no (each r is then point-biserial).
    case drivers(outcome: String, items: [DriverFigure], isBinaryOutcome: Bool)
}

/// One option of a multiselect.
package struct OptionFigure: Sendable, Equatable, Codable {
    /// The option's text.
    package var label: String
    /// Share of answering respondents who chose it.
    package var figure: Figure
    /// Whether it is the "none of these" option.
    package var isNoneOption: Bool

    /// Creates an option figure.
    package init(label: String, figure: Figure, isNoneOption: Bool) {
        self.label = label
        self.figure = figure
        self.isNoneOption = isNoneOption
    }
}

/// A Likert item (or a block, pooled over its items).
package struct LikertFigure: Sendable, Equatable, Codable {
    /// The item's field name (or the block's name).
    package var label: String
    /// Respondents who answered (for a block: respondents who answered at least one item).
    package var n: Int
    /// Per scale point: point, label, count of answers and the percentage rounded so the
    /// percentages add to 100 (largest remainder); empty when suppressed.
    package var distribution: [PointShare]
    /// Favourable, neutral and unfavourable shares (of answers).
    package var favourable: Figure
    /// Neutral share.
    package var neutral: Figure
    /// Unfavourable share.
    package var unfavourable: Figure
    /// Mean on the scale, and rescaled to 0–100; `nil` when suppressed.
    package var mean: Double?
    /// Mean rescaled to 0–100: (mean − min) / (max − min) × 100.
    package var mean0to100: Double?
    /// Whether the item is reverse-coded: its distribution shows the points answered, under
    /// their labels, while favourable, neutral, unfavourable and the mean use the points scored
    /// (`min + max − answer`). A block's index pools its items' answers at the points they score.
    package var reversed = false

    /// Creates an item figure.
    package init(
        label: String, n: Int, distribution: [PointShare], favourable: Figure, neutral: Figure, unfavourable: Figure,
        mean: Double?, mean0to100: Double?
    ) {
        self.label = label
        self.n = n
        self.distribution = distribution
        self.favourable = favourable
        self.neutral = neutral
        self.unfavourable = unfavourable
        self.mean = mean
        self.mean0to100 = mean0to100
    }
}

/// One scale point's share.
package struct PointShare: Sendable, Equatable, Codable {
    /// The point value.
    package var point: Int
    /// Its label.
    package var label: String
    /// Answers at this point (weighted when weights are in force).
    package var count: Double
    /// Rounded percentage (0 decimals); the points of one item add to exactly 100.
    package var percent: Double

    /// Creates a point share.
    package init(point: Int, label: String, count: Double, percent: Double) {
        self.point = point
        self.label = label
        self.count = count
        self.percent = percent
    }
}

/// The figures of a `variance_share` metric beside ICC(1), its primary figure.
package struct VarianceShareFigures: Sendable, Equatable, Codable {
    /// ICC(1); `nil` when undefined or hidden. Zero or negative when groups differ no more than
    /// chance would make them.
    package var icc1: Double?
    /// The F test of equal group means, with ICC(1)'s interval; `nil` when undefined or hidden.
    package var fTest: VarianceDecomposition.FTest?
    /// Eta squared, SS_between/SS_total; `nil` when undefined or hidden.
    package var etaSquared: Double?
    /// What eta squared is on average when groups do not differ, (G − 1)/(N − 1).
    package var etaSquaredChance: Double?
    /// Groups compared (at least the anonymity threshold each) and the respondents in them.
    package var groups: Int, respondents: Int
    /// Groups left out for being under the threshold, and their respondents.
    package var groupsBelowThreshold: Int, respondentsBelowThreshold: Int
    /// Respondents with a score but no group (a blank grouping field), left out.
    package var respondentsWithoutGroup: Int
    /// The score's and the grouping field's names.
    package var score: String, grouping: String

    /// Creates the figures.
    package init(
        icc1: Double?, fTest: VarianceDecomposition.FTest?, etaSquared: Double?, etaSquaredChance: Double?, groups: Int,
        respondents: Int, groupsBelowThreshold: Int, respondentsBelowThreshold: Int, respondentsWithoutGroup: Int,
        score: String, grouping: String
    ) {
        self.icc1 = icc1
        self.fTest = fTest
        self.etaSquared = etaSquared
        self.etaSquaredChance = etaSquaredChance
        self.groups = groups
        self.respondents = respondents
        self.groupsBelowThreshold = groupsBelowThreshold
        self.respondentsBelowThreshold = respondentsBelowThreshold
        self.respondentsWithoutGroup = respondentsWithoutGroup
        self.score = score
        self.grouping = grouping
    }

    /// Whether ICC(1) is zero or negative: the groups differ no more than chance would make them.
    package var showsNoDifference: Bool { icc1.map { $0 <= 0 } ?? false }
}

/// One item's correlation with the outcome.
package struct DriverFigure: Sendable, Equatable, Codable {
    /// The item's field name.
    package var item: String
    /// Pearson's r; `nil` when undefined or suppressed.
    package var r: Double?
    /// Respondents with both values.
    package var n: Int
    /// Two-sided p-value (Student's t, n − 2 df).
    package var pValue: Double?
    /// The p-value adjusted within the metric's items (the definition's `statistics.adjust`).
    package var pAdjusted: Double?
    /// Whether the adjusted p < 0.05.
    package var significant: Bool
    /// Whether the outcome is a block mean holding the item, so r is the item-rest (corrected
    /// item-total) correlation: the item against the mean of the block's other items.
    package var isItemRest: Bool

    /// Creates a driver figure.
    package init(item: String, r: Double?, n: Int, pValue: Double?, significant: Bool, isItemRest: Bool = false) {
        self.item = item
        self.r = r
        self.n = n
        self.pValue = pValue
        self.pAdjusted = pValue
        self.significant = significant
        self.isItemRest = isItemRest
    }
}

/// A metric broken down by one segment field or a pair of fields.
package struct SegmentTable: Sendable, Equatable, Codable {
    /// The field name, or `"a × b"` for a pair.
    package var name: String
    /// The fields (one or two).
    package var fields: [String]
    /// Rows, in the fields' declared value order.
    package var rows: [SegmentRow]
    /// The test used for "differs from overall", named with the adjustment of its p-values (e.g.
    /// "two-proportion z-test against the rest of the respondents; 5% level after Benjamini–Hochberg
    /// adjustment within the table").
    package var test: String
    /// How the rows' p-values are adjusted for the number of tests in this table.
    package var adjustment: PValueAdjustment

    /// Creates a table.
    package init(
        name: String, fields: [String], rows: [SegmentRow], test: String,
        adjustment: PValueAdjustment = .benjaminiHochberg
    ) {
        self.name = name
        self.fields = fields
        self.rows = rows
        self.test = test
        self.adjustment = adjustment
    }
}

/// One group of a segment table.
package struct SegmentRow: Sendable, Equatable, Codable {
    /// The group's value(s): one label, or two for a pair.
    package var labels: [String]
    /// The metric's primary figure for the group.
    package var figure: Figure
    /// Group value minus overall value (same units); `nil` when suppressed.
    package var difference: Double?
    /// The test's two-sided p-value; `nil` when suppressed, undefined or too few to test.
    package var pValue: Double?
    /// `pValue` adjusted within the table (``SegmentTable/adjustment``); `nil` where `pValue` is.
    package var pAdjusted: Double?
    /// Which test gave `pValue`, or why there is none; `nil` when the row is hidden.
    package var test: GroupTest?
    /// Whether the group differs significantly from the rest: the adjusted p under 5%.
    package var significant: Bool?
    /// For a Likert metric, the group's mean point (the item's, or the block's pooled answers'),
    /// as the overall table's Mean column has it; `nil` otherwise and when the row is hidden.
    package var mean: Double?
    /// When the row repeats an earlier run's publication of the same open wave because too few of
    /// its respondents changed since (see `Docs/PIPELINE.md`): that run's time, ISO 8601 in UTC.
    package var heldSince: String?

    /// Creates a row.
    package init(
        labels: [String], figure: Figure, difference: Double? = nil, pValue: Double? = nil, significant: Bool? = nil,
        mean: Double? = nil, pAdjusted: Double? = nil, test: GroupTest? = nil
    ) {
        self.labels = labels
        self.figure = figure
        self.difference = difference
        self.pValue = pValue
        self.mean = mean
        self.significant = significant
        self.pAdjusted = pAdjusted ?? pValue
        self.test = test ?? pValue.map { GroupTest.approximate(pValue: $0) }
    }
}

extension SegmentTable {
    /// Adjusts the p-values of the rows not in `kept` again, over the table's rows as they now
    /// stand: after rows were replaced by an earlier publication, the family must be the p-values
    /// that are published, or an adjusted p would carry the replaced rows' current ones.
    package mutating func readjust(keeping kept: Set<Int>) {
        let adjusted = adjustment.adjusted(rows.map { $0.pValue })
        for index in rows.indices where !kept.contains(index) {
            rows[index].pAdjusted = adjusted[index]
            rows[index].significant = adjusted[index].map { $0 < Correlation.significanceLevel }
        }
    }
}
