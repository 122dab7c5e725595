import CandorCore
import CandorClean
import CandorCore

/// An `engagement_index` metric: per respondent, the mean of a block's items (respondents who
/// answered at least `minimumItems`), classed engaged (mean ≥ `engagedAt`), actively disengaged
/// (mean < `disengagedBelow`) or not engaged. The engaged share is shown from `engagedDisplayN`
/// respondents, all three classes from `allClassesDisplayN` (Gallup's practice: 30 and 100).
package struct EngagementIndexMetric: MetricDefinition {
    package static let name = "engagement_index"
    package static let keys = [
        "block", "engaged_at", "disengaged_below", "minimum_items", "engaged_display_n", "all_classes_display_n",
    ]
    package static let unit = FigureUnit.fraction
    package static let valuePlaceholder: String? = nil

    /// The index items.
    package var items: [Int]
    /// The block's name.
    package var name: String
    /// The cut-offs.
    package var engagedAt: Double, disengagedBelow: Double
    /// Items a respondent must answer to be classed.
    package var minimumItems: Int
    /// The display rules.
    package var engagedDisplayN: Int, allClassesDisplayN: Int

    /// Creates the definition.
    package init(
        items: [Int], name: String, engagedAt: Double, disengagedBelow: Double, minimumItems: Int,
        engagedDisplayN: Int, allClassesDisplayN: Int
    ) {
        self.items = items
        self.name = name
        self.engagedAt = engagedAt
        self.disengagedBelow = disengagedBelow
        self.minimumItems = minimumItems
        self.engagedDisplayN = engagedDisplayN
        self.allClassesDisplayN = allClassesDisplayN
    }

    package static func resolve<Arguments: MetricArguments>(
        _ arguments: inout Arguments
    ) throws(Arguments.Failure) -> EngagementIndexMetric {
        let block = try arguments.required("block", of: name, try arguments.block("block"))
        let engagedAt = try arguments.double("engaged_at") ?? 4.0
        let disengagedBelow = try arguments.double("disengaged_below") ?? 2.5
        guard disengagedBelow <= engagedAt else {
            throw arguments.error(at: nil, "disengaged_below must not exceed engaged_at")
        }
        return EngagementIndexMetric(
            items: block.fields, name: block.name, engagedAt: engagedAt, disengagedBelow: disengagedBelow,
            minimumItems: try arguments.count("minimum_items") ?? block.fields.count,
            engagedDisplayN: try arguments.count("engaged_display_n") ?? 30,
            allClassesDisplayN: try arguments.count("all_classes_display_n") ?? 100)
    }
}

extension MetricKind {
    /// An `engagement_index` metric (see `EngagementIndexMetric`).
    package static func engagementIndex(
        items: [Int], name: String, engagedAt: Double, disengagedBelow: Double, minimumItems: Int,
        engagedDisplayN: Int, allClassesDisplayN: Int
    ) -> MetricKind {
        MetricKind(
            EngagementIndexMetric(
                items: items, name: name, engagedAt: engagedAt, disengagedBelow: disengagedBelow,
                minimumItems: minimumItems, engagedDisplayN: engagedDisplayN, allClassesDisplayN: allClassesDisplayN))
    }
}

/// Accumulates an `engagement_index` metric: per respondent the mean of the index items, classed
/// engaged, not engaged or actively disengaged by the declared cut-offs.
struct EngagementAccumulator: MetricAccumulator {
    /// One group's counts.
    struct Tally: FlatState {
        /// Classified respondents; successes are the engaged.
        var engaged = ShareTally()
        /// Σw of the not engaged.
        var notEngaged = 0.0
        /// Σw of the actively disengaged.
        var disengaged = 0.0
        /// Σw × item sum, per number of answered items (index k − 1), so the mean score merges exactly.
        var itemSums: [Double]

        /// `engaged` (5), `notEngaged`, `disengaged`, `itemSums`.
        var flatCount: Int { 7 + itemSums.count }
        var presenceOffset: Int { 0 }

        func reading(_ values: [Double]) -> Tally {
            Tally(
                engaged: engaged.reading(values), notEngaged: values[5], disengaged: values[6],
                itemSums: Array(values[7..<7 + itemSums.count]))
        }
    }

    /// The index items.
    let items: [Int]
    /// The rule's parameters.
    let name: String, engagedAt: Double, disengagedBelow: Double, minimumItems: Int
    /// The display rules.
    let engagedDisplayN: Int, allClassesDisplayN: Int
    /// Counts overall and per group.
    private(set) var tallies: Breakdown<Tally>

