import CandorClean

/// The aggregate stage: one pass over cleaned responses turns a plan's metrics into
/// `MetricResult`s with intervals, segment breakdowns and privacy applied.
///
/// State is per metric and per group (bounded by the number of groups, never by the number of
/// responses), and mergeable: aggregating two halves of an input separately and merging gives
/// exactly the state of aggregating the whole (bit for bit on unweighted data, where every sum
/// is a sum of integers), so one input can be spread over cores or machines.
///
/// Weights (`ResponseBatch.weight(_:)`) make counts weighted and intervals use the Kish effective n;
/// the anonymity threshold always applies to raw respondent counts.
package struct Aggregator: Sendable {
    /// The plan being computed.
    package let plan: AggregationPlan
    /// Responses seen (raw).
    package internal(set) var responseCount = 0
    let layout: SegmentLayout
    /// One accumulator per metric, in plan order. `add` and `merge` mutate each in place through
    /// the array's element access, so a uniquely held accumulator's storage is never copied.
    internal(set) var accumulators: [any MetricAccumulator]
    /// Accepted respondents per value of `plan.headcountFields`, for response rates.
    internal(set) var headcount: RespondentHeadcount

    /// Creates an empty aggregator for `plan`.
    package init(plan: AggregationPlan) {
        self.plan = plan
        let layout = SegmentLayout(plan: plan)
        self.layout = layout
        let context = AccumulatorContext(schema: plan.schema, layout: layout, weighted: plan.isWeighted)
        accumulators = plan.metrics.map { MetricRegistry.accumulator(for: $0.kind, context: context) }
        headcount = RespondentHeadcount(fields: plan.headcountFields)
    }

    /// Adds every response of `batch`.
    ///
    /// A batch whose width is not the schema's field count is not this plan's data and is
    /// ignored (the metrics' field indexes would not mean the same columns).
    package mutating func add(_ batch: ResponseBatch) {
        guard batch.width == plan.schema.fields.count, batch.count > 0 else { return }
        let rows = batch.count
        let width = batch.width
        let codeSlots = layout.slotCount
        let groupSlots = layout.segmentFields.count + layout.pairFields.count
        // Every response's segment codes, worked out once for all accumulators, and scratch for
        // each breakdown's group ids. Each accumulator then runs over the whole batch with its
        // storage behind one pointer.
        var codes = Array(repeating: -1, count: max(rows * codeSlots, 1))
        var ids = Array(repeating: -1, count: max(rows * groupSlots, 1))
        batch.withUnsafeValues { values, weights in
            codes.withUnsafeMutableBufferPointer { codes in
                layout.codes(of: values, width: width, rows: rows, into: codes)
                if !headcount.fields.isEmpty { headcount.add(values, width: width, rows: rows) }
                let view = BatchView(
                    values: values, weights: weights, width: width, count: rows,
                    codes: UnsafeBufferPointer(codes), codeSlots: codeSlots)
                ids.withUnsafeMutableBufferPointer { ids in
                    for index in accumulators.indices { accumulators[index].add(view, ids: ids) }
                }
            }
        }
        responseCount += rows
    }

    /// Adds the state of another aggregator of the same plan (one that saw other responses).
    ///
    /// With `recoding`, `other` was fed by a cleaner whose category codes differ from this
    /// one's (a later part of the same input, cleaned at the same time): its groups are
    /// re-keyed first. Check `canRecode` first.
    /// An aggregator of a different plan is not mergeable and is ignored.
    package mutating func merge(_ other: Aggregator, recoding: CategoryRecoding = CategoryRecoding()) {
        guard other.plan == plan else { return }
        let recoder = GroupRecoder(
            recoding: recoding, segmentFields: layout.segmentFields, pairFields: layout.pairFields)
        responseCount += other.responseCount
        headcount.merge(other.headcount, recoder: recoder)
        for index in accumulators.indices where index < other.accumulators.count {
            accumulators[index].merge(any: other.accumulators[index], recoding: recoder)
        }
    }

    /// Whether a recoded `merge` keeps every group exactly when each category field has at most
    /// `categoryCounts[field]` codes in either aggregator: segments and groupings put codes
    /// beyond their limits in no group, so a code that crossed a limit by recoding would move.
    package func canRecode(categoryCounts: [Int: Int]) -> Bool {
        let segmented =
            layout.segmentFields + layout.pairFields.flatMap { [$0.first, $0.second] } + plan.headcountFields
        return segmented.allSatisfy { (categoryCounts[$0] ?? 0) <= SegmentLayout.codeLimit }
            && accumulators.allSatisfy { accumulator in
                accumulator.recodingLimits.allSatisfy { (categoryCounts[$0.field] ?? 0) <= $0.limit }
            }
    }

    /// The results, one per metric in plan order, with privacy applied.
    ///
    /// - Parameter labels: A category field's labels by code (the cleaner's
    ///   `labels(ofField:)`); booleans are labelled No/Yes and Likert points by their scale.
    package func results(labels: (Int) -> [String]) -> [MetricResult] {
        let rules = FigureRules(
            minGroupSize: plan.privacy.minGroupSize, maxIntervalWidth: plan.privacy.maxIntervalWidth,
            weighted: plan.isWeighted, adjustment: plan.adjustment)
        let builder = SegmentTableBuilder(
            layout: layout, rules: rules, fieldNames: plan.schema.fields.map(\.name),
            segmentLabels: layout.segmentFields.map { groupLabels(of: $0, labels: labels) },
            pairLabels: layout.pairFields.map {
                (groupLabels(of: $0.first, labels: labels), groupLabels(of: $0.second, labels: labels))
            })
        let context = ResultContext(rules: rules, builder: builder)
        return zip(plan.metrics, accumulators).map { metric, accumulator in
            let outcome = accumulator.result(context)
            var result = MetricResult(
                id: metric.id, label: metric.label, kind: type(of: accumulator).definitionType,
                overall: outcome.overall, detail: outcome.detail, segments: outcome.segments)
            result.base = metric.kind.definition.base(fieldNames: plan.schema.fields.map(\.name))
            return result
        }
    }

    /// Accepted respondents by category code of `field`, one of `plan.headcountFields` (empty
    /// for any other field). Codes past the end had no respondent.
    package func respondents(ofField field: Int) -> [Int] { headcount.respondents(ofField: field) }

    /// The labels of a segment field's group codes.
    func groupLabels(of field: Int, labels: (Int) -> [String]) -> [String] {
        guard plan.schema.fields.indices.contains(field) else { return [] }
        switch plan.schema.fields[field].kind {
        case .boolean: return ["No", "Yes"]
        case .likert(let scale, let reversed):
            // Codes follow the stored point, which a reverse-coded item scores as min + max − answer:
            // each group is labelled by the answer its people gave.
            return scale.points.map { scale.label(of: reversed ? scale.minimum + scale.maximum - $0 : $0) }
        default: return labels(field)
        }
    }
}

extension Aggregator: Equatable {
    /// Equal when both compute the same plan and every accumulator holds the same state.
    package static func == (lhs: Aggregator, rhs: Aggregator) -> Bool {
        lhs.plan == rhs.plan && lhs.responseCount == rhs.responseCount && lhs.layout == rhs.layout
            && lhs.headcount == rhs.headcount
            && lhs.accumulators.count == rhs.accumulators.count
            && zip(lhs.accumulators, rhs.accumulators).allSatisfy { $0.isEqual(to: $1) }
    }

    /// The accumulator of metric `index`, as its kind's type (for tests).
    func accumulator<Accumulator: MetricAccumulator>(_ index: Int, as type: Accumulator.Type) -> Accumulator? {
        accumulators.indices.contains(index) ? accumulators[index] as? Accumulator : nil
    }
}
