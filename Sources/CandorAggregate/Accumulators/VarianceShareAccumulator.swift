import CandorClean

/// Accumulates a `variance_share` metric: per group of the grouping field (a manager, say), the
/// count and sums of a per-respondent score, for eta squared and ICC(1).
struct VarianceShareAccumulator: Sendable {
    /// The score.
    let score: ScoreReader
    /// The grouping field.
    let group: Int
    /// The grouping field's name.
    let groupName: String
    /// Values per group: rawN, Σw, then per bucket (see `ScoreReader`) Σw × numerator, then per
    /// bucket Σw × numerator².
    let stride: Int
    /// Group `code`'s sums at `code × stride`; grown only when a batch shows a higher code.
    private(set) var sums: [Double] = []

    /// Creates an empty accumulator.
    init(score: Score, group: Int, schema: SurveySchema) {
        self.score = ScoreReader(score, schema: schema)
        self.group = group
        groupName = schema.fields.indices.contains(group) ? schema.fields[group].name : "field \(group)"
        stride = 2 + 2 * self.score.bucketCount
    }

    /// Groups with storage.
    var groupCount: Int { sums.count / stride }

    /// The code a stored value of the grouping field stands for, or −1.
    @inline(__always)
    static func code(_ value: Int64) -> Int { SegmentLayout.code(value, .value) }

    /// Counts every response of `batch`.
    mutating func add(_ batch: BatchView) {
        guard group < batch.width else { return }
        let group = group
        var highest = -1
        for index in 0..<batch.count { highest = max(highest, Self.code(batch.values[index * batch.width + group])) }
        let needed = (highest + 1) * stride
        if sums.count < needed { sums.append(contentsOf: repeatElement(0, count: needed - sums.count)) }
        let score = score
        let stride = stride
        let buckets = score.bucketCount
        score.fields.withUnsafeBufferPointer { fields in
            sums.withUnsafeMutableBufferPointer { sums in
                for index in 0..<batch.count {
                    let row = batch.row(index)
                    let code = Self.code(row[group])
                    guard code >= 0, let (numerator, bucket) = score.read(row, fields: fields) else { continue }
                    let weight = batch.weights[index]
                    let offset = code * stride
                    sums[offset] += 1
                    sums[offset + 1] += weight
                    sums[offset + 2 + bucket] += weight * numerator
                    sums[offset + 2 + buckets + bucket] += weight * numerator * numerator
                }
            }
        }
    }

    /// Adds another accumulator's sums (element-wise, so exact).
    mutating func merge(_ other: VarianceShareAccumulator) {
        guard other.stride == stride else { return }
        if sums.count < other.sums.count { sums.append(contentsOf: repeatElement(0, count: other.sums.count - sums.count)) }
        for index in other.sums.indices { sums[index] += other.sums[index] }
    }

    /// The overall figure (eta squared, n = respondents in the groups used) and the detail.
    func result(_ rules: FigureRules) -> (Figure, MetricDetail) {
        var used: [VarianceDecomposition.Group] = []
        var respondents = 0
        var below = 0
        var n = 0.0
        var sum = 0.0
        var sumOfSquares = 0.0
        let buckets = score.bucketCount
        for code in 0..<groupCount where sums[code * stride] > 0 {
            let offset = code * stride
            let rawN = Int(sums[offset])
            let weight = sums[offset + 1]
            guard !rules.isBelowThreshold(rawN) else {
                below += 1
                continue
            }
            let groupSum = score.total(Array(sums[offset + 2..<offset + 2 + buckets]))
            used.append(VarianceDecomposition.Group(n: weight, sum: groupSum))
            respondents += rawN
            n += weight
            sum += groupSum
            sumOfSquares += score.totalOfSquares(Array(sums[offset + 2 + buckets..<offset + 2 + 2 * buckets]))
        }
        let decomposition = VarianceDecomposition(groups: used, n: n, sum: sum, sumOfSquares: sumOfSquares)
        let hidden = rules.isBelowThreshold(respondents)
        let eta = hidden ? nil : decomposition?.etaSquared
        let icc = hidden ? nil : decomposition?.icc1
        let figure = rules.guarded(Figure(value: eta, n: respondents), rawN: respondents)
        return (
            figure,
            .varianceShare(
                etaSquared: eta, icc1: icc, groups: used.count, respondents: respondents, groupsBelowThreshold: below,
                score: score.name, grouping: groupName)
        )
    }
}

extension VarianceShareAccumulator: Equatable {
    /// Equal when every group holds the same sums; storage for codes past the last group seen
    /// (grown for a batch whose highest-coded respondents had no score) does not count.
    static func == (lhs: VarianceShareAccumulator, rhs: VarianceShareAccumulator) -> Bool {
        func used(_ sums: [Double], _ stride: Int) -> ArraySlice<Double> {
            var end = sums.count / stride
            while end > 0, sums[(end - 1) * stride] == 0 { end -= 1 }
            return sums[..<(end * stride)]
        }
        return lhs.score == rhs.score && lhs.group == rhs.group && lhs.groupName == rhs.groupName
            && lhs.stride == rhs.stride && used(lhs.sums, lhs.stride) == used(rhs.sums, rhs.stride)
    }
}
