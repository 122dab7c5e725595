import CandorClean

/// Accumulates a `multiselect` metric: per option, the respondents who chose it, among those
/// who answered the question (never the number of selections).
struct MultiselectAccumulator: Equatable, Sendable {
    /// The counts of one group.
    struct Tally: FlatState {
        /// Answering respondents; successes are those who chose at least one option other than
        /// the "none" option.
        var answered = ShareTally()
        /// Σw of respondents who chose each option of `MultiselectSpec.allOptions`.
        var chosen: [Double]
        /// Σw × (options chosen, the "none" option not counted).
        var chosenCount = 0.0

        /// `answered` (5), `chosen`, `chosenCount`.
        var flatCount: Int { 6 + chosen.count }
        var presenceOffset: Int { 0 }

        func reading(_ values: [Double]) -> Tally {
            Tally(
                answered: answered.reading(values), chosen: Array(values[5..<5 + chosen.count]),
                chosenCount: values[5 + chosen.count])
        }
    }

    /// The field read.
    let field: Int
    /// The options, "none" last when the question has one.
    let options: [String]
    /// The bits of the real options (all but "none").
    let realMask: Int64
    /// The "none" option's index in `options`, if any.
    let noneIndex: Int?
    /// Counts overall and per group.
    private(set) var tallies: Breakdown<Tally>

    /// Creates an empty accumulator for a multiselect field (any other field gives no options).
    init(field: Int, schema: SurveySchema, layout: SegmentLayout) {
        var spec = MultiselectSpec(options: [], encoding: .joined(separator: ";"))
        if schema.fields.indices.contains(field), case .multiselect(let declared) = schema.fields[field].kind {
            spec = declared
        }
        self.field = field
        options = Array(spec.allOptions.prefix(63))
        let realCount = min(spec.options.count, 63)
        realMask = realCount == 0 ? 0 : (realCount == 63 ? Int64.max : (Int64(1) << Int64(realCount)) - 1)
        noneIndex = spec.noneOption == nil || realCount >= 63 ? nil : realCount
        tallies = Breakdown(empty: Tally(chosen: Array(repeating: 0, count: options.count)), layout: layout)
    }

    /// Counts every response of `batch`; `ids` is scratch for the group ids.
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        guard field < batch.width else { return }
        tallies.prepare(batch, ids: ids)
        let field = field
        let realMask = realMask
        let optionCount = options.count
        let groupSlots = tallies.groupSlots
        let stride = tallies.stride
        tallies.withStates { states in
            for index in 0..<batch.count {
                let value = batch.values[index * batch.width + field]
                guard value != Response.missing else { continue }
                let weight = batch.weights[index]
                let real = value & realMask
                let realChosen = Double(real.nonzeroBitCount)
                let successes = real != 0 ? weight : 0
                batch.forEachState(of: index, ids: ids, groupSlots: groupSlots, stride: stride) { offset in
                    states.recordShare(at: offset, weight: weight, base: weight, successes: successes)
                    states[offset + 5 + optionCount] += weight * realChosen
                    var bits = value
                    while bits != 0 {
                        let bit = bits.trailingZeroBitCount
                        if bit < optionCount { states[offset + 5 + bit] += weight }
                        bits &= bits &- 1
                    }
                }
            }
        }
    }

    /// Adds another accumulator's counts.
    mutating func merge(_ other: MultiselectAccumulator, recoding: GroupRecoder = .identity) {
        tallies.merge(other.tallies, recoding: recoding)
    }

    /// The primary figure's tally: the at-least-one share.
    static func primary(_ state: Tally) -> PrimaryTally { .share(state.answered) }

    /// The detail: options ranked by share (ties: declared order), at-least-one, mean chosen.
    func detail(_ rules: FigureRules) -> MetricDetail {
        let overall = tallies.overall
        let hidden = rules.isBelowThreshold(overall.answered.rawN)
        var figures = options.indices.map { index in
            var option = overall.answered
            option.successes = overall.chosen[index]
            return (index, rules.figure(option))
        }
        figures.sort { a, b in
            let left = a.1.value ?? -1
            let right = b.1.value ?? -1
            return left != right ? left > right : a.0 < b.0
        }
        let ranked = figures.map { index, figure in
            OptionFigure(
                label: options[index], figure: hidden ? figure.hidden(FigureRules.belowThreshold) : figure,
                isNoneOption: index == noneIndex)
        }
        let meanChosen = hidden || overall.answered.weight <= 0 ? nil : overall.chosenCount / overall.answered.weight
        return .multiselect(
            options: ranked, atLeastOne: rules.guarded(rules.figure(overall.answered), rawN: overall.answered.rawN),
            meanChosen: meanChosen)
    }
}
