import CandorCore
import CandorClean

/// A `likert` metric: distribution, favourable/neutral/unfavourable and mean per item, and for
/// the items pooled as an index when the metric names a block.
package struct LikertMetric: MetricDefinition {
    package static let name = "likert"
    package static let keys = ["block", "items"]
    package static let unit = FigureUnit.fraction
    package static let valuePlaceholder: String? = nil

    /// The Likert item fields.
    package var items: [Int]
    /// The block's name when the items are pooled as an index.
    package var blockName: String?

    /// Creates the definition.
    package init(items: [Int], blockName: String?) {
        self.items = items
        self.blockName = blockName
    }

    package static func resolve<Arguments: MetricArguments>(
        _ arguments: inout Arguments
    ) throws(Arguments.Failure) -> LikertMetric {
        if let block = try arguments.block("block") { return LikertMetric(items: block.fields, blockName: block.name) }
        return LikertMetric(
            items: try arguments.required("items", of: name, try arguments.likertFields("items")), blockName: nil)
    }
}

extension MetricKind {
    /// A `likert` metric (see `LikertMetric`).
    package static func likert(items: [Int], blockName: String?) -> MetricKind {
        MetricKind(LikertMetric(items: items, blockName: blockName))
    }
}

/// Accumulates a `likert` metric: per item the distribution over the scale's points and the
/// favourable/neutral/unfavourable split, and, for a block, the items' answers pooled as an index.
struct LikertAccumulator: MetricAccumulator {
    /// One item's counts.
    struct ItemTally: Equatable, Sendable {
        /// Respondents who answered; successes are favourable answers.
        var answers = ShareTally()
        /// Σw per scale point (by the point's index on the scale).
        var points: [Double]
        /// Σw × point.
        var pointSum = 0.0

        /// `answers` (5), `points`, `pointSum`.
        var flatCount: Int { 6 + points.count }
    }

    /// One group's counts.
    struct Tally: FlatState {
        /// Per item.
        var items: [ItemTally]
        /// Respondents who answered at least one item; the base is their answers, successes the
        /// favourable ones.
        var index = ShareTally()
        /// Respondents recorded, answering or not (a group exists once anyone in it is seen).
        var recorded = 0.0
        /// In an unweighted run, per item and point, whether the point is favourable: the items'
        /// `answers` are then not summed per response but read off the point counts (every sum
        /// is the count of answers, the successes the favourable answers). `nil` when weighted.
        var favourablePoints: [[Bool]]? = nil
        /// In an unweighted run, per item, each point's value: the items' `pointSum` is then read
        /// off the point counts as well (a sum of integers, so exactly the same). With both, a
        /// response costs one addition an item instead of seven. `nil` when weighted.
        var pointValues: [[Double]]? = nil

        /// The items' layouts one after another, then `index` (5) and `recorded`.
        var flatCount: Int { items.reduce(0) { $0 + $1.flatCount } + 6 }
        var presenceOffset: Int { flatCount - 1 }

        func reading(_ values: [Double]) -> Tally {
            var offset = 0
            let read = items.indices.map { index in
                let item = items[index]
                defer { offset += item.flatCount }
                let points = Array(values[offset + 5..<offset + 5 + item.points.count])
                var answers = item.answers.reading(Array(values[offset..<offset + 5]))
                if let favourable = favourablePoints?[index] {
                    let answered = points.reduce(0, +)
                    answers = ShareTally(
                        rawN: Int(answered), weight: answered, weightSquares: answered, base: answered,
                        successes: zip(points, favourable).reduce(0) { $0 + ($1.1 ? $1.0 : 0) })
                }
                var pointSum = values[offset + 5 + item.points.count]
                if let pointValues = pointValues?[index] {
                    pointSum = zip(points, pointValues).reduce(0) { $0 + $1.0 * $1.1 }
                }
                return ItemTally(answers: answers, points: points, pointSum: pointSum)
            }
            return Tally(
                items: read, index: index.reading(Array(values[offset..<offset + 5])), recorded: values[offset + 5],
                favourablePoints: favourablePoints, pointValues: pointValues)
        }
    }

