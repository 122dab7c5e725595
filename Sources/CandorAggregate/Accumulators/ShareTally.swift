/// The running sums behind one share: who is in the base, and how much of the base has the trait.
///
/// For a share of respondents `base` is the respondents' weight; for a share of answers (a Likert
/// index pools several answers per respondent) it is the answers' weight while `weight` and
/// `weightSquares` still describe respondents, whose count is the honest sample size.
struct ShareTally: Equatable, Sendable {
    /// Respondents in the base, unweighted: the count the anonymity threshold applies to.
    var rawN = 0
    /// Σw over those respondents.
    var weight = 0.0
    /// Σw² over those respondents, for the Kish effective n.
    var weightSquares = 0.0
    /// The share's denominator: Σw of respondents, or of answers.
    var base = 0.0
    /// The share's numerator.
    var successes = 0.0

    /// This tally minus a part of it: the rest of the respondents when `part` is one group.
    func removing(_ part: ShareTally) -> ShareTally {
        ShareTally(
            rawN: rawN - part.rawN, weight: weight - part.weight, weightSquares: weightSquares - part.weightSquares,
            base: base - part.base, successes: successes - part.successes)
    }

    /// The share, or `nil` with an empty base.
    var share: Double? { base > 0 ? successes / base : nil }

    /// The sample size behind the share: the respondent count, or the Kish effective n when
    /// weighted.
    func effectiveN(weighted: Bool) -> Double {
        weighted ? KishEffectiveN.effectiveN(sumOfWeights: weight, sumOfSquaredWeights: weightSquares) : Double(rawN)
    }

    /// The successes on the scale of the effective n, for tests that take counts.
    ///
    /// Unweighted shares of respondents give back the raw count exactly (the factor is n/n = 1).
    func effectiveSuccesses(weighted: Bool) -> Double {
        let n = effectiveN(weighted: weighted)
        if base == weight, weight > 0 { return successes * (n / weight) }
        return (share ?? 0) * n
    }
}

/// The running sums behind a Net Promoter Score.
struct PromoterTally: Equatable, Sendable {
    /// Respondents who answered, unweighted.
    var rawN = 0
    /// Σw.
    var weight = 0.0
    /// Σw².
    var weightSquares = 0.0
    /// Σw of 9–10 answers.
    var promoters = 0.0
    /// Σw of 7–8 answers.
    var passives = 0.0
    /// Σw of 0–6 answers.
    var detractors = 0.0

    /// This tally minus one group of it.
    func removing(_ part: PromoterTally) -> PromoterTally {
        PromoterTally(
            rawN: rawN - part.rawN, weight: weight - part.weight, weightSquares: weightSquares - part.weightSquares,
            promoters: promoters - part.promoters, passives: passives - part.passives,
            detractors: detractors - part.detractors)
    }

    /// The score with its interval; `nil` when nobody answered.
    func score(weighted: Bool) -> NetPromoterScore? {
        let n =
            weighted
            ? KishEffectiveN.effectiveN(sumOfWeights: weight, sumOfSquaredWeights: weightSquares) : Double(rawN)
        return NetPromoterScore(promoters: promoters, passives: passives, detractors: detractors, effectiveN: n)
    }

    /// The bucket tally for one of promoters, passives or detractors, as a share of respondents.
    func bucket(_ keyPath: KeyPath<PromoterTally, Double>) -> ShareTally {
        ShareTally(
            rawN: rawN, weight: weight, weightSquares: weightSquares, base: weight, successes: self[keyPath: keyPath])
    }
}
