import CandorClean

/// Accumulates a `likert` metric: per item the distribution over the scale's points and the
/// favourable/neutral/unfavourable split, and, for a block, the items' answers pooled as an index.
struct LikertAccumulator: Equatable, Sendable {
    /// One item's counts.
    struct ItemTally: Mergeable {
        /// Respondents who answered; successes are favourable answers.
        var answers = ShareTally()
        /// Σw per scale point (by the point's index on the scale).
        var points: [Double]
        /// Σw × point.
        var pointSum = 0.0

        mutating func merge(_ other: ItemTally) {
            answers.merge(other.answers)
            points.addElementwise(other.points)
            pointSum += other.pointSum
        }
    }

    /// One group's counts.
    struct Tally: Mergeable {
        /// Per item.
        var items: [ItemTally]
        /// Respondents who answered at least one item; the base is their answers, successes the
        /// favourable ones.
        var index = ShareTally()

        mutating func merge(_ other: Tally) {
            for item in items.indices where item < other.items.count { items[item].merge(other.items[item]) }
            index.merge(other.index)
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
        /// Point value → index on the scale.
        let coder: SegmentLayout.Coder
        /// Per point index: 1 favourable, −1 unfavourable, 0 neutral.
        let classes: [Int8]
    }

    /// The items.
    let items: [Item]
    /// The block's name when the items are pooled as an index.
    let blockName: String?
    /// Counts overall and per group.
    private(set) var tallies: Breakdown<Tally>

    /// Creates an empty accumulator (fields that are not Likert items are left out).
    init(items fields: [Int], blockName: String?, schema: SurveySchema, layout: SegmentLayout) {
        items = fields.compactMap { field in
            guard schema.fields.indices.contains(field), case .likert(let scale, _) = schema.fields[field].kind else {
                return nil
            }
            let classes: [Int8] = scale.points.map {
                scale.favourable.contains($0) ? 1 : (scale.unfavourable.contains($0) ? -1 : 0)
            }
            return Item(
                field: field, name: schema.fields[field].name, scale: scale,
                coder: SegmentLayout.likertCoder(scale), classes: classes)
        }
        self.blockName = blockName
        let empty = Tally(items: items.map { ItemTally(points: Array(repeating: 0, count: $0.scale.points.count)) })
        tallies = Breakdown(empty: empty, layout: layout)
    }

    /// Counts one response.
    @inline(__always)
    mutating func add(_ row: UnsafeBufferPointer<Int64>, weight: Double, codes: UnsafeMutableBufferPointer<Int>) {
        let items = self.items
        tallies.record(codes) { tally in
            var answered = 0.0
            var favourable = 0.0
            for index in items.indices {
                let value = row[items[index].field]
                let point = SegmentLayout.code(value, items[index].coder)
                guard point >= 0 else { continue }
                let isFavourable = items[index].classes[point] == 1
                tally.items[index].answers.record(weight: weight, hit: isFavourable)
                tally.items[index].points[point] += weight
                tally.items[index].pointSum += weight * Double(value)
                answered += 1
                if isFavourable { favourable += 1 }
            }
            if answered > 0 { tally.index.record(weight: weight, base: weight * answered, successes: weight * favourable) }
        }
    }

    /// Adds another accumulator's counts.
    mutating func merge(_ other: LikertAccumulator) { tallies.merge(other.tallies) }

    /// The primary figure's tally: the index's favourable share for a block, else the first item's.
    func primary(_ state: Tally) -> PrimaryTally {
        .share(blockName == nil ? (state.items.first?.answers ?? ShareTally()) : state.index)
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
        var pooled = Array(repeating: 0.0, count: first.scale.points.count)
        var pointSum = 0.0
        for index in items.indices where items[index].scale.points == first.scale.points {
            pooled.addElementwise(overall.items[index].points)
            pointSum += overall.items[index].pointSum
        }
        let indexFigure = figure(
            label: blockName, respondents: overall.index, points: pooled, pointSum: pointSum,
            answerWeight: overall.index.base, item: first, rules: rules)
        return .likert(items: itemFigures, index: indexFigure)
    }

    /// One item's (or the index's) figure; `respondents` gives the privacy base and the sample size.
    private func figure(
        label: String, respondents: ShareTally, points: [Double], pointSum: Double, answerWeight: Double,
        item: Item, rules: FigureRules
    ) -> LikertFigure {
        func share(_ wanted: Int8) -> Figure {
            var tally = respondents
            tally.base = answerWeight
            tally.successes = zip(points, item.classes).reduce(0) { $0 + ($1.1 == wanted ? $1.0 : 0) }
            return rules.guarded(rules.figure(tally), rawN: respondents.rawN)
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
