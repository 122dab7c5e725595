/// Each kind's base in words (`MetricDefinition.base(fieldNames:)`), in one place so the
/// phrases read alike.
extension MetricDefinition {
    /// No phrase: the kind's figure is not one a headline states a base for.
    package func base(fieldNames: [String]) -> String? { nil }

    /// "who answered q01" or "who answered promoted and wanted".
    static func answered(_ fields: [Int], _ fieldNames: [String]) -> String {
        let names = fields.map { fieldNames.indices.contains($0) ? fieldNames[$0] : "field \($0)" }
        let listed =
            names.count > 1 ? names.dropLast().joined(separator: ", ") + " and " + names.last! : names.first ?? ""
        return "who answered " + listed
    }
}

extension ShareMetric {
    /// "respondents where is_manager = yes", or who answered the condition's fields.
    package func base(fieldNames: [String]) -> String? {
        if let amongDescription { return "respondents where " + amongDescription }
        return Self.answered(condition.fields.sorted(), fieldNames)
    }
}

extension MultiselectMetric {
    /// Who answered the question.
    package func base(fieldNames: [String]) -> String? { Self.answered([field], fieldNames) }
}

extension NPSMetric {
    /// Who answered the question.
    package func base(fieldNames: [String]) -> String? { Self.answered([field], fieldNames) }
}

extension MeanMetric {
    /// Who answered the field.
    package func base(fieldNames: [String]) -> String? { Self.answered([field], fieldNames) }
}

extension LikertMetric {
    /// Who answered the item; a block's index is a share of answers, which its figure states
    /// (`Figure.answers`).
    package func base(fieldNames: [String]) -> String? {
        guard blockName == nil, let first = items.first else { return nil }
        return Self.answered([first], fieldNames)
    }
}

extension EngagementIndexMetric {
    /// "who answered all twelve items of engagement", or "at least 10 of the 12 items".
    package func base(fieldNames: [String]) -> String? {
        let count = items.count
        let noun = count == 1 ? "item" : "items"
        if minimumItems >= count {
            return "who answered " + (count == 1 ? "the" : count == 2 ? "both" : "all " + NumberWords.spelled(count))
                + " " + noun + " of " + name
        }
        return "who answered at least " + NumberWords.spelled(minimumItems) + " of the " + NumberWords.spelled(count)
            + " " + noun + " of " + name
    }
}

extension VarianceShareMetric {
    /// The respondents of the groups compared.
    package func base(fieldNames: [String]) -> String? {
        let grouping = fieldNames.indices.contains(group) ? fieldNames[group] : "field \(group)"
        return "respondents in the groups of " + grouping + " compared"
    }
}

/// Small counts in words, as running text writes them ("all twelve items").
package enum NumberWords {
    private static let words = [
        "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ]

    /// Zero to twelve in words, larger counts in digits.
    package static func spelled(_ count: Int) -> String {
        words.indices.contains(count) ? words[count] : String(count)
    }
}
