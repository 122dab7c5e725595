import CandorClean

/// Turns tallies into `Figure`s under the plan's privacy and reliability rules.
struct FigureRules: Sendable {
    /// The anonymity threshold, on raw respondent counts.
    let minGroupSize: Int
    /// The widest acceptable 95% interval (a fraction; ×100 for scores in points).
    let maxIntervalWidth: Double
    /// Whether the pipeline declares weights: figures then carry the Kish effective n.
    let weighted: Bool
    /// How a segment table's p-values are adjusted for the number of groups tested in it.
    var adjustment: PValueAdjustment = .benjaminiHochberg

    /// Suppression reason for a group under the threshold.
    static let belowThreshold = "below_threshold"
    /// Suppression reason for a group hidden so a small one cannot be derived.
    static let complementary = "complementary"
    /// Suppression reason for a figure a display rule (engagement classes) withholds.
    static let displayRule = "display_rule"

    /// A share with its Wilson interval (on the effective n), unsuppressed.
    func figure(_ tally: ShareTally) -> Figure {
        guard let share = tally.share, tally.rawN > 0 else {
            return Figure(value: nil, n: tally.rawN)
        }
        let n = tally.effectiveN(weighted: weighted)
        var interval = WilsonInterval.interval(share: share, effectiveN: n)
        if weighted { interval?.method = .kishWilson }
        return Figure(
            value: share, count: tally.successes, n: tally.rawN, effectiveN: weighted ? n : nil, interval: interval,
            unreliable: (interval?.width ?? 0) > maxIntervalWidth)
    }

    /// A Net Promoter Score in points with its interval, unsuppressed.
    func figure(_ tally: PromoterTally) -> Figure {
        guard let score = tally.score(weighted: weighted) else { return Figure(value: nil, n: tally.rawN) }
        var figure = Figure(
            value: score.score, n: tally.rawN, effectiveN: weighted ? score.n : nil, interval: score.interval,
            unreliable: score.interval.width > maxIntervalWidth * 100)
        figure.promoterSplit = PromoterSplit(promoters: tally.promoters, detractors: tally.detractors)
        return figure
    }

    /// `figure` hidden when `rawN` is under the threshold.
    func guarded(_ figure: Figure, rawN: Int) -> Figure {
        // An empty base reveals nothing about anyone: it is "no answers", not a privacy matter.
        rawN > 0 && isBelowThreshold(rawN) ? figure.hidden(Self.belowThreshold) : figure
    }

    /// Whether a base of `rawN` respondents may not be shown.
    func isBelowThreshold(_ rawN: Int) -> Bool { rawN < minGroupSize }

    /// Var(NPS) in points²: 100²·(p₊ + p₋ − (p₊ − p₋)²)/n.
    static func promoterVariance(_ score: NetPromoterScore) -> Double {
        let difference = score.promoterShare - score.detractorShare
        return 10_000 * max(0, score.promoterShare + score.detractorShare - difference * difference) / score.n
    }
}
