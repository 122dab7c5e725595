/// Building one metric's result from its accumulator.
extension Aggregator {
    func result(metric: MetricSpec, slot: Slot, rules: FigureRules, builder: SegmentTableBuilder) -> MetricResult {
        func segmented<State>(
            _ tallies: Breakdown<State>, primary: (State) -> PrimaryTally, detail: MetricDetail,
            pooledAnswers: Bool = false, displayN: Int = 0
        ) -> MetricResult {
            let mapped = tallies.map(primary)
            let overallTally = mapped.overall
            var (tables, withhold) = builder.tables(
                overall: overallTally, oneWay: mapped.oneWay, pairs: mapped.pairs,
                test: FigureRules.testName(for: overallTally, pooledAnswers: pooledAnswers), displayN: displayN)
            var overall = rules.guarded(rules.figure(overallTally), rawN: overallTally.rawN)
            if pooledAnswers {
                // A share of answers pooled over items: its count is answers, its n respondents,
                // so no count is reported (see `LikertAccumulator.figure`).
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
            return MetricResult(
                id: metric.id, label: metric.label, kind: metric.kind.name, overall: overall, detail: detail,
                segments: tables)
        }
        switch slot {
        case .share(let index):
            guard case .share(_, _, let definition) = metric.kind else { break }
            return segmented(
                shares[index].tallies, primary: ShareAccumulator.primary, detail: .share(definition: definition))
        case .multiselect(let index):
            let accumulator = multiselects[index]
            return segmented(
                accumulator.tallies, primary: MultiselectAccumulator.primary, detail: accumulator.detail(rules))
        case .likert(let index):
            let accumulator = likerts[index]
            return segmented(
                accumulator.tallies, primary: { accumulator.primary($0) }, detail: accumulator.detail(rules),
                pooledAnswers: accumulator.blockName != nil)
        case .promoter(let index):
            let accumulator = promoters[index]
            return segmented(
                accumulator.tallies, primary: PromoterAccumulator.primary, detail: accumulator.detail(rules))
        case .engagement(let index):
            let accumulator = engagements[index]
            return segmented(
                accumulator.tallies, primary: EngagementAccumulator.primary, detail: accumulator.detail(rules),
                displayN: accumulator.engagedDisplayN)
        case .varianceShare(let index):
            let (overall, detail) = varianceShares[index].result(rules)
            return MetricResult(
                id: metric.id, label: metric.label, kind: metric.kind.name, overall: overall, detail: detail)
        case .drivers(let index):
            let (overall, detail) = drivers[index].result(rules)
            return MetricResult(
                id: metric.id, label: metric.label, kind: metric.kind.name, overall: overall, detail: detail)
        }
        return MetricResult(
            id: metric.id, label: metric.label, kind: metric.kind.name, overall: Figure(value: nil, n: 0),
            detail: .share(definition: ""))
    }
}
