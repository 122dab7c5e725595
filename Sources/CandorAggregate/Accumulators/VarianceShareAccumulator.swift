import CandorCore
import CandorClean

/// A `variance_share` metric: ICC(1) (the primary figure, with its F interval), the F test and
/// eta squared of a per-respondent score by a grouping field, over groups of at least the
/// anonymity size.
package struct VarianceShareMetric: MetricDefinition {
    package static let name = "variance_share"
    package static let keys = ["score", "group"]
    package static let unit = FigureUnit.fraction
    package static let valuePlaceholder: String? = "icc"

    /// The per-respondent score.
    package var score: Score
    /// The grouping (category) field.
    package var group: Int

    /// Creates the definition.
    package init(score: Score, group: Int) {
        self.score = score
        self.group = group
    }

    package static func resolve<Arguments: MetricArguments>(
        _ arguments: inout Arguments
    ) throws(Arguments.Failure) -> VarianceShareMetric {
        let group = try arguments.required("group", of: name, try arguments.field("group"))
        guard case .category = arguments.kind(ofField: group) else {
            throw arguments.error(at: "group", "variance_share's group must be a category field")
        }
        return VarianceShareMetric(
            score: try arguments.required("score", of: name, try arguments.score("score")), group: group)
    }
}

extension MetricKind {
    /// A `variance_share` metric (see `VarianceShareMetric`).
    package static func varianceShare(score: Score, group: Int) -> MetricKind {
        MetricKind(VarianceShareMetric(score: score, group: group))
    }
}

/// Accumulates a `variance_share` metric: per group of the grouping field (a manager, say), the
/// count and sums of a per-respondent score, for eta squared and ICC(1).
struct VarianceShareAccumulator: MetricAccumulator {
    /// The score.
    let score: ScoreReader
    /// The grouping field.
    let group: Int
    /// The grouping field's name.
    let groupName: String
    /// The groups' counts and sums, by code: a group's number is its value's category code.
    /// Codes are dense (one per distinct value, in order of first appearance), so indexing by
    /// code needs no map from codes to groups; a value with no scored response keeps an empty
    /// group, which no result reads.
    private(set) var groups: GroupScoreSums
    /// Respondents with a score and a blank (or unusable) grouping value: left out, and counted.
    private(set) var withoutGroup = 0

    /// Codes at or above this are no group. A manager or team field has one code per distinct
    /// value, so this is far above real data, while bad data (an id misdeclared as the group)
    /// cannot allocate more groups than this.
    static let codeLimit = 1 << 22

    /// From this many groups on, a batch's groups are read in one loop before its responses
    /// are counted: their sums then outgrow the CPU's nearer caches,
    /// and counting would wait on memory once per response.
    private static let touchThreshold = 1 << 14
    /// What touching read, kept so that the reads stay.
    private var touchedGroups: UInt64 = 0

    /// Creates an empty accumulator.
    init(_ metric: VarianceShareMetric, context: AccumulatorContext) {
        let schema = context.schema
        let group = metric.group
        score = ScoreReader(metric.score, schema: schema)
        self.group = group
        groupName = schema.fields.indices.contains(group) ? schema.fields[group].name : "field \(group)"
        groups = GroupScoreSums(bucketCount: self.score.bucketCount)
    }

    /// The code a stored value of the grouping field stands for, or −1.
    @inline(__always)
    static func code(_ value: Int64) -> Int { value >= 0 && value < codeLimit ? Int(value) : -1 }

