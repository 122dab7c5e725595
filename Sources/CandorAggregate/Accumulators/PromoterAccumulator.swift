import CandorCore
import CandorClean

/// An `nps` metric: the Net Promoter Score of a 0–10 integer field (promoters 9–10, passives
/// 7–8, detractors 0–6), in points.
package struct NPSMetric: MetricDefinition {
    package static let name = "nps"
    package static let keys = ["field"]
    package static let unit = FigureUnit.points
    package static let valuePlaceholder: String? = nil

    /// The 0–10 field.
    package var field: Int

    /// Creates the definition.
    package init(field: Int) { self.field = field }

    package static func resolve<Arguments: MetricArguments>(
        _ arguments: inout Arguments
    ) throws(Arguments.Failure) -> NPSMetric {
        let field = try arguments.required("field", of: name, try arguments.field("field"))
        guard case .integer(let minimum, let maximum) = arguments.kind(ofField: field), minimum >= 0, maximum <= 10
        else {
            throw arguments.error(at: "field", "an nps metric needs an integer field with min 0 and max 10")
        }
        return NPSMetric(field: field)
    }
}

extension MetricKind {
    /// An `nps` metric (see `NPSMetric`).
    package static func nps(field: Int) -> MetricKind { MetricKind(NPSMetric(field: field)) }
}

/// Accumulates an `nps` metric over a 0–10 field: promoters 9–10, passives 7–8, detractors
/// 0–6. Values outside 0–10 are not answers.
struct PromoterAccumulator: MetricAccumulator {
    /// The field read.
    let field: Int
    /// Counts overall and per group.
    private(set) var tallies: Breakdown<PromoterTally>

    /// Creates an empty accumulator.
    init(_ metric: NPSMetric, context: AccumulatorContext) {
        field = metric.field
        tallies = Breakdown(empty: PromoterTally(), layout: context.layout)
    }

    /// Counts every response of `batch`; `ids` is scratch for the group ids.
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        guard field < batch.width else { return }
        tallies.prepare(batch, ids: ids)
        let field = field
        let groupSlots = tallies.groupSlots
        let stride = tallies.stride
        tallies.withStates { states in
            for index in 0..<batch.count {
                let value = batch.values[index * batch.width + field]
                guard value >= 0, value <= 10 else { continue }
                let weight = batch.weights[index]
                // Offset of the bucket within the state: promoters 3, passives 4, detractors 5.
                let bucket = value >= 9 ? 3 : (value >= 7 ? 4 : 5)
                batch.forEachState(of: index, ids: ids, groupSlots: groupSlots, stride: stride) { offset in
                    states[offset] += 1
                    states[offset + 1] += weight
                    states[offset + 2] += weight * weight
                    states[offset + bucket] += weight
                }
            }
        }
    }

    /// Adds another accumulator's counts.
    mutating func merge(_ other: PromoterAccumulator, recoding: GroupRecoder) {
        tallies.merge(other.tallies, recoding: recoding)
    }

    var recodingLimits: [RecodingLimit] { [] }

    /// The state is the breakdown: its groups and their tallies.
    func encodeState(into writer: inout StateWriter) { tallies.encodeState(into: &writer) }

    /// Reads the breakdown `encodeState` wrote.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        try tallies.decodeState(from: &reader)
    }

    /// The score overall and per group; the three buckets in the detail.
    func result(_ context: ResultContext) -> MetricOutcome {
        let (overall, segments) = context.segmented(tallies, primary: { $0 })
        return MetricOutcome(overall: overall, detail: detail(context.rules), segments: segments)
    }

    /// The detail: the three buckets as shares of respondents.
    func detail(_ rules: FigureRules) -> MetricDetail {
        let overall = tallies.overall
        func bucket(_ keyPath: KeyPath<PromoterTally, Double>) -> Figure {
            rules.guarded(rules.figure(overall.bucket(keyPath)), rawN: overall.rawN)
        }
        return .nps(promoters: bucket(\.promoters), passives: bucket(\.passives), detractors: bucket(\.detractors))
    }
}
