import CandorClean

/// Accumulates a `drivers` metric: per item, the running sums of Pearson's r with an outcome
/// score over respondents who have both.
struct DriversAccumulator: Equatable, Sendable {
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
    /// The item fields and names.
    let items: [Int], names: [String]
    /// Respondents with an outcome score, unweighted.
    private(set) var outcomeN = 0
    /// Per item.
    private(set) var sums: [ItemSums]

    /// Creates an empty accumulator.
    init(outcome: Score, items: [Int], schema: SurveySchema) {
        self.outcome = ScoreReader(outcome, schema: schema)
        self.items = items
        names = items.map { schema.fields.indices.contains($0) ? schema.fields[$0].name : "field \($0)" }
        let zeros = Array(repeating: 0.0, count: self.outcome.bucketCount)
        sums = Array(repeating: ItemSums(y: zeros, yy: zeros, xy: zeros), count: items.count)
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

    /// Adds another accumulator's sums.
    mutating func merge(_ other: DriversAccumulator) {
        outcomeN += other.outcomeN
        for index in sums.indices where index < other.sums.count { sums[index].merge(other.sums[index]) }
    }

    /// The overall figure (no value; n = respondents with an outcome) and the ranked items.
    ///
    /// Weighted sums are rescaled so their Σw is the Kish effective n: r is unchanged by the
    /// scaling and the p-value then uses the effective n.
    func result(_ rules: FigureRules) -> (Figure, MetricDetail) {
        var figures: [(Int, DriverFigure)] = items.indices.map { index in
            let item = sums[index]
            guard !rules.isBelowThreshold(item.rawN), item.weight > 0 else {
                return (index, DriverFigure(item: names[index], r: nil, n: item.rawN, pValue: nil, significant: false))
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
                    significant: correlation?.isSignificant ?? false)
            )
        }
        figures.sort { a, b in
            let left = a.1.r.map(abs) ?? -1
            let right = b.1.r.map(abs) ?? -1
            return left != right ? left > right : a.0 < b.0
        }
        let figure = rules.guarded(Figure(value: nil, n: outcomeN), rawN: outcomeN)
        return (figure, .drivers(outcome: outcome.name, items: figures.map(\.1)))
    }
}
