import CandorCore
import CandorClean

/// The running state of one metric: fed a batch at a time, merged with the state of other
/// parts of the input, and turned into a result once at the end.
///
/// One conforming type per metric kind, in one file with its `Definition`, and one line in
/// `MetricRegistry`. The aggregator holds its accumulators as existentials and calls them once
/// per batch, never per response, so the dynamic dispatch costs nothing measurable; each
/// accumulator then runs over the whole batch with its storage behind one pointer.
protocol MetricAccumulator: Mergeable {
    /// What a metric of this kind declares.
    associatedtype Definition: MetricDefinition

    /// An empty accumulator for `definition` under `context`'s plan.
    init(_ definition: Definition, context: AccumulatorContext)

    /// Adds every response of `batch`; `ids` is scratch for the group ids of breakdowns (at
    /// least `groupSlots` per response; see `Breakdown.prepare`).
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>)

    /// Adds another accumulator's state, its groups' category codes translated by `recoding`.
    mutating func merge(_ other: Self, recoding: GroupRecoder)

    /// The category fields whose codes the accumulator indexes state by, with the highest code
    /// count it keeps: a recoded merge is exact only while every such field stays under its limit.
    var recodingLimits: [RecodingLimit] { get }

    /// Writes the state `add` and `merge` change (not what the definition fixes), for a partial
    /// file: a shard's aggregates, merged later by `candor merge`.
    func encodeState(into writer: inout StateWriter)

    /// Replaces this accumulator's state, made for the same definition, with what
    /// `encodeState` wrote, so that it equals the accumulator that wrote it.
    /// - Throws: `StateDecodingError` when the bytes are not such a state.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError)

    /// The overall figure, the kind's detail and the segment tables, with privacy applied.
    func result(_ context: ResultContext) -> MetricOutcome
}

extension MetricAccumulator {
    /// Adds another accumulator's state, with the same category codes.
    mutating func merge(_ other: Self) { merge(other, recoding: .identity) }

    /// `merge(_:recoding:)` for an accumulator held as an existential; one of another kind
    /// (never the case for two aggregators of the same plan) is ignored.
    mutating func merge(any other: any MetricAccumulator, recoding: GroupRecoder) {
        guard let other = other as? Self else { return }
        merge(other, recoding: recoding)
    }

    /// Whether `other` is an accumulator of the same kind holding the same state.
    func isEqual(to other: any MetricAccumulator) -> Bool {
        guard let other = other as? Self else { return false }
        return self == other
    }

    /// The kind's definition type, for the result.
    static var definitionType: any MetricDefinition.Type { Definition.self }

    /// An accumulator for `definition` when it is this kind's, else `nil`.
    static func make(_ definition: any MetricDefinition, context: AccumulatorContext) -> Self? {
        (definition as? Definition).map { Self($0, context: context) }
    }
}

/// What accumulators are built from, besides their own definition.
struct AccumulatorContext {
    /// The cleaned responses' schema.
    let schema: SurveySchema
    /// The segment fields and pairs every breakdown follows.
    let layout: SegmentLayout
    /// Whether responses carry weights (a weight field, or weights the pipeline computed).
    let weighted: Bool
}

/// A category field an accumulator indexes state by, and the code count it keeps.
struct RecodingLimit: Equatable, Sendable {
    /// The field.
    let field: Int
    /// Codes at or above this are in no group.
    let limit: Int
}

/// One metric's computed parts, before the aggregator adds its id, label and kind.
struct MetricOutcome {
    /// The primary figure.
    var overall: Figure
    /// The kind's own detail.
    var detail: MetricDetail
    /// The segment tables (none for kinds that are not broken down).
    var segments: [SegmentTable] = []
}
