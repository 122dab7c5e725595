import CandorCore
import CandorClean

/// A `drivers` metric: the Pearson correlation of each item with an outcome score.
package struct DriversMetric: MetricDefinition {
    package static let name = "drivers"
    package static let keys = ["outcome", "items", "block"]
    package static let unit = FigureUnit.coefficient
    package static let valuePlaceholder: String? = nil

    /// The outcome score.
    package var outcome: Score
    /// The item fields.
    package var items: [Int]

    /// Creates the definition.
    package init(outcome: Score, items: [Int]) {
        self.outcome = outcome
        self.items = items
    }

    package static func resolve<Arguments: MetricArguments>(
        _ arguments: inout Arguments
    ) throws(Arguments.Failure) -> DriversMetric {
        // A yes/no outcome (attrition, say) is allowed: Pearson's r with it coded 0/1 is the
        // point-biserial correlation.
        let outcome = try arguments.required("outcome", of: name, try arguments.score("outcome", allowsBoolean: true))
        if let items = try arguments.likertFields("items") { return DriversMetric(outcome: outcome, items: items) }
        if let block = try arguments.block("block") { return DriversMetric(outcome: outcome, items: block.fields) }
        throw arguments.error(at: nil, "metric '\(arguments.id)' (drivers) needs 'items' or 'block'")
    }
}

extension MetricKind {
    /// A `drivers` metric (see `DriversMetric`).
    package static func drivers(outcome: Score, items: [Int]) -> MetricKind {
        MetricKind(DriversMetric(outcome: outcome, items: items))
    }
}

/// Accumulates a `drivers` metric: per item, the running sums of Pearson's r with an outcome
/// score over respondents who have both.
///
/// When the outcome is the mean of a block that holds the item, the item is correlated with the
/// mean of the block's *other* answered items (the item-rest, or corrected item-total,
/// correlation): against a score that contains it, every item would correlate by construction
/// (four independent items give r ≈ 0.5). The rest score follows the block score's rule for
/// missing answers, the mean of the items answered: a respondent counts for an item when they
/// answered it and at least one other item of the block.
struct DriversAccumulator: MetricAccumulator {
    /// One item's sums. Outcome sums are kept per bucket (see `ScoreReader`) so they merge exactly.
    struct ItemSums: Mergeable {
        /// Respondents with both values, unweighted.
        var rawN = 0
        /// Σw, Σw².
        var weight = 0.0, weightSquares = 0.0
        /// Σw·x, Σw·x².
        var x = 0.0, xx = 0.0
        /// Per bucket: Σw·y', Σw·y'², Σw·x·y' (y' the outcome's numerator).
        var y: [Double], yy: [Double], xy: [Double]

        mutating func merge(_ other: ItemSums) {
            rawN += other.rawN
            weight += other.weight
            weightSquares += other.weightSquares
            x += other.x
            xx += other.xx
            y.addElementwise(other.y)
            yy.addElementwise(other.yy)
            xy.addElementwise(other.xy)
        }
    }

    /// The outcome.
    let outcome: ScoreReader
    /// Whether the outcome is a yes/no field (stored 1 = yes, 0 = no), so each r is point-biserial.
    let isBinaryOutcome: Bool
    /// The item fields and names.
    let items: [Int], names: [String]
    /// Per item: whether the outcome is a block mean that holds it, so its outcome is the rest score.
    let isItemRest: [Bool]
    /// Respondents with an outcome score, unweighted.
    private(set) var outcomeN = 0
    /// Per item.
    private(set) var sums: [ItemSums]

    /// Creates an empty accumulator.
    init(_ metric: DriversMetric, context: AccumulatorContext) {
        let schema = context.schema
        let items = metric.items
        outcome = ScoreReader(metric.outcome, schema: schema)
        if case .field(let field) = metric.outcome, schema.fields.indices.contains(field),
            case .boolean = schema.fields[field].kind
        {
            isBinaryOutcome = true
        } else {
            isBinaryOutcome = false
        }
        self.items = items
        names = items.map { schema.fields.indices.contains($0) ? schema.fields[$0].name : "field \($0)" }
        let outcomeFields = outcome.isMean ? Set(outcome.fields) : []
        isItemRest = items.map { outcomeFields.contains($0) }
        let zeros = Array(repeating: 0.0, count: self.outcome.bucketCount)
        sums = Array(repeating: ItemSums(y: zeros, yy: zeros, xy: zeros), count: items.count)
    }