    /// What is known about each item before any response: its scale and how points classify.
    struct Item: Equatable, Sendable {
        /// The field.
        let field: Int
        /// Its name.
        let name: String
        /// Its scale.
        let scale: LikertScale
        /// Per point index: 1 favourable, −1 unfavourable, 0 neutral.
        let classes: [Int8]
    }

    /// The items.
    let items: [Item]
    /// The block's name when the items are pooled as an index.
    let blockName: String?
    /// The items' point lookups, flattened for the hot path.
    let coding: ItemCoding
    /// Counts overall and per group.
    private(set) var tallies: Breakdown<Tally>

    /// Creates an empty accumulator (fields that are not Likert items are left out); `weighted`
    /// when responses carry weights other than 1.
    init(_ metric: LikertMetric, context: AccumulatorContext) {
        let schema = context.schema
        let weighted = context.weighted
        items = metric.items.compactMap { field in
            guard schema.fields.indices.contains(field), case .likert(let scale, _) = schema.fields[field].kind else {
                return nil
            }
            let classes: [Int8] = scale.points.map {
                scale.favourable.contains($0) ? 1 : (scale.unfavourable.contains($0) ? -1 : 0)
            }
            return Item(
                field: field, name: schema.fields[field].name, scale: scale, classes: classes)
        }
        blockName = metric.blockName
        let empty = Tally(
            items: items.map { ItemTally(points: Array(repeating: 0, count: $0.scale.points.count)) },
            favourablePoints: weighted ? nil : items.map { $0.classes.map { $0 == 1 } },
            pointValues: weighted ? nil : items.map { $0.scale.points.map(Double.init) })
        tallies = Breakdown(empty: empty, layout: context.layout)
        coding = ItemCoding(items: items)
    }

