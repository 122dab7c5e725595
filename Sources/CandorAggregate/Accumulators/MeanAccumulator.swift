import CandorCore
import CandorClean

/// A `mean` metric: the mean of an integer, number or Likert field with its 95% t interval,
/// mean ± t(0.975, n − 1)·s/√n.
///
/// Weighted: x̄_w = Σwx/Σw, s_w² = Σw(x − x̄_w)²/(Σw − Σw²/Σw), with Kish's effective n in place
/// of n. Groups are compared with the rest of the respondents by Welch's t-test.
package struct MeanMetric: MetricDefinition {
    package static let name = "mean"
    package static let keys = ["field"]
    package static let unit = FigureUnit.score
    package static let valuePlaceholder: String? = "mean"

    /// The field averaged.
    package var field: Int

    /// Creates the definition.
    package init(field: Int) { self.field = field }

    package static func resolve<Arguments: MetricArguments>(
        _ arguments: inout Arguments
    ) throws(Arguments.Failure) -> MeanMetric {
        let field = try arguments.required("field", of: name, try arguments.field("field"))
        switch arguments.kind(ofField: field) {
        case .integer, .number, .likert: return MeanMetric(field: field)
        default: throw arguments.error(at: "field", "a mean metric needs an integer, number or likert field")
        }
    }
}

extension MetricKind {
    /// A `mean` metric (see `MeanMetric`).
    package static func mean(field: Int) -> MetricKind { MetricKind(MeanMetric(field: field)) }
}

/// The running sums behind a mean: Σw, Σw², Σw·x′ and Σw·x′² of the values shifted by a fixed
/// `shift` (x′ = x − shift).
///
/// The shift is the middle of the field's declared range, rounded down to an integer, the same
/// for every part of an input, so the sums still merge by addition. It keeps Σw·x′² − (Σw·x′)²/Σw
/// from cancelling when values sit far from zero; on unweighted integer data every sum is an
/// integer and exact below 2⁵³.
struct MeanTally: FlatState {
    /// Respondents with a value, unweighted.
    var rawN = 0
    /// Σw, Σw².
    var weight = 0.0, weightSquares = 0.0
    /// Σw·x′, Σw·x′².
    var sum = 0.0, sumOfSquares = 0.0
    /// Subtracted from every value before it is summed.
    var shift = 0.0
    /// The width of the field's declared range, against which an interval is judged unreliable;
    /// `nil` when the range is open.
    var span: Double?

    /// `rawN, weight, weightSquares, sum, sumOfSquares`.
    var flatCount: Int { 5 }
    var presenceOffset: Int { 0 }

    func reading(_ values: [Double]) -> MeanTally {
        MeanTally(
            rawN: Int(values[0]), weight: values[1], weightSquares: values[2], sum: values[3],
            sumOfSquares: values[4], shift: shift, span: span)
    }

    /// This tally minus one group of it: the rest of the respondents.
    func removing(_ part: MeanTally) -> MeanTally {
        MeanTally(
            rawN: rawN - part.rawN, weight: weight - part.weight, weightSquares: weightSquares - part.weightSquares,
            sum: sum - part.sum, sumOfSquares: sumOfSquares - part.sumOfSquares, shift: shift, span: span)
    }

    /// The sample size: the respondent count, or Kish's effective n when weighted.
    func effectiveN(weighted: Bool) -> Double {
        weighted ? KishEffectiveN.effectiveN(sumOfWeights: weight, sumOfSquaredWeights: weightSquares) : Double(rawN)
    }

    /// The mean of the shifted values, and their variance s_w² = Σw(x′ − x̄′)²/(Σw − Σw²/Σw) (the
    /// sample variance, n − 1 denominator, when every weight is 1); the variance is `nil` with
    /// fewer than two respondents' worth of weight.
    var shiftedMoments: (mean: Double, variance: Double?)? {
        guard rawN > 0, weight > 0 else { return nil }
        let mean = sum / weight
        let denominator = weight - weightSquares / weight
        guard rawN >= 2, denominator > 0 else { return (mean, nil) }
        return (mean, max(0, sumOfSquares - sum * mean) / denominator)
    }
}

extension MeanTally: PrimaryTally {
    /// The mean with its t interval on the effective n, unsuppressed.
    func figure(_ rules: FigureRules) -> Figure {
        guard let (shiftedMean, variance) = shiftedMoments else { return Figure(value: nil, n: rawN) }
        let mean = shift + shiftedMean
        let n = effectiveN(weighted: rules.weighted)
        var interval: Interval?
        if let variance, n > 1, let t = StudentT.quantile(0.975, degreesOfFreedom: n - 1) {
            let half = t * (variance / n).squareRoot()
            interval = Interval(low: mean - half, high: mean + half, method: .t)
        }
        let unreliable = interval.map { interval in span.map { interval.width > rules.maxIntervalWidth * $0 } ?? false }
        return Figure(
            value: mean, n: rawN, effectiveN: rules.weighted ? n : nil, interval: interval,
            unreliable: unreliable ?? false)
    }