    /// Counts every response of `batch` (drivers are not broken down, so `ids` is not needed).
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        for row in 0..<batch.count { add(batch.row(row), weight: batch.weights[row]) }
    }

    /// Counts one response.
    @inline(__always)
    mutating func add(_ row: UnsafeBufferPointer<Int64>, weight: Double) {
        guard let (y, bucket) = outcome.read(row) else { return }
        outcomeN += 1
        for index in items.indices {
            let value = row[items[index]]
            guard value != Response.missing else { continue }
            let x = Double(value)
            var y = y
            var bucket = bucket
            if isItemRest[index] {
                // The rest score's numerator and bucket: the block's minus this item (answered,
                // so counted in the block's); no other item answered leaves no rest score.
                guard bucket > 0 else { continue }
                y -= x
                bucket -= 1
            }
            sums[index].rawN += 1
            sums[index].weight += weight
            sums[index].weightSquares += weight * weight
            sums[index].x += weight * x
            sums[index].xx += weight * x * x
            sums[index].y[bucket] += weight * y
            sums[index].yy[bucket] += weight * y * y
            sums[index].xy[bucket] += weight * x * y
        }
    }

    /// Adds another accumulator's sums (they hold no groups, so `recoding` changes nothing).
    mutating func merge(_ other: DriversAccumulator, recoding: GroupRecoder) {
        outcomeN += other.outcomeN
        for index in sums.indices where index < other.sums.count { sums[index].merge(other.sums[index]) }
    }

    var recodingLimits: [RecodingLimit] { [] }

    /// Writes the outcome count and every item's sums.
    func encodeState(into writer: inout StateWriter) {
        writer.integer(outcomeN)
        for item in sums {
            writer.integer(item.rawN)
            for value in [item.weight, item.weightSquares, item.x, item.xx] { writer.double(value) }
            for buckets in [item.y, item.yy, item.xy] { writer.doubles(buckets) }
        }
    }

    /// Reads what `encodeState` wrote; every item's buckets must be the outcome's.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        outcomeN = try reader.integer()
        let buckets = outcome.bucketCount
        for index in sums.indices {
            sums[index].rawN = try reader.integer()
            sums[index].weight = try reader.double()
            sums[index].weightSquares = try reader.double()
            sums[index].x = try reader.double()
            sums[index].xx = try reader.double()
            sums[index].y = try reader.doubles(count: buckets)
            sums[index].yy = try reader.doubles(count: buckets)
            sums[index].xy = try reader.doubles(count: buckets)
        }
    }

    /// No value overall (no segments); the ranked items in the detail.
    func result(_ context: ResultContext) -> MetricOutcome {
        let (overall, detail) = result(context.rules)
        return MetricOutcome(overall: overall, detail: detail)
    }

    /// The overall figure (no value; n = respondents with an outcome) and the ranked items.
    ///
    /// Weighted sums are rescaled so their Σw is the Kish effective n: r is unchanged by the
    /// scaling and the p-value then uses the effective n.
    func result(_ rules: FigureRules) -> (Figure, MetricDetail) {
        var figures: [(Int, DriverFigure)] = items.indices.map { index in
            let item = sums[index]
            guard !rules.isBelowThreshold(item.rawN), item.weight > 0 else {
                return (
                    index,
                    DriverFigure(
                        item: names[index], r: nil, n: item.rawN, pValue: nil, significant: false,
                        isItemRest: isItemRest[index])
                )
            }
            let n =
                rules.weighted
                ? KishEffectiveN.effectiveN(sumOfWeights: item.weight, sumOfSquaredWeights: item.weightSquares)
                : Double(item.rawN)
            let scale = n / item.weight
            var sumXY = 0.0
            for bucket in item.xy.indices { sumXY += item.xy[bucket] / outcome.divisor(bucket) }
            let correlation = Correlation(
                n: n, sumX: item.x * scale, sumY: outcome.total(item.y) * scale, sumXX: item.xx * scale,
                sumYY: outcome.totalOfSquares(item.yy) * scale, sumXY: sumXY * scale)
            return (
                index,
                DriverFigure(
                    item: names[index], r: correlation?.r, n: item.rawN, pValue: correlation?.pValue,
                    significant: correlation?.isSignificant ?? false, isItemRest: isItemRest[index])
            )
        }
        // One test per item: adjusted within the table, as a segment table's groups are.
        let adjusted = rules.adjustment.adjusted(figures.map { $0.1.r == nil ? nil : $0.1.pValue })
        for (position, pAdjusted) in adjusted.enumerated() {
            figures[position].1.pAdjusted = pAdjusted
            figures[position].1.significant = pAdjusted.map { $0 < Correlation.significanceLevel } ?? false
        }
        // By r, highest first (a negative r is an item that moves against the outcome); an
        // undefined r last; ties in declared order.
        figures.sort { a, b in
            let left = a.1.r ?? -.infinity
            let right = b.1.r ?? -.infinity
            return left != right ? left > right : a.0 < b.0
        }
        let figure = rules.guarded(Figure(value: nil, n: outcomeN), rawN: outcomeN)
        return (figure, .drivers(outcome: outcome.name, items: figures.map(\.1), isBinaryOutcome: isBinaryOutcome))
    }
}
