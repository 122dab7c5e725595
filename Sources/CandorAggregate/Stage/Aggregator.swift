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
package struct Aggregator: Sendable, Equatable {
    /// Which accumulator array holds a metric.
    enum Slot: Equatable, Sendable {
        case share(Int), multiselect(Int), likert(Int), promoter(Int), engagement(Int), varianceShare(Int), drivers(Int)
    }

    /// The plan being computed.
    package let plan: AggregationPlan
    /// Responses seen (raw).
    package private(set) var responseCount = 0
    let layout: SegmentLayout
    let slots: [Slot]
    // One array per kind, so each accumulator is mutated in place (an enum payload would be
    // copied out, and its arrays copied on write, for every response).
    private(set) var shares: [ShareAccumulator] = []
    private(set) var multiselects: [MultiselectAccumulator] = []
    private(set) var likerts: [LikertAccumulator] = []
    private(set) var promoters: [PromoterAccumulator] = []
    private(set) var engagements: [EngagementAccumulator] = []
    private(set) var varianceShares: [VarianceShareAccumulator] = []
    private(set) var drivers: [DriversAccumulator] = []

    /// Creates an empty aggregator for `plan`.
    package init(plan: AggregationPlan) {
        self.plan = plan
        let layout = SegmentLayout(plan: plan)
        self.layout = layout
        let schema = plan.schema
        var slots: [Slot] = []
        for metric in plan.metrics {
            switch metric.kind {
            case .share(let condition, let among, _):
                slots.append(.share(shares.count))
                shares.append(ShareAccumulator(condition: condition, among: among, layout: layout))
            case .multiselect(let field):
                slots.append(.multiselect(multiselects.count))
                multiselects.append(MultiselectAccumulator(field: field, schema: schema, layout: layout))
            case .likert(let items, let blockName):
                slots.append(.likert(likerts.count))
                likerts.append(
                    LikertAccumulator(
                        items: items, blockName: blockName, schema: schema, layout: layout,
                        weighted: schema.weightField != nil))
            case .nps(let field):
                slots.append(.promoter(promoters.count))
                promoters.append(PromoterAccumulator(field: field, layout: layout))
            case .engagementIndex(
                let items, let name, let engagedAt, let disengagedBelow, let minimumItems,
                let engagedDisplayN, let allClassesDisplayN):
                slots.append(.engagement(engagements.count))
                engagements.append(
                    EngagementAccumulator(
                        items: items, name: name, engagedAt: engagedAt, disengagedBelow: disengagedBelow,
                        minimumItems: minimumItems, engagedDisplayN: engagedDisplayN,
                        allClassesDisplayN: allClassesDisplayN, layout: layout))
            case .varianceShare(let score, let group):
                slots.append(.varianceShare(varianceShares.count))
                varianceShares.append(VarianceShareAccumulator(score: score, group: group, schema: schema))
            case .drivers(let outcome, let items):
                slots.append(.drivers(drivers.count))
                drivers.append(DriversAccumulator(outcome: outcome, items: items, schema: schema))
            }
        }
        self.slots = slots
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
                let view = BatchView(
                    values: values, weights: weights, width: width, count: rows,
                    codes: UnsafeBufferPointer(codes), codeSlots: codeSlots)
                ids.withUnsafeMutableBufferPointer { ids in
                    for index in shares.indices { shares[index].add(view, ids: ids) }
                    for index in multiselects.indices { multiselects[index].add(view, ids: ids) }
                    for index in likerts.indices { likerts[index].add(view, ids: ids) }
                    for index in promoters.indices { promoters[index].add(view, ids: ids) }
                    for index in engagements.indices { engagements[index].add(view, ids: ids) }
                }
                for index in varianceShares.indices { varianceShares[index].add(view) }
                for index in drivers.indices {
                    for row in 0..<rows { drivers[index].add(view.row(row), weight: weights[row]) }
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
        for index in shares.indices { shares[index].merge(other.shares[index], recoding: recoder) }
        for index in multiselects.indices { multiselects[index].merge(other.multiselects[index], recoding: recoder) }
        for index in likerts.indices { likerts[index].merge(other.likerts[index], recoding: recoder) }
        for index in promoters.indices { promoters[index].merge(other.promoters[index], recoding: recoder) }
        for index in engagements.indices { engagements[index].merge(other.engagements[index], recoding: recoder) }
        for index in varianceShares.indices {
            varianceShares[index].merge(other.varianceShares[index], recoding: recoder)
        }
        for index in drivers.indices { drivers[index].merge(other.drivers[index]) }
    }

    /// Whether a recoded `merge` keeps every group exactly when each category field has at most
    /// `categoryCounts[field]` codes in either aggregator: segments and groupings put codes
    /// beyond their limits in no group, so a code that crossed a limit by recoding would move.
    package func canRecode(categoryCounts: [Int: Int]) -> Bool {
        let segmented = layout.segmentFields + layout.pairFields.flatMap { [$0.first, $0.second] }
        return segmented.allSatisfy { (categoryCounts[$0] ?? 0) <= SegmentLayout.codeLimit }
            && varianceShares.allSatisfy { (categoryCounts[$0.group] ?? 0) <= VarianceShareAccumulator.codeLimit }
    }

    /// The results, one per metric in plan order, with privacy applied.
    ///
    /// - Parameter labels: A category field's labels by code (the cleaner's
    ///   `labels(ofField:)`); booleans are labelled No/Yes and Likert points by their scale.
    package func results(labels: (Int) -> [String]) -> [MetricResult] {
        let rules = FigureRules(
            minGroupSize: plan.privacy.minGroupSize, maxIntervalWidth: plan.privacy.maxIntervalWidth,
            weighted: plan.schema.weightField != nil)
        let builder = SegmentTableBuilder(
            layout: layout, rules: rules, fieldNames: plan.schema.fields.map(\.name),
            segmentLabels: layout.segmentFields.map { groupLabels(of: $0, labels: labels) },
            pairLabels: layout.pairFields.map {
                (groupLabels(of: $0.first, labels: labels), groupLabels(of: $0.second, labels: labels))
            })
        return zip(plan.metrics, slots).map { metric, slot in
            result(metric: metric, slot: slot, rules: rules, builder: builder)
        }
    }

    /// The labels of a segment field's group codes.
    func groupLabels(of field: Int, labels: (Int) -> [String]) -> [String] {
        guard plan.schema.fields.indices.contains(field) else { return [] }
        switch plan.schema.fields[field].kind {
        case .boolean: return ["No", "Yes"]
        case .likert(let scale, _): return scale.points.map { scale.label(of: $0) }
        default: return labels(field)
        }
    }
}