    /// Welch's t-test of this group's mean against the rest's, each side with its own variance
    /// and (effective) n; too few to test when either side has an (effective) n under 2.
    func test(against overall: MeanTally, rules: FigureRules) -> GroupTest {
        let rest = overall.removing(self)
        guard let group = summary(weighted: rules.weighted), let others = rest.summary(weighted: rules.weighted),
            group.n >= 2, others.n >= 2
        else { return .tooFewToTest }
        return GroupComparison.welchTTest(group, others).map { .approximate(pValue: $0.pValue) } ?? .undefined
    }

    static func testName(pooledAnswers: Bool) -> String {
        "Welch's t-test of the group's mean against the rest of the respondents' (weighted: with Kish's effective n "
            + "per side); too few to test where either side has fewer than 2"
    }

    /// The sample's n, mean and variance for Welch's test.
    private func summary(weighted: Bool) -> GroupComparison.MeanSummary? {
        guard let (mean, variance) = shiftedMoments, let variance else { return nil }
        return GroupComparison.MeanSummary(n: effectiveN(weighted: weighted), mean: mean, variance: variance)
    }
}

/// Accumulates a `mean` metric: overall and per group, the sums of `MeanTally`.
struct MeanAccumulator: MetricAccumulator {
    /// Reads the field's value (a `number` field's bits as a `Double`).
    let reader: ScoreReader
    /// The field's name.
    let fieldName: String
    /// Sums overall and per group.
    private(set) var tallies: Breakdown<MeanTally>

    /// Creates an empty accumulator.
    init(_ metric: MeanMetric, context: AccumulatorContext) {
        let schema = context.schema
        reader = ScoreReader(.field(metric.field), schema: schema)
        fieldName = reader.name
        var range: (low: Double, high: Double)?
        if schema.fields.indices.contains(metric.field) {
            switch schema.fields[metric.field].kind {
            case .integer(let low, let high): range = (Double(low), Double(high))
            case .number(let low, let high): range = (low, high)
            case .likert(let scale, _): range = (Double(scale.minimum), Double(scale.maximum))
            default: range = nil
            }
        }
        // A range too wide to be meant (the defaults of integer and number fields) shifts nothing
        // and judges no interval.
        let declared = range.flatMap { $0.high - $0.low < 1e15 && abs($0.low) < 1e15 ? $0 : nil }
        let empty = MeanTally(
            shift: declared.map { (($0.low + $0.high) / 2).rounded(.down) } ?? 0,
            span: declared.map { $0.high - $0.low })
        tallies = Breakdown(empty: empty, layout: context.layout)
    }

    /// Adds every response of `batch` with a value; `ids` is scratch for the group ids.
    mutating func add(_ batch: BatchView, ids: UnsafeMutableBufferPointer<Int>) {
        guard reader.fields[0] < batch.width else { return }
        tallies.prepare(batch, ids: ids)
        let reader = reader
        let shift = tallies.empty.shift
        let groupSlots = tallies.groupSlots
        let stride = tallies.stride
        reader.fields.withUnsafeBufferPointer { fields in
            tallies.withStates { states in
                for index in 0..<batch.count {
                    guard let (value, _) = reader.read(batch.row(index), fields: fields) else { continue }
                    let weight = batch.weights[index]
                    let shifted = value - shift
                    let weighted = weight * shifted
                    batch.forEachState(of: index, ids: ids, groupSlots: groupSlots, stride: stride) { offset in
                        states[offset] += 1
                        states[offset + 1] += weight
                        states[offset + 2] += weight * weight
                        states[offset + 3] += weighted
                        states[offset + 4] += weighted * shifted
                    }
                }
            }
        }
    }

    mutating func merge(_ other: MeanAccumulator, recoding: GroupRecoder) {
        tallies.merge(other.tallies, recoding: recoding)
    }

    var recodingLimits: [RecodingLimit] { [] }

    /// The state is the breakdown: its groups and their tallies.
    func encodeState(into writer: inout StateWriter) { tallies.encodeState(into: &writer) }

    /// Reads the breakdown `encodeState` wrote.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        try tallies.decodeState(from: &reader)
    }

    /// The mean overall and per group; the method in words.
    func result(_ context: ResultContext) -> MetricOutcome {
        let (overall, segments) = context.segmented(tallies, primary: { $0 })
        let definition =
            "mean of \(fieldName), with its 95% t interval mean ± t(0.975, n − 1)·s/√n; weighted, "
            + "x̄ = Σwx/Σw and s² = Σw(x − x̄)²/(Σw − Σw²/Σw) with Kish's effective n for n"
        return MetricOutcome(overall: overall, detail: .summary(definition: definition), segments: segments)
    }
}