    /// Counts every response of `batch` (groups are by code, so `ids` is not needed).
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        guard group < batch.width else { return }
        let group = group
        var highest = -1
        for index in 0..<batch.count { highest = max(highest, Self.code(batch.values[index * batch.width + group])) }
        groups.extend(toCount: highest + 1)
        if groups.count >= Self.touchThreshold {
            var touched: UInt64 = 0
            for index in 0..<batch.count {
                let code = Self.code(batch.values[index * batch.width + group])
                if code >= 0 { touched ^= groups.countAndBucket(ofGroup: code) }
            }
            touchedGroups ^= touched
        }
        let score = score
        score.fields.withUnsafeBufferPointer { fields in
            for index in 0..<batch.count {
                guard let (numerator, bucket) = score.read(batch.row(index), fields: fields) else { continue }
                let code = Self.code(batch.values[index * batch.width + group])
                guard code >= 0 else {
                    withoutGroup += 1
                    continue
                }
                groups.add(group: code, bucket: bucket, weight: batch.weights[index], numerator: numerator)
            }
        }
    }

    /// Adds another accumulator's sums, group by group and bucket by bucket (so exact), its
    /// group codes translated by `recoding`.
    mutating func merge(_ other: VarianceShareAccumulator, recoding: GroupRecoder) {
        guard other.score.bucketCount == score.bucketCount else { return }
        withoutGroup += other.withoutGroup
        // A chunk at a time, its groups here touched first (as in `add`): the codes of the two
        // parts' groups follow different orders, so each addition lands at a random group.
        let chunk = 512
        var merged: [Int] = []
        merged.reserveCapacity(chunk)
        var touched: UInt64 = 0
        for start in stride(from: 0, to: other.groups.count, by: chunk) {
            let codes = start..<min(start + chunk, other.groups.count)
            merged.removeAll(keepingCapacity: true)
            for code in codes { merged.append(recoding.code(code, ofField: group)) }
            for code in merged where code >= 0 && code < groups.count {
                touched ^= groups.countAndBucket(ofGroup: code)
            }
            for (code, mine) in zip(codes, merged) where other.groups.respondents(ofGroup: code) > 0 {
                guard mine >= 0, mine < Self.codeLimit else { continue }
                groups.extend(toCount: mine + 1)
                groups.add(group: mine, from: other.groups, group: code)
            }
        }
        touchedGroups ^= touched
    }

    /// Groups are indexed by the grouping field's codes, up to `codeLimit`.
    var recodingLimits: [RecodingLimit] { [RecodingLimit(field: group, limit: Self.codeLimit)] }

    /// The state is the count of respondents without a group, then the groups' sums
    /// (`GroupScoreSums.encodeState`).
    func encodeState(into writer: inout StateWriter) {
        writer.integer(withoutGroup)
        groups.encodeState(into: &writer)
    }

    /// Reads what `encodeState` wrote; no more groups than `codeLimit`.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        withoutGroup = try reader.integer()
        var decoded = GroupScoreSums(bucketCount: score.bucketCount)
        try decoded.decodeState(from: &reader)
        guard decoded.count <= Self.codeLimit else {
            throw StateDecodingError(offset: reader.offset, "\(decoded.count) groups, past the limit")
        }
        groups = decoded
    }

    /// Each recorded group's sums by code (groups added for respondents without a score hold zeros
    /// and are left out): respondents, Σw, then per bucket Σw × numerator, then per bucket
    /// Σw × numerator².
    func groupSums() -> [Int: [Double]] {
        var sums: [Int: [Double]] = [:]
        for code in 0..<groups.count where groups.respondents(ofGroup: code) > 0 {
            sums[code] = groups.sums(ofGroup: code)
        }
        return sums
    }

    /// ICC(1) overall (no segments); the F test, eta squared and the groups in the detail.
    func result(_ context: ResultContext) -> MetricOutcome {
        let (overall, detail) = result(context.rules)
        return MetricOutcome(overall: overall, detail: detail)
    }

    /// The overall figure (ICC(1) with its F interval, n = respondents in the groups used) and the
    /// detail.
    ///
    /// Two passes over the groups in code order, the second feeding the decomposition straight
    /// from the sums: with one group per nine respondents, gathering the groups would be the
    /// largest allocation of a run.
    func result(_ rules: FigureRules) -> (Figure, MetricDetail) {
        var groupsUsed = 0
        var respondents = 0
        var below = 0
        var respondentsBelow = 0
        var n = 0.0
        var sum = 0.0
        var sumOfSquares = 0.0
        forEachGroup { number, rawN in
            guard !rules.isBelowThreshold(rawN) else {
                below += 1
                respondentsBelow += rawN
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
        let shown = hidden(respondents, rules) ? nil : decomposition
        let interval = shown?.fTest?.icc1Interval
        let figure = rules.guarded(
            Figure(
                value: shown?.icc1, n: respondents, interval: interval,
                unreliable: (interval?.width ?? 0) > rules.maxIntervalWidth),
            rawN: respondents)
        let figures = VarianceShareFigures(
            icc1: shown?.icc1, fTest: shown?.fTest, etaSquared: shown?.etaSquared,
            etaSquaredChance: shown?.etaSquaredChance, groups: groupsUsed, respondents: respondents,
            groupsBelowThreshold: below, respondentsBelowThreshold: respondentsBelow,
            respondentsWithoutGroup: withoutGroup, score: score.name, grouping: groupName)
        return (figure, .varianceShare(figures))
    }

    /// Whether figures over `respondents` respondents may not be shown.
    private func hidden(_ respondents: Int, _ rules: FigureRules) -> Bool {
        rules.isBelowThreshold(respondents)
    }
}

extension VarianceShareAccumulator {
    /// Calls `body` with the number (code) and respondent count of every group with
    /// respondents, in code order.
    private func forEachGroup(_ body: (_ number: Int, _ respondents: Int) -> Void) {
        for code in 0..<groups.count {
            let respondents = groups.respondents(ofGroup: code)
            if respondents > 0 { body(code, respondents) }
        }
    }
}

extension VarianceShareAccumulator: Equatable {
    /// Equal when every group with respondents holds the same sums.
    static func == (lhs: VarianceShareAccumulator, rhs: VarianceShareAccumulator) -> Bool {
        lhs.score == rhs.score && lhs.group == rhs.group && lhs.groupName == rhs.groupName
            && lhs.withoutGroup == rhs.withoutGroup && lhs.groupSums() == rhs.groupSums()
    }
}
