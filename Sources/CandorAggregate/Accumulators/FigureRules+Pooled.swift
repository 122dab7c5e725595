extension FigureRules {
    /// A share of answers pooled over items, with its interval clustered by respondent,
    /// unsuppressed; `respondents` gives n (and, weighted, the Kish effective n).
    func figure(_ ratio: ClusteredRatio, respondents: ShareTally) -> Figure {
        guard let share = ratio.ratio, respondents.rawN > 0 else { return Figure(value: nil, n: respondents.rawN) }
        let interval = ratio.interval()
        var figure = Figure(
            value: share, n: respondents.rawN, effectiveN: weighted ? respondents.effectiveN(weighted: true) : nil,
            interval: interval, unreliable: (interval?.width ?? 0) > maxIntervalWidth)
        figure.answers = ratio.denominator
        return figure
    }
}
