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
    /// Code → where that group's sums start in `sums` (÷ stride), −1 for none; as long as the
    /// highest code seen.
    private(set) var slots: [Int] = []
    /// The groups' sums, in order of first appearance.
    private(set) var sums: [Double] = []

    /// Codes at or above this are no group. A manager or team field has one code per distinct
    /// value, so this is far above real data, while bad data (an id misdeclared as the group)
    /// cannot allocate more than `slots` of this length.
    static let codeLimit = 1 << 22

    /// Creates an empty accumulator.
    init(score: Score, group: Int, schema: SurveySchema) {
        self.score = ScoreReader(score, schema: schema)
        self.group = group
        groupName = schema.fields.indices.contains(group) ? schema.fields[group].name : "field \(group)"
        stride = 2 + 2 * self.score.bucketCount
    }

    /// The code a stored value of the grouping field stands for, or −1.
    @inline(__always)
    static func code(_ value: Int64) -> Int { value >= 0 && value < codeLimit ? Int(value) : -1 }

    /// Where group `code`'s sums start, adding an empty group when it has none.
    private mutating func offset(of code: Int) -> Int {
        if code >= slots.count { slots.append(contentsOf: repeatElement(-1, count: code + 1 - slots.count)) }
        if slots[code] < 0 {
            slots[code] = sums.count / stride
            sums.append(contentsOf: repeatElement(0, count: stride))
        }
        return slots[code] * stride
    }

    /// Counts every response of `batch`.
    mutating func add(_ batch: BatchView) {
        guard group < batch.width else { return }
        let group = group
        // Each response's group offset, groups new to this batch added first, so the loop below
        // writes through one pointer.
        var offsets = Array(repeating: -1, count: batch.count)
        for index in 0..<batch.count {
            let code = Self.code(batch.values[index * batch.width + group])
            if code >= 0 { offsets[index] = offset(of: code) }
        }
        let score = score
        let buckets = score.bucketCount
        score.fields.withUnsafeBufferPointer { fields in
            sums.withUnsafeMutableBufferPointer { sums in
                for index in 0..<batch.count {
                    let offset = offsets[index]
                    guard offset >= 0, let (numerator, bucket) = score.read(batch.row(index), fields: fields) else {
                        continue
                    }
                    let weight = batch.weights[index]
                    sums[offset] += 1
                    sums[offset + 1] += weight
                    sums[offset + 2 + bucket] += weight * numerator
                    sums[offset + 2 + buckets + bucket] += weight * numerator * numerator
                }
            }
        }
    }

    /// Adds another accumulator's sums, group by group (element-wise, so exact).
    mutating func merge(_ other: VarianceShareAccumulator) {
        guard other.stride == stride else { return }
        for code in other.slots.indices where other.slots[code] >= 0 {
            let mine = offset(of: code)
            let theirs = other.slots[code] * stride
            for value in 0..<stride { sums[mine + value] += other.sums[theirs + value] }
        }
    }

    /// Each recorded group's sums by code (groups added for respondents without a score hold zeros
    /// and are left out).
    func groupSums() -> [Int: ArraySlice<Double>] {
        var groups: [Int: ArraySlice<Double>] = [:]
        for code in slots.indices where slots[code] >= 0 && sums[slots[code] * stride] > 0 {
            groups[code] = sums[slots[code] * stride..<(slots[code] + 1) * stride]
        }
        return groups
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
        for code in slots.indices where slots[code] >= 0 && sums[slots[code] * stride] > 0 {
            let offset = slots[code] * stride
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
    /// Equal when every group holds the same sums, whatever order the groups were first seen in.
    static func == (lhs: VarianceShareAccumulator, rhs: VarianceShareAccumulator) -> Bool {
        lhs.score == rhs.score && lhs.group == rhs.group && lhs.groupName == rhs.groupName
            && lhs.stride == rhs.stride && lhs.groupSums() == rhs.groupSums()
    }
}
