import CandorCore
import CandorClean

/// A `multiselect` metric: per option of a multiselect field, the share of answering
/// respondents who chose it.
package struct MultiselectMetric: MetricDefinition {
    package static let name = "multiselect"
    package static let keys = ["field"]
    package static let unit = FigureUnit.fraction
    package static let valuePlaceholder: String? = nil

    /// The multiselect field.
    package var field: Int

    /// Creates the definition.
    package init(field: Int) { self.field = field }

    package static func resolve<Arguments: MetricArguments>(
        _ arguments: inout Arguments
    ) throws(Arguments.Failure) -> MultiselectMetric {
        let field = try arguments.required("field", of: name, try arguments.field("field"))
        guard case .multiselect = arguments.kind(ofField: field) else {
            throw arguments.error(at: "field", "metric '\(arguments.id)' needs a multiselect field")
        }
        return MultiselectMetric(field: field)
    }
}

extension MetricKind {
    /// A `multiselect` metric (see `MultiselectMetric`).
    package static func multiselect(field: Int) -> MetricKind { MetricKind(MultiselectMetric(field: field)) }
}

/// Accumulates a `multiselect` metric: per option, the respondents who chose it, among those
/// who answered the question (never the number of selections).
struct MultiselectAccumulator: MetricAccumulator {
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
    init(_ metric: MultiselectMetric, context: AccumulatorContext) {
        let field = metric.field
        let schema = context.schema
        var spec = MultiselectSpec(options: [], encoding: .joined(separator: ";"))
        if schema.fields.indices.contains(field), case .multiselect(let declared) = schema.fields[field].kind {
            spec = declared
        }
        self.field = field
        options = Array(spec.allOptions.prefix(63))
        let realCount = min(spec.options.count, 63)
        realMask = realCount == 0 ? 0 : (realCount == 63 ? Int64.max : (Int64(1) << Int64(realCount)) - 1)
        noneIndex = spec.noneOption == nil || realCount >= 63 ? nil : realCount
        tallies = Breakdown(empty: Tally(chosen: Array(repeating: 0, count: options.count)), layout: context.layout)
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
    mutating func merge(_ other: MultiselectAccumulator, recoding: GroupRecoder) {
        tallies.merge(other.tallies, recoding: recoding)
    }

    var recodingLimits: [RecodingLimit] { [] }

    /// The state is the breakdown: its groups and their tallies.
    func encodeState(into writer: inout StateWriter) { tallies.encodeState(into: &writer) }

    /// Reads the breakdown `encodeState` wrote.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        try tallies.decodeState(from: &reader)
    }

    /// The at-least-one share overall and per group; the options in the detail.
    func result(_ context: ResultContext) -> MetricOutcome {
        let (overall, segments) = context.segmented(tallies, primary: \.answered)
        return MetricOutcome(overall: overall, detail: detail(context.rules), segments: segments)
    }

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