    /// Creates an empty accumulator.
    init(_ metric: EngagementIndexMetric, context: AccumulatorContext) {
        items = metric.items
        name = metric.name
        engagedAt = metric.engagedAt
        disengagedBelow = metric.disengagedBelow
        minimumItems = max(1, metric.minimumItems)
        engagedDisplayN = metric.engagedDisplayN
        allClassesDisplayN = metric.allClassesDisplayN
        tallies = Breakdown(
            empty: Tally(itemSums: Array(repeating: 0, count: max(items.count, 1))), layout: context.layout)
    }

    /// Counts every response of `batch`; `ids` is scratch for the group ids.
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        tallies.prepare(batch, ids: ids)
        let minimumItems = minimumItems
        let engagedAt = engagedAt
        let disengagedBelow = disengagedBelow
        let groupSlots = tallies.groupSlots
        let stride = tallies.stride
        items.withUnsafeBufferPointer { items in
            tallies.withStates { states in
                for index in 0..<batch.count {
                    let (sum, answered) = ScoreReader.answeredSum(batch.row(index), fields: items)
                    guard answered >= minimumItems, answered > 0 else { continue }
                    let weight = batch.weights[index]
                    let mean = Double(sum) / Double(answered)
                    let isEngaged = mean >= engagedAt
                    let isDisengaged = !isEngaged && mean < disengagedBelow
                    let weightedSum = weight * Double(sum)
                    batch.forEachState(of: index, ids: ids, groupSlots: groupSlots, stride: stride) { offset in
                        states.recordShare(at: offset, weight: weight, base: weight, successes: isEngaged ? weight : 0)
                        if isDisengaged {
                            states[offset + 6] += weight
                        } else if !isEngaged {
                            states[offset + 5] += weight
                        }
                        states[offset + 6 + answered] += weightedSum
                    }
                }
            }
        }
    }

    /// Adds another accumulator's counts.
    mutating func merge(_ other: EngagementAccumulator, recoding: GroupRecoder) {
        tallies.merge(other.tallies, recoding: recoding)
    }

    var recodingLimits: [RecodingLimit] { [] }

    /// The state is the breakdown: its groups and their tallies.
    func encodeState(into writer: inout StateWriter) { tallies.encodeState(into: &writer) }

    /// Reads the breakdown `encodeState` wrote.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        try tallies.decodeState(from: &reader)
    }

    /// The engaged share overall and per group (under the display rule); the classes in the detail.
    func result(_ context: ResultContext) -> MetricOutcome {
        let (overall, segments) = context.segmented(tallies, primary: \.engaged, displayN: engagedDisplayN)
        return MetricOutcome(overall: overall, detail: detail(context.rules), segments: segments)
    }

    /// The rule in words, for the report.
    var rule: String {
        "Per respondent, the mean of the \(items.count) \(CountNoun.form("item", count: items.count)) of \(name) "
            + "(respondents who answered at least \(minimumItems) of them): engaged when the mean is at least "
            + "\(engagedAt), actively disengaged when it is below \(disengagedBelow), not engaged in between. The "
            + "engaged share is shown from \(engagedDisplayN) \(CountNoun.form("respondent", count: engagedDisplayN)), "
            + "all three classes from \(allClassesDisplayN)."
    }

    /// A class figure under the privacy threshold, then the display rule from `displayN`.
    func displayed(_ figure: Figure, rawN: Int, displayN: Int, rules: FigureRules) -> Figure {
        if rules.isBelowThreshold(rawN) { return figure.hidden(FigureRules.belowThreshold) }
        return rawN < displayN ? figure.hidden(FigureRules.displayRule) : figure
    }

    /// The detail: the three classes, the mean score and the rule.
    func detail(_ rules: FigureRules) -> MetricDetail {
        let overall = tallies.overall
        let n = overall.engaged.rawN
        var notEngaged = overall.engaged
        notEngaged.successes = overall.notEngaged
        var disengaged = overall.engaged
        disengaged.successes = overall.disengaged
        var scoreSum = 0.0
        for index in overall.itemSums.indices { scoreSum += overall.itemSums[index] / Double(index + 1) }
        let mean = rules.isBelowThreshold(n) || overall.engaged.weight <= 0 ? nil : scoreSum / overall.engaged.weight
        return .engagement(
            engaged: displayed(rules.figure(overall.engaged), rawN: n, displayN: engagedDisplayN, rules: rules),
            notEngaged: displayed(rules.figure(notEngaged), rawN: n, displayN: allClassesDisplayN, rules: rules),
            activelyDisengaged: displayed(
                rules.figure(disengaged), rawN: n, displayN: allClassesDisplayN, rules: rules),
            meanScore: mean, rule: rule)
    }
}
