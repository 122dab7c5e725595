import CandorClean

/// Turns tallies into `Figure`s under the plan's privacy and reliability rules.
struct FigureRules: Sendable {
    /// The anonymity threshold, on raw respondent counts.
    let minGroupSize: Int
    /// The widest acceptable 95% interval (a fraction; ×100 for scores in points).
    let maxIntervalWidth: Double
    /// Whether the pipeline declares weights: figures then carry the Kish effective n.
    let weighted: Bool

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
        let interval = WilsonInterval.interval(share: share, effectiveN: n)
        return Figure(
            value: share, count: tally.successes, n: tally.rawN, effectiveN: weighted ? n : nil, interval: interval,
            unreliable: (interval?.width ?? 0) > maxIntervalWidth)
    }

    /// A Net Promoter Score in points with its interval, unsuppressed.
    func figure(_ tally: PromoterTally) -> Figure {
        guard let score = tally.score(weighted: weighted) else { return Figure(value: nil, n: tally.rawN) }
        return Figure(
            value: score.score, n: tally.rawN, effectiveN: weighted ? score.n : nil, interval: score.interval,
            unreliable: score.interval.width > maxIntervalWidth * 100)
    }

    /// The primary figure of a segment row or an overall result, unsuppressed.
    func figure(_ primary: PrimaryTally) -> Figure {
        switch primary {
        case .share(let tally): figure(tally)
        case .promoter(let tally): figure(tally)
        }
    }

    /// `figure` hidden when `rawN` is under the threshold.
    func guarded(_ figure: Figure, rawN: Int) -> Figure {
        // An empty base reveals nothing about anyone: it is "no answers", not a privacy matter.
        rawN > 0 && isBelowThreshold(rawN) ? figure.hidden(Self.belowThreshold) : figure
    }

    /// Whether a base of `rawN` respondents may not be shown.
    func isBelowThreshold(_ rawN: Int) -> Bool { rawN < minGroupSize }

    /// The two-sided p-value of a group against the rest of the respondents.
    ///
    /// Shares: the pooled two-proportion z-test on effective counts (raw counts when
    /// unweighted). NPS: z = (S_g − S_r) / √(V_g + V_r) with V = 100²·(p₊ + p₋ − (p₊ − p₋)²)/n for
    /// each side, the two sides being independent samples.
    func pValue(group: PrimaryTally, overall: PrimaryTally) -> Double? {
        switch (group, overall) {
        case (.share(let group), .share(let overall)):
            let rest = overall.removing(group)
            let groupN = group.effectiveN(weighted: weighted)
            let restN = rest.effectiveN(weighted: weighted)
            let groupSuccesses = group.effectiveSuccesses(weighted: weighted)
            return GroupComparison.twoProportionZTest(
                groupSuccesses: groupSuccesses, groupN: groupN,
                totalSuccesses: groupSuccesses + rest.effectiveSuccesses(weighted: weighted), totalN: groupN + restN
            )?.pValue
        case (.promoter(let group), .promoter(let overall)):
            let rest = overall.removing(group)
            guard rest.rawN > 0, let groupScore = group.score(weighted: weighted),
                let restScore = rest.score(weighted: weighted)
            else { return nil }
            let variance = Self.promoterVariance(groupScore) + Self.promoterVariance(restScore)
            guard variance > 0 else { return nil }
            return StandardNormal.twoSidedPValue(z: (groupScore.score - restScore.score) / variance.squareRoot())
        default:
            return nil
        }
    }

    /// Var(NPS) in points²: 100²·(p₊ + p₋ − (p₊ − p₋)²)/n.
    static func promoterVariance(_ score: NetPromoterScore) -> Double {
        let difference = score.promoterShare - score.detractorShare
        return 10_000 * max(0, score.promoterShare + score.detractorShare - difference * difference) / score.n
    }

    /// The name of the test `pValue` runs, for `SegmentTable.test`.
    static func testName(for primary: PrimaryTally, pooledAnswers: Bool) -> String {
        switch primary {
        case .share:
            pooledAnswers
                ? "two-proportion z-test (pooled) of the group's share of answers against the rest of the respondents, "
                    + "with respondents (not answers) as the sample size, 5% level"
                : "two-proportion z-test (pooled) of the group against the rest of the respondents, 5% level"
        case .promoter:
            "z-test of the difference between the group's NPS and the rest's, "
                + "Var = 100²·(p₊ + p₋ − (p₊ − p₋)²)/n per side, 5% level"
        }
    }
}
