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
    /// Code → that group's number (in order of first appearance), −1 for none; as long as the
    /// highest code seen.
    private(set) var slots: [Int] = []
    /// The groups' sums, `groupsPerPage` groups of `stride` values a page. Pages are allocated
    /// whole and never grow, so a run with a hundred thousand managers holds no doubling slack
    /// and never copies the sums it has.
    private(set) var pages: [[Double]] = []
    /// Groups added so far.
    private(set) var groupCount = 0

    static let groupsPerPage = 1024

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

    /// Group `code`'s number, adding an empty group when it has none.
    private mutating func groupNumber(of code: Int) -> Int {
        if code >= slots.count { slots.append(contentsOf: repeatElement(-1, count: code + 1 - slots.count)) }
        if slots[code] < 0 {
            if groupCount == pages.count * Self.groupsPerPage {
                pages.append(Array(repeating: 0, count: Self.groupsPerPage * stride))
            }
            slots[code] = groupCount
            groupCount += 1
        }
        return slots[code]
    }

    /// The sums of group number `number`.
    private func sums(ofGroup number: Int) -> ArraySlice<Double> {
        let start = (number % Self.groupsPerPage) * stride
        return pages[number / Self.groupsPerPage][start..<start + stride]
    }

    /// Counts every response of `batch`.
    mutating func add(_ batch: BatchView) {
        guard group < batch.width else { return }
        let group = group
        // Each response's group number, groups new to this batch added first.
        var numbers = Array(repeating: -1, count: batch.count)
        for index in 0..<batch.count {
            let code = Self.code(batch.values[index * batch.width + group])
            if code >= 0 { numbers[index] = groupNumber(of: code) }
        }
        let score = score
        let buckets = score.bucketCount
        let stride = stride
        score.fields.withUnsafeBufferPointer { fields in
            for index in 0..<batch.count {
                let number = numbers[index]
                guard number >= 0, let (numerator, bucket) = score.read(batch.row(index), fields: fields) else {
                    continue
                }
                let weight = batch.weights[index]
                let offset = (number % Self.groupsPerPage) * stride
                pages[number / Self.groupsPerPage].withUnsafeMutableBufferPointer { sums in
                    sums[offset] += 1
                    sums[offset + 1] += weight
                    sums[offset + 2 + bucket] += weight * numerator
                    sums[offset + 2 + buckets + bucket] += weight * numerator * numerator
                }
            }
        }
    }

    /// Adds another accumulator's sums, group by group (element-wise, so exact), its group codes
    /// translated by `recoding`.
    mutating func merge(_ other: VarianceShareAccumulator, recoding: GroupRecoder = .identity) {
        guard other.stride == stride else { return }
        for code in other.slots.indices where other.slots[code] >= 0 {
            let merged = recoding.code(code, ofField: group)
            guard merged >= 0, merged < Self.codeLimit else { continue }
            let mine = groupNumber(of: merged)
            let start = (mine % Self.groupsPerPage) * stride
            for (value, sum) in other.sums(ofGroup: other.slots[code]).enumerated() {
                pages[mine / Self.groupsPerPage][start + value] += sum
            }
        }
    }

    /// Each recorded group's sums by code (groups added for respondents without a score hold zeros
    /// and are left out).
    func groupSums() -> [Int: ArraySlice<Double>] {
        var groups: [Int: ArraySlice<Double>] = [:]
        for code in slots.indices where slots[code] >= 0 {
            let sums = sums(ofGroup: slots[code])
            if sums[sums.startIndex] > 0 { groups[code] = sums }
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
        for code in slots.indices where slots[code] >= 0 {
            let sums = sums(ofGroup: slots[code])
            let offset = sums.startIndex
            guard sums[offset] > 0 else { continue }
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
