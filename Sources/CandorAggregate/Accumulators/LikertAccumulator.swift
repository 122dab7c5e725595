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
        /// Respondents who answered at least one item, and their answers pooled.
        var index = PooledAnswersTally()
        /// Respondents recorded, answering or not (a group exists once anyone in it is seen).
        var recorded = 0.0
        /// In an unweighted run, per item and point answered, whether it scores favourable: the
        /// items' `answers` are then not summed per response but read off the point counts (every
        /// sum is the count of answers, the successes the favourable answers). `nil` when weighted.
        var favourablePoints: [[Bool]]? = nil
        /// In an unweighted run, per item and point answered, the value it scores: the items'
        /// `pointSum` is then read off the point counts as well (a sum of integers, so exactly the
        /// same). With both, a response costs one addition an item instead of seven. `nil` when
        /// weighted.
        var pointValues: [[Double]]? = nil

        /// The items' layouts one after another, then `index` and `recorded`.
        var flatCount: Int { items.reduce(0) { $0 + $1.flatCount } + PooledAnswersTally.flatCount + 1 }
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
            let indexEnd = offset + PooledAnswersTally.flatCount
            return Tally(
                items: read, index: PooledAnswersTally.reading(values[offset..<indexEnd]), recorded: values[indexEnd],
                favourablePoints: favourablePoints, pointValues: pointValues)
        }
    }

    /// What is known about each item before any response: its scale and how points classify.
    ///
    /// A reverse-coded item's answers are stored scored (`min + max − answer`, see
    /// `FieldDecoder`); its counts are kept by the point answered, so the distribution shows what
    /// people chose under the label they chose, while favourable and the mean use the scores.
    struct Item: Equatable, Sendable {
        /// The field.
        let field: Int
        /// Its name.
        let name: String
        /// Its scale.
        let scale: LikertScale
        /// Whether the item is reverse-coded.
        let reversed: Bool
        /// Per point index (of the point answered): the value it scores.
        let scoredPoints: [Int]
        /// Per point index (of the point answered): 1 favourable, −1 unfavourable, 0 neutral,
        /// by the value it scores.
        let classes: [Int8]

        /// Creates an item of field `field` named `name`.
        init(field: Int, name: String, scale: LikertScale, reversed: Bool) {
            self.field = field
            self.name = name
            self.scale = scale
            self.reversed = reversed
            scoredPoints = scale.points.map { reversed ? scale.minimum + scale.maximum - $0 : $0 }
            classes = scoredPoints.map(scale.pointClass)
        }
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
            guard schema.fields.indices.contains(field),
                case .likert(let scale, let reversed) = schema.fields[field].kind
            else { return nil }
            return Item(field: field, name: schema.fields[field].name, scale: scale, reversed: reversed)
        }
        blockName = metric.blockName
        let empty = Tally(
            items: items.map { ItemTally(points: Array(repeating: 0, count: $0.scale.points.count)) },
            favourablePoints: weighted ? nil : items.map { $0.classes.map { $0 == 1 } },
            pointValues: weighted ? nil : items.map { $0.scoredPoints.map(Double.init) })
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
        let indexOffset = stride - 1 - PooledAnswersTally.flatCount
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
                            var unfavourable = 0.0
                            for item in 0..<itemCount {
                                let entry = ItemCoding.entry(of: row, item: item, plan: plan, lookup: lookup)
                                pointOffsets[item] = entry
                                guard entry >= 0 else { continue }
                                answered += 1
                                favourable += Double(entry & ItemCoding.favourableBit)
                                unfavourable += Double((entry & ItemCoding.unfavourableBit) >> 1)
                            }
                            let pooled = PooledAnswersTally.Increment(
                                weight: weight, answered: answered, favourable: favourable, unfavourable: unfavourable)
                            batch.forEachState(of: index, ids: ids, groupSlots: groupSlots, stride: stride) { offset in
                                for item in 0..<itemCount {
                                    let entry = pointOffsets[item]
                                    guard entry >= 0 else { continue }
                                    let counter = offset + (entry >> ItemCoding.classBits)
                                    if unweighted {
                                        states[counter] += 1
                                        continue
                                    }
                                    let base = offset + plan[item * ItemCoding.planStride + 4]
                                    let isFavourable = entry & ItemCoding.favourableBit != 0
                                    states.recordShare(
                                        at: base, weight: weight, base: weight, successes: isFavourable ? weight : 0)
                                    states[counter] += weight
                                    let value = row[plan[item * ItemCoding.planStride]]
                                    states[base + plan[item * ItemCoding.planStride + 5]] += weight * Double(value)
                                }
                                if answered > 0 {
                                    states.recordPooledAnswers(at: offset + indexOffset, pooled)
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

    /// The state is the breakdown: its groups and their tallies.
    func encodeState(into writer: inout StateWriter) { tallies.encodeState(into: &writer) }

    /// Reads the breakdown `encodeState` wrote.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        try tallies.decodeState(from: &reader)
    }

    /// The favourable share overall and per group (the first item's, or for a block the index's,
    /// of answers with its interval clustered by respondent); every item (and the index) in the detail.
    func result(_ context: ResultContext) -> MetricOutcome {
        let (overall, segments) =
            blockName == nil
            ? context.segmented(tallies, primary: { $0.items.first?.answers ?? ShareTally() }, mean: mean)
            : context.segmented(tallies, primary: \.index, pooledAnswers: true, mean: mean)
        return MetricOutcome(overall: overall, detail: detail(context.rules), segments: segments)
    }

    /// The detail: every item, and the index for a block.
    func detail(_ rules: FigureRules) -> MetricDetail {
        let overall = tallies.overall
        let itemFigures = items.indices.map { index in
            let tally = overall.items[index]
            let item = items[index]
            return figure(
                label: item.name, n: tally.answers.rawN, points: tally.points, pointSum: tally.pointSum,
                answerWeight: tally.answers.weight, scale: item.scale, rules: rules
            ) { wanted in
                var share = tally.answers
                share.base = share.weight
                share.successes = zip(tally.points, item.classes).reduce(0) { $0 + ($1.1 == wanted ? $1.0 : 0) }
                return rules.guarded(rules.figure(share), rawN: share.rawN)
            }.reverseCoded(item.reversed)
        }
        guard let blockName, let first = items.first else { return .likert(items: itemFigures, index: nil) }
        let (pooled, pointSum) = pooledPoints(overall)
        let index = overall.index
        let indexFigure = figure(
            label: blockName, n: index.rawN, points: pooled, pointSum: pointSum, answerWeight: index.respondents.base,
            scale: first.scale, rules: rules
        ) { wanted in
            rules.guarded(rules.figure(index.ratio(wanted), respondents: index.respondents), rawN: index.rawN)
        }
        return .likert(items: itemFigures, index: indexFigure)
    }

    /// A group's mean point, as the Mean column of the overall table computes it: the first
    /// item's, or for a block the index's (the mean of its answers pooled over the items).
    func mean(_ state: Tally) -> Double? {
        guard let item = state.items.first else { return nil }
        let (pointSum, answerWeight) =
            blockName == nil
            ? (item.pointSum, item.answers.weight) : (pooledPoints(state).pointSum, state.index.respondents.base)
        return answerWeight > 0 ? pointSum / answerWeight : nil
    }

    /// The answers per scored point pooled over the items on the first item's scale (a reversed
    /// item's answers at the point they score), and their Σw × point.
    private func pooledPoints(_ state: Tally) -> (points: [Double], pointSum: Double) {
        guard let first = items.first else { return ([], 0) }
        var pooled = Array(repeating: 0.0, count: first.scale.points.count)
        var pointSum = 0.0
        for index in items.indices where items[index].scale.points == first.scale.points {
            let item = items[index]
            for (answered, count) in state.items[index].points.enumerated() {
                guard let scored = item.scale.points.firstIndex(of: item.scoredPoints[answered]) else { continue }
                pooled[scored] += count
            }
            pointSum += state.items[index].pointSum
        }
        return (pooled, pointSum)
    }

    /// One item's (or the index's) figure: `n` respondents (the privacy base), `points` answers
    /// per point of `scale`, and `share` giving its favourable (1), neutral (0) and unfavourable
    /// (−1) shares.
    private func figure(
        label: String, n: Int, points: [Double], pointSum: Double, answerWeight: Double, scale: LikertScale,
        rules: FigureRules, share: (Int8) -> Figure
    ) -> LikertFigure {
        guard !rules.isBelowThreshold(n) else {
            return LikertFigure(
                label: label, n: n, distribution: [], favourable: share(1), neutral: share(0),
                unfavourable: share(-1), mean: nil, mean0to100: nil)
        }
        let percents = LargestRemainder.percentages(counts: points)
        let distribution = scale.points.indices.map { index in
            PointShare(
                point: scale.points[index], label: scale.label(of: scale.points[index]), count: points[index],
                percent: percents[index])
        }
        let mean = answerWeight > 0 ? pointSum / answerWeight : nil
        let span = Double(scale.maximum - scale.minimum)
        let rescaled = mean.flatMap { span > 0 ? ($0 - Double(scale.minimum)) / span * 100 : nil }
        return LikertFigure(
            label: label, n: n, distribution: distribution, favourable: share(1), neutral: share(0),
            unfavourable: share(-1), mean: mean, mean0to100: rescaled)
    }
}

extension LikertScale {
    /// How `point` classifies: 1 favourable, −1 unfavourable, 0 neutral.
    func pointClass(_ point: Int) -> Int8 {
        favourable.contains(point) ? 1 : (unfavourable.contains(point) ? -1 : 0)
    }
}

extension LikertFigure {
    /// The figure marked reverse-coded when `reversed`.
    fileprivate func reverseCoded(_ reversed: Bool) -> LikertFigure {
        var figure = self
        figure.reversed = reversed
        return figure
    }
}