    /// Counts every response of `batch`; `ids` is scratch for the group ids.
    ///
    /// Each item's point is looked up once per response (`ItemCoding`), then added to every
    /// group the response is in.
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        tallies.prepare(batch, ids: ids)
        let coding = coding
        let itemCount = items.count
        let groupSlots = tallies.groupSlots
        let stride = tallies.stride
        let indexOffset = stride - 6
        let unweighted = tallies.empty.favourablePoints != nil
        // Per item of the current response: the offset of its point counter within a state, or −1.
        var pointOffsets = Array(repeating: -1, count: max(itemCount, 1))
        coding.plan.withUnsafeBufferPointer { plan in
            coding.lookup.withUnsafeBufferPointer { lookup in
                pointOffsets.withUnsafeMutableBufferPointer { pointOffsets in
                    tallies.withStates { states in
                        for index in 0..<batch.count {
                            let row = batch.row(index)
                            let weight = batch.weights[index]
                            var answered = 0.0
                            var favourable = 0.0
                            for item in 0..<itemCount {
                                let entry = ItemCoding.entry(of: row, item: item, plan: plan, lookup: lookup)
                                pointOffsets[item] = entry
                                guard entry >= 0 else { continue }
                                answered += 1
                                if entry & 1 == 1 { favourable += 1 }
                            }
                            batch.forEachState(of: index, ids: ids, groupSlots: groupSlots, stride: stride) { offset in
                                for item in 0..<itemCount {
                                    let entry = pointOffsets[item]
                                    guard entry >= 0 else { continue }
                                    if unweighted {
                                        states[offset + (entry >> 1)] += 1
                                        continue
                                    }
                                    let base = offset + plan[item * ItemCoding.planStride + 4]
                                    states.recordShare(
                                        at: base, weight: weight, base: weight, successes: entry & 1 == 1 ? weight : 0)
                                    states[offset + (entry >> 1)] += weight
                                    let value = row[plan[item * ItemCoding.planStride]]
                                    states[base + plan[item * ItemCoding.planStride + 5]] += weight * Double(value)
                                }
                                if answered > 0 {
                                    states.recordShare(
                                        at: offset + indexOffset, weight: weight, base: weight * answered,
                                        successes: weight * favourable)
                                }
                                states[offset + stride - 1] += 1
                            }
                        }
                    }
                }
            }
        }
    }

    /// Adds another accumulator's counts.
    mutating func merge(_ other: LikertAccumulator, recoding: GroupRecoder) {
        tallies.merge(other.tallies, recoding: recoding)
    }

    var recodingLimits: [RecodingLimit] { [] }

    /// The primary figure's tally: the index's favourable share for a block, else the first item's.
    func primary(_ state: Tally) -> ShareTally {
        blockName == nil ? (state.items.first?.answers ?? ShareTally()) : state.index
    }

    /// The favourable share overall and per group; every item (and the index) in the detail.
    func result(_ context: ResultContext) -> MetricOutcome {
        let (overall, segments) = context.segmented(
            tallies, primary: primary, pooledAnswers: blockName != nil, mean: mean)
        return MetricOutcome(overall: overall, detail: detail(context.rules), segments: segments)
    }

    /// The detail: every item, and the index for a block.
    func detail(_ rules: FigureRules) -> MetricDetail {
        let overall = tallies.overall
        let itemFigures = items.indices.map { index in
            let tally = overall.items[index]
            return figure(
                label: items[index].name, respondents: tally.answers, points: tally.points, pointSum: tally.pointSum,
                answerWeight: tally.answers.weight, item: items[index], rules: rules)
        }
        guard let blockName, let first = items.first else { return .likert(items: itemFigures, index: nil) }
        let (pooled, pointSum) = pooledPoints(overall)
        let indexFigure = figure(
            label: blockName, respondents: overall.index, points: pooled, pointSum: pointSum,
            answerWeight: overall.index.base, item: first, rules: rules, pooled: true)
        return .likert(items: itemFigures, index: indexFigure)
    }

    /// A group's mean point, as the Mean column of the overall table computes it: the first
    /// item's, or for a block the index's (its answers pooled over the items).
    func mean(_ state: Tally) -> Double? {
        guard let item = state.items.first else { return nil }
        let (pointSum, answerWeight) =
            blockName == nil ? (item.pointSum, item.answers.weight) : (pooledPoints(state).pointSum, state.index.base)
        return answerWeight > 0 ? pointSum / answerWeight : nil
    }

    /// The answers per point pooled over the items on the first item's scale, and their Σw × point.
    private func pooledPoints(_ state: Tally) -> (points: [Double], pointSum: Double) {
        guard let first = items.first else { return ([], 0) }
        var pooled = Array(repeating: 0.0, count: first.scale.points.count)
        var pointSum = 0.0
        for index in items.indices where items[index].scale.points == first.scale.points {
            pooled.addElementwise(state.items[index].points)
            pointSum += state.items[index].pointSum
        }
        return (pooled, pointSum)
    }

    /// One item's (or the index's) figure; `respondents` gives the privacy base and the sample size.
    private func figure(
        label: String, respondents: ShareTally, points: [Double], pointSum: Double, answerWeight: Double,
        item: Item, rules: FigureRules, pooled: Bool = false
    ) -> LikertFigure {
        func share(_ wanted: Int8) -> Figure {
            var tally = respondents
            tally.base = answerWeight
            tally.successes = zip(points, item.classes).reduce(0) { $0 + ($1.1 == wanted ? $1.0 : 0) }
            var figure = rules.guarded(rules.figure(tally), rawN: respondents.rawN)
            // A pooled index's share is of answers while its n counts respondents: a count of
            // answers beside that n would read as "6,936 of 1,194".
            if pooled { figure.count = nil }
            return figure
        }
        guard !rules.isBelowThreshold(respondents.rawN) else {
            return LikertFigure(
                label: label, n: respondents.rawN, distribution: [], favourable: share(1), neutral: share(0),
                unfavourable: share(-1), mean: nil, mean0to100: nil)
        }
        let percents = LargestRemainder.percentages(counts: points)
        let distribution = item.scale.points.indices.map { index in
            PointShare(
                point: item.scale.points[index], label: item.scale.label(of: item.scale.points[index]),
                count: points[index], percent: percents[index])
        }
        let mean = answerWeight > 0 ? pointSum / answerWeight : nil
        let span = Double(item.scale.maximum - item.scale.minimum)
        let rescaled = mean.flatMap { span > 0 ? ($0 - Double(item.scale.minimum)) / span * 100 : nil }
        return LikertFigure(
            label: label, n: respondents.rawN, distribution: distribution, favourable: share(1), neutral: share(0),
            unfavourable: share(-1), mean: mean, mean0to100: rescaled)
    }
}
