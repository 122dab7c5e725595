import CandorAggregate

extension JSONReport {
    /// The kind's own detail object.
    static func detail(_ detail: MetricDetail) -> JSONValue {
        switch detail {
        case .summary(let definition):
            return .object(["definition": .string(definition)])
        case .multiselect(let options, let atLeastOne, let meanChosen):
            return .object([
                "options": .array(
                    options.map { option in
                        var members = figureMembers(option.figure, unit: .fraction)
                        members["label"] = .string(option.label)
                        members["none_option"] = .bool(option.isNoneOption)
                        return .object(members)
                    }),
                "at_least_one": figure(atLeastOne, unit: .fraction),
                "mean_chosen": atLeastOne.suppressed ? .null : .decimal(meanChosen, places: 2),
            ])
        case .likert(let items, let index):
            return .object([
                "items": .array(items.map { likertItem($0, isIndex: false) }),
                "index": index.map { likertItem($0, isIndex: true) } ?? .null,
            ])
        case .nps(let promoters, let passives, let detractors):
            return .object([
                "promoters": figure(promoters, unit: .fraction),
                "passives": figure(passives, unit: .fraction),
                "detractors": figure(detractors, unit: .fraction),
            ])
        case .engagement(let engaged, let notEngaged, let activelyDisengaged, let meanScore, let rule):
            let hidden = engaged.suppressed && engaged.suppressionReason != FigureCells.displayRuleReason
            return .object([
                "engaged": figure(engaged, unit: .fraction),
                "not_engaged": figure(notEngaged, unit: .fraction),
                "actively_disengaged": figure(activelyDisengaged, unit: .fraction),
                "mean_of_respondent_means": hidden ? .null : .decimal(meanScore, places: 2),
                "rule": .string(rule),
            ])
        case .varianceShare(let figures):
            return VarianceShareText.json(figures)
        case .drivers(let outcome, let items, _):
            return .object([
                "outcome": .string(outcome),
                "items": .array(
                    items.map { item in
                        var members: [String: JSONValue] = [
                            "item": .string(item.item), "r": .decimal(item.r, places: 6),
                            "p_value": .decimal(item.r == nil ? nil : item.pValue, places: 6),
                            "p_adjusted": .decimal(item.r == nil ? nil : item.pAdjusted, places: 6),
                            "significant": .bool(item.r != nil && item.significant),
                            "item_rest": .bool(item.isItemRest),
                        ]
                        // An undefined or hidden correlation does not reveal its base.
                        if item.r != nil { members["n"] = .integer(item.n) }
                        return .object(members)
                    }),
            ])
        }
    }

    /// A Likert item or block: flags and the three shares always, the base, distribution and
    /// mean only when the item is shown. A block's index names its mean `mean_of_answers` (its
    /// answers pooled), apart from the engagement index's `mean_of_respondent_means`.
    private static func likertItem(_ item: LikertFigure, isIndex: Bool) -> JSONValue {
        let suppressed = item.favourable.suppressed
        var members: [String: JSONValue] = [
            "label": .string(item.label),
            "suppressed": .bool(suppressed),
            "reversed": .bool(item.reversed),
            "favourable": figure(item.favourable, unit: .fraction),
            "neutral": figure(item.neutral, unit: .fraction),
            "unfavourable": figure(item.unfavourable, unit: .fraction),
        ]
        guard !suppressed else { return .object(members) }
        members["n"] = .integer(item.n)
        members["distribution"] = .array(
            item.distribution.map { share in
                .object([
                    "point": .integer(share.point), "label": .string(share.label),
                    "count": .decimal(share.count, places: 2),
                    "percent": .decimal(share.percent, places: 2),
                ])
            })
        members[isIndex ? "mean_of_answers" : "mean"] = .decimal(item.mean, places: 2)
        members["mean_0_to_100"] = .decimal(item.mean0to100, places: 2)
        return .object(members)
    }
}
