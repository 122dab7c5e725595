/// What an accumulator needs to turn its state into a result: the figure rules and the
/// segment tables' labels.
struct ResultContext {
    /// The privacy and reliability rules.
    let rules: FigureRules
    /// Builds segment tables with the anonymity threshold and complementary suppression.
    let builder: SegmentTableBuilder

    /// The overall figure and segment tables of a metric broken down by segments.
    ///
    /// - Parameters:
    ///   - tallies: The accumulator's states, overall and per group.
    ///   - primary: The tally of a state's primary figure.
    ///   - pooledAnswers: The figure is a share of answers pooled over items: its count is
    ///     answers, its n respondents, so no count is reported (see `LikertAccumulator`).
    ///   - displayN: Figures with fewer respondents are hidden by the display rule.
    ///   - mean: A state's mean, shown beside each group's figure (Likert metrics).
    func segmented<State, Tally: PrimaryTally>(
        _ tallies: Breakdown<State>, primary: (State) -> Tally, pooledAnswers: Bool = false, displayN: Int = 0,
        mean: ((State) -> Double?)? = nil
    ) -> (overall: Figure, segments: [SegmentTable]) {
        let mapped = tallies.map(primary)
        let overallTally = mapped.overall
        var (tables, withhold) = builder.tables(
            overall: overallTally, oneWay: mapped.oneWay, pairs: mapped.pairs,
            test: Tally.testName(pooledAnswers: pooledAnswers), displayN: displayN,
            means: mean.map { tallies.map($0) }.map { ($0.oneWay, $0.pairs) })
        var overall = rules.guarded(overallTally.figure(rules), rawN: overallTally.rawN)
        if pooledAnswers {
            overall.count = nil
            for table in tables.indices {
                for row in tables[table].rows.indices { tables[table].rows[row].figure.count = nil }
            }
        }
        if withhold && !overall.suppressed {
            overall = overall.hidden(FigureRules.belowThreshold)
        } else if !overall.suppressed && overallTally.rawN < displayN {
            overall = overall.hidden(FigureRules.displayRule)
        }
        return (overall, tables)
    }
}
