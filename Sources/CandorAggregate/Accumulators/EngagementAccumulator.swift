import CandorClean

/// Accumulates an `engagement_index` metric: per respondent the mean of the index items, classed
/// engaged, not engaged or actively disengaged by the declared cut-offs.
struct EngagementAccumulator: Equatable, Sendable {
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
    init(
        items: [Int], name: String, engagedAt: Double, disengagedBelow: Double, minimumItems: Int,
        engagedDisplayN: Int, allClassesDisplayN: Int, layout: SegmentLayout
    ) {
        self.items = items
        self.name = name
        self.engagedAt = engagedAt
        self.disengagedBelow = disengagedBelow
        self.minimumItems = max(1, minimumItems)
        self.engagedDisplayN = engagedDisplayN
        self.allClassesDisplayN = allClassesDisplayN
        tallies = Breakdown(empty: Tally(itemSums: Array(repeating: 0, count: max(items.count, 1))), layout: layout)
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
    mutating func merge(_ other: EngagementAccumulator, recoding: GroupRecoder = .identity) {
        tallies.merge(other.tallies, recoding: recoding)
    }

    /// The primary figure's tally: the engaged share.
    static func primary(_ state: Tally) -> PrimaryTally { .share(state.engaged) }

    /// The rule in words, for the report.
    var rule: String {
        "Per respondent, the mean of the \(items.count) items of \(name) (respondents who answered at least "
            + "\(minimumItems) of them): engaged when the mean is at least \(engagedAt), actively disengaged when it "
            + "is below \(disengagedBelow), not engaged in between. The engaged share is shown from "
            + "\(engagedDisplayN) respondents, all three classes from \(allClassesDisplayN)."
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
