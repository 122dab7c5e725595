import CandorCore
import CandorClean

/// A `share` metric: the share of respondents for whom `where` holds, among those for whom
/// `among` holds. Respondents for whom either is unknown (unanswered) are outside the base.
package struct ShareMetric: MetricDefinition {
    package static let name = "share"
    package static let keys = ["where", "among"]
    package static let unit = FigureUnit.fraction
    package static let valuePlaceholder: String? = nil

    /// The condition counted.
    package var condition: Predicate
    /// The base's filter, if any.
    package var among: Predicate?
    /// The rule in words, for the report.
    package var definition: String
    /// The `among` condition in words, for the base (see `base(fieldNames:)`).
    package var amongDescription: String?

    /// Creates the definition.
    package init(where condition: Predicate, among: Predicate?, definition: String) {
        self.condition = condition
        self.among = among
        self.definition = definition
    }

    package static func resolve<Arguments: MetricArguments>(
        _ arguments: inout Arguments
    ) throws(Arguments.Failure) -> ShareMetric {
        try arguments.requirePresence(of: "where", kind: name)
        let among = try arguments.predicate("among")
        let condition = try arguments.required("where", of: name, try arguments.predicate("where"))
        var metric = ShareMetric(
            where: condition.predicate, among: among?.predicate,
            definition: condition.description + (among.map { " among respondents where " + $0.description } ?? ""))
        metric.amongDescription = among?.description
        return metric
    }
}

extension MetricKind {
    /// A `share` metric (see `ShareMetric`).
    package static func share(where condition: Predicate, among: Predicate?, definition: String) -> MetricKind {
        MetricKind(ShareMetric(where: condition, among: among, definition: definition))
    }
}

/// Accumulates a `share` metric: respondents for whom `where` holds among those for whom `among`
/// holds; a respondent for whom either is unknown is outside the base.
struct ShareAccumulator: MetricAccumulator {
    /// The definition.
    let metric: ShareMetric
    /// Counts overall and per group.
    private(set) var tallies: Breakdown<ShareTally>

    /// Creates an empty accumulator.
    init(_ metric: ShareMetric, context: AccumulatorContext) {
        self.metric = metric
        tallies = Breakdown(empty: ShareTally(), layout: context.layout)
    }

    /// Counts every response of `batch`; `ids` is scratch for the group ids.
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        tallies.prepare(batch, ids: ids)
        let condition = metric.condition
        let among = metric.among
        let groupSlots = tallies.groupSlots
        let stride = tallies.stride
        tallies.withStates { states in
            for index in 0..<batch.count {
                let row = batch.row(index)
                if let among, among.evaluate(row) != true { continue }
                guard let hit = condition.evaluate(row) else { continue }
                let weight = batch.weights[index]
                let successes = hit ? weight : 0
                batch.forEachState(of: index, ids: ids, groupSlots: groupSlots, stride: stride) { offset in
                    states.recordShare(at: offset, weight: weight, base: weight, successes: successes)
                }
            }
        }
    }

    /// Adds another accumulator's counts.
    mutating func merge(_ other: ShareAccumulator, recoding: GroupRecoder) {
        tallies.merge(other.tallies, recoding: recoding)
    }

    var recodingLimits: [RecodingLimit] { [] }

    /// The state is the breakdown: its groups and their tallies.
    func encodeState(into writer: inout StateWriter) { tallies.encodeState(into: &writer) }

    /// Reads the breakdown `encodeState` wrote.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        try tallies.decodeState(from: &reader)
    }

    /// The share overall and per group; the definition in words.
    func result(_ context: ResultContext) -> MetricOutcome {
        let (overall, segments) = context.segmented(tallies, primary: { $0 })
        return MetricOutcome(overall: overall, detail: .summary(definition: metric.definition), segments: segments)
    }
}
