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
    /// Code → that group's number (in order of first appearance), −1 for none; as long as the
    /// highest code seen. `Int32`, as codes stay below `codeLimit`.
    private(set) var slots: [Int32] = []
    /// The groups' counts and sums, by group number.
    private(set) var groups: GroupScoreSums

    /// Codes at or above this are no group. A manager or team field has one code per distinct
    /// value, so this is far above real data, while bad data (an id misdeclared as the group)
    /// cannot allocate more than `slots` of this length.
    static let codeLimit = 1 << 22

    /// Creates an empty accumulator.
    init(score: Score, group: Int, schema: SurveySchema) {
        self.score = ScoreReader(score, schema: schema)
        self.group = group
        groupName = schema.fields.indices.contains(group) ? schema.fields[group].name : "field \(group)"
        groups = GroupScoreSums(bucketCount: self.score.bucketCount)
    }

    /// The code a stored value of the grouping field stands for, or −1.
    @inline(__always)
    static func code(_ value: Int64) -> Int { value >= 0 && value < codeLimit ? Int(value) : -1 }

    /// Group `code`'s number, adding an empty group when it has none.
    private mutating func groupNumber(of code: Int) -> Int {
        if code >= slots.count { slots.append(contentsOf: repeatElement(-1, count: code + 1 - slots.count)) }
        if slots[code] < 0 { slots[code] = Int32(groups.appendGroup()) }
        return Int(slots[code])
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
        score.fields.withUnsafeBufferPointer { fields in
            for index in 0..<batch.count {
                let number = numbers[index]
                guard number >= 0, let (numerator, bucket) = score.read(batch.row(index), fields: fields) else {
                    continue
                }
                groups.add(group: number, bucket: bucket, weight: batch.weights[index], numerator: numerator)
            }
        }
    }

    /// Adds another accumulator's sums, group by group and bucket by bucket (so exact), its
    /// group codes translated by `recoding`.
    mutating func merge(_ other: VarianceShareAccumulator, recoding: GroupRecoder = .identity) {
        guard other.score.bucketCount == score.bucketCount else { return }
        for code in other.slots.indices where other.slots[code] >= 0 {
            let merged = recoding.code(code, ofField: group)
            guard merged >= 0, merged < Self.codeLimit else { continue }
            groups.add(group: groupNumber(of: merged), from: other.groups, group: Int(other.slots[code]))
        }
    }

    /// Each recorded group's sums by code (groups added for respondents without a score hold zeros
    /// and are left out): respondents, Σw, then per bucket Σw × numerator, then per bucket
    /// Σw × numerator².
    func groupSums() -> [Int: [Double]] {
        var sums: [Int: [Double]] = [:]
        for code in slots.indices where slots[code] >= 0 && groups.respondents(ofGroup: Int(slots[code])) > 0 {
            sums[code] = groups.sums(ofGroup: Int(slots[code]))
        }
        return sums
    }

    /// The overall figure (eta squared, n = respondents in the groups used) and the detail.
    ///
    /// Two passes over the groups in code order, the second feeding the decomposition straight
    /// from the sums: with one group per nine respondents, gathering the groups would be the
    /// largest allocation of a run.
    func result(_ rules: FigureRules) -> (Figure, MetricDetail) {
        var groupsUsed = 0
        var respondents = 0
        var below = 0
        var n = 0.0
        var sum = 0.0
        var sumOfSquares = 0.0
        forEachGroup { number, rawN in
            guard !rules.isBelowThreshold(rawN) else {
                below += 1
                return
            }
            let (weight, groupSum, groupSquares) = groups.scoreTotals(ofGroup: number, score: score)
            groupsUsed += 1
            respondents += rawN
            n += weight
            sum += groupSum
            sumOfSquares += groupSquares
        }
        var builder = VarianceDecomposition.Builder(n: n, sum: sum, sumOfSquares: sumOfSquares)
        forEachGroup { number, rawN in
            guard !rules.isBelowThreshold(rawN) else { return }
            let totals = groups.scoreTotals(ofGroup: number, score: score)
            builder.add(VarianceDecomposition.Group(n: totals.weight, sum: totals.total))
        }
        let decomposition = builder.result()
        let hidden = rules.isBelowThreshold(respondents)
        let eta = hidden ? nil : decomposition?.etaSquared
        let icc = hidden ? nil : decomposition?.icc1
        let figure = rules.guarded(Figure(value: eta, n: respondents), rawN: respondents)
        return (
            figure,
            .varianceShare(
                etaSquared: eta, icc1: icc, groups: groupsUsed, respondents: respondents, groupsBelowThreshold: below,
                score: score.name, grouping: groupName)
        )
    }
}

extension VarianceShareAccumulator {
    /// Calls `body` with the number and respondent count of every group with respondents, in
    /// code order.
    private func forEachGroup(_ body: (_ number: Int, _ respondents: Int) -> Void) {
        for code in slots.indices where slots[code] >= 0 {
            let number = Int(slots[code])
            let respondents = groups.respondents(ofGroup: number)
            if respondents > 0 { body(number, respondents) }
        }
    }
}

extension VarianceShareAccumulator: Equatable {
    /// Equal when every group holds the same sums, whatever order the groups were first seen in.
    static func == (lhs: VarianceShareAccumulator, rhs: VarianceShareAccumulator) -> Bool {
        lhs.score == rhs.score && lhs.group == rhs.group && lhs.groupName == rhs.groupName
            && lhs.groupSums() == rhs.groupSums()
    }
}
