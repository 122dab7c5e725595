import CandorClean

/// Accumulates a `variance_share` metric: per group of the grouping field (a manager, say), the
/// count and sums of a per-respondent score, for eta squared and ICC(1).
struct VarianceShareAccumulator: Equatable, Sendable {
    /// One group's sums.
    struct GroupSums: Mergeable {
        /// Respondents with a score, unweighted (the anonymity threshold applies to it).
        var rawN = 0
        /// Σw.
        var weight = 0.0
        /// Σw × numerator, per bucket (see `ScoreReader`).
        var numerators: [Double]
        /// Σw × numerator², per bucket.
        var squares: [Double]

        mutating func merge(_ other: GroupSums) {
            rawN += other.rawN
            weight += other.weight
            numerators.addElementwise(other.numerators)
            squares.addElementwise(other.squares)
        }
    }

    /// The score.
    let score: ScoreReader
    /// The grouping field.
    let group: Int
    /// The grouping field's name.
    let groupName: String
    /// Per group code.
    private(set) var groups: [GroupSums] = []
    /// An empty group.
    let empty: GroupSums

    /// Creates an empty accumulator.
    init(score: Score, group: Int, schema: SurveySchema) {
        self.score = ScoreReader(score, schema: schema)
        self.group = group
        groupName = schema.fields.indices.contains(group) ? schema.fields[group].name : "field \(group)"
        let buckets = self.score.bucketCount
        empty = GroupSums(numerators: Array(repeating: 0, count: buckets), squares: Array(repeating: 0, count: buckets))
    }

    /// Counts one response.
    @inline(__always)
    mutating func add(_ row: UnsafeBufferPointer<Int64>, weight: Double) {
        let code = SegmentLayout.code(row[group], .value)
        guard code >= 0, let (numerator, bucket) = score.read(row) else { return }
        if code >= groups.count { groups.append(contentsOf: repeatElement(empty, count: code + 1 - groups.count)) }
        groups[code].rawN += 1
        groups[code].weight += weight
        groups[code].numerators[bucket] += weight * numerator
        groups[code].squares[bucket] += weight * numerator * numerator
    }

    /// Adds another accumulator's sums.
    mutating func merge(_ other: VarianceShareAccumulator) { groups.mergeGrowing(other.groups, empty: empty) }

    /// The overall figure (eta squared, n = respondents in the groups used) and the detail.
    func result(_ rules: FigureRules) -> (Figure, MetricDetail) {
        var used: [VarianceDecomposition.Group] = []
        var respondents = 0
        var below = 0
        var n = 0.0
        var sum = 0.0
        var sumOfSquares = 0.0
        for group in groups where group.rawN > 0 {
            guard !rules.isBelowThreshold(group.rawN) else {
                below += 1
                continue
            }
            let groupSum = score.total(group.numerators)
            used.append(VarianceDecomposition.Group(n: group.weight, sum: groupSum))
            respondents += group.rawN
            n += group.weight
            sum += groupSum
            sumOfSquares += score.totalOfSquares(group.squares)
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
