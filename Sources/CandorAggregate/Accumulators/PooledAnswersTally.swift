/// The running sums behind a Likert index: each respondent's answers pooled over the block's
/// items, with the per-respondent sums its clustered intervals need (see `ClusteredRatio`).
///
/// Per respondent i with weight w, m answers of which f favourable, u unfavourable and
/// n = m − f − u neutral, the state adds w, w², wm, wf, wu and, per class c, w²c² and w²cm,
/// plus w²m².
struct PooledAnswersTally: Equatable, Sendable {
    /// Respondents with at least one answer, their Σw and Σw²; `base` is Σwm (the answers'
    /// weight), `successes` Σwf.
    var respondents = ShareTally()
    /// Σwu.
    var unfavourable = 0.0
    /// Σw²m².
    var answerSquares = 0.0
    /// Per class (favourable, unfavourable, neutral): Σw²c².
    var classSquares: [Double] = [0, 0, 0]
    /// Per class (favourable, unfavourable, neutral): Σw²cm.
    var classCrossProducts: [Double] = [0, 0, 0]

    /// Values in the flat layout: `respondents` (5), `unfavourable`, `answerSquares`, then
    /// per class its square and cross product.
    static let flatCount = 13

    /// The sums of one class as a ratio of answers: 1 favourable, −1 unfavourable, 0 neutral.
    func ratio(_ wanted: Int8) -> ClusteredRatio {
        let slot = wanted == 1 ? 0 : (wanted == -1 ? 1 : 2)
        let numerator =
            wanted == 1
            ? respondents.successes
            : (wanted == -1 ? unfavourable : respondents.base - respondents.successes - unfavourable)
        return ClusteredRatio(
            respondents: respondents.rawN, numerator: numerator, denominator: respondents.base,
            numeratorSquares: classSquares[slot], crossProducts: classCrossProducts[slot],
            denominatorSquares: answerSquares)
    }

    /// The tally held by `values` (`flatCount` of them, from index 0).
    static func reading(_ values: ArraySlice<Double>) -> PooledAnswersTally {
        let start = values.startIndex
        return PooledAnswersTally(
            respondents: ShareTally().reading(Array(values[start..<start + 5])), unfavourable: values[start + 5],
            answerSquares: values[start + 6],
            classSquares: [values[start + 7], values[start + 9], values[start + 11]],
            classCrossProducts: [values[start + 8], values[start + 10], values[start + 12]])
    }
}

extension PooledAnswersTally {
    /// What one respondent adds to the sums after `respondents`' first five, worked out once
    /// per response and added to each of its groups.
    struct Increment {
        /// wu, w²m², then per class (favourable, unfavourable, neutral) w²c² and w²cm.
        let sums: (Double, Double, Double, Double, Double, Double, Double, Double)
        /// w.
        let weight: Double
        /// wm.
        let answers: Double
        /// wf.
        let favourable: Double

        /// The increment of a respondent of weight `w` with `answered` answers, `favourable` of
        /// them favourable and `unfavourable` unfavourable.
        @inline(__always)
        init(weight w: Double, answered m: Double, favourable f: Double, unfavourable u: Double) {
            let n = m - f - u
            let w2 = w * w
            sums = (w * u, w2 * m * m, w2 * f * f, w2 * f * m, w2 * u * u, w2 * u * m, w2 * n * n, w2 * n * m)
            weight = w
            answers = w * m
            favourable = w * f
        }
    }
}

extension UnsafeMutableBufferPointer where Element == Double {
    /// Adds one respondent's `increment` to a `PooledAnswersTally` stored at `offset`.
    @inline(__always)
    func recordPooledAnswers(at offset: Int, _ increment: PooledAnswersTally.Increment) {
        recordShare(at: offset, weight: increment.weight, base: increment.answers, successes: increment.favourable)
        let sums = increment.sums
        self[offset + 5] += sums.0
        self[offset + 6] += sums.1
        self[offset + 7] += sums.2
        self[offset + 8] += sums.3
        self[offset + 9] += sums.4
        self[offset + 10] += sums.5
        self[offset + 11] += sums.6
        self[offset + 12] += sums.7
    }
}

extension PooledAnswersTally: PrimaryTally {
    var rawN: Int { respondents.rawN }

    /// The favourable share of answers with its clustered interval.
    func figure(_ rules: FigureRules) -> Figure { rules.figure(ratio(1), respondents: respondents) }

    /// The test of the favourable share of answers against the rest's, each with its standard
    /// error clustered by respondent (as the interval is); too few to test where an expected
    /// count of the group-against-rest table of answers is under 5, as for a share.
    func test(against overall: PooledAnswersTally, rules: FigureRules) -> GroupTest {
        if case .tooFewToTest = respondents.test(against: overall.respondents, rules: rules) { return .tooFewToTest }
        let group = ratio(1)
        return group.differencePValue(from: overall.ratio(1).removing(group)).map { .approximate(pValue: $0) }
            ?? .undefined
    }

    static func testName(pooledAnswers: Bool) -> String { ShareTally.testName(pooledAnswers: true) }
}
