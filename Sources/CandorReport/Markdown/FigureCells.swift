import CandorAggregate

/// The cells and phrases the Markdown report uses for one `Figure`, in one place so a hidden
/// figure is written the same way everywhere and never shows its `n`.
struct FigureCells {
    /// The figure.
    let figure: Figure
    /// Its units.
    let unit: FigureUnit

    /// The reason the aggregate stage gives for an engagement class hidden by the display rule
    /// rather than for privacy.
    static let displayRuleReason = "display_rule"

    /// Whether the figure is hidden for privacy (not merely by a display rule).
    var isPrivacySuppressed: Bool {
        figure.suppressed && figure.suppressionReason != Self.displayRuleReason
    }

    /// The value, "suppressed" with its reason when hidden for privacy, "not shown (display rule)"
    /// when hidden by a display rule, marked "†" when unreliable.
    var value: String {
        if figure.suppressed { return Self.hiddenText(figure.suppressionReason) }
        let text = FigureText.value(figure.value, unit: unit)
        return figure.unreliable && figure.value != nil ? text + " †" : text
    }

    /// What a hidden figure's cell says, naming the reason (the legend under a table explains it).
    static func hiddenText(_ reason: String?) -> String {
        switch reason {
        case displayRuleReason: "not shown (display rule)"
        case "below_threshold": "suppressed (small group)"
        case "complementary": "suppressed (complement)"
        default: "suppressed"
        }
    }

    /// The legend of the hidden cells' reasons among `figures`, one sentence per reason used, in a
    /// fixed order; empty when nothing is hidden.
    static func suppressionLegend(_ figures: [Figure], minGroupSize: Int) -> [String] {
        let reasons = Set(figures.filter(\.suppressed).map { $0.suppressionReason ?? "" })
        var legend: [String] = []
        // Each entry starts a sentence: the cell's words, capitalised.
        let heading = { (reason: String) in hiddenText(reason).prefix(1).uppercased() + hiddenText(reason).dropFirst() }
        if reasons.contains("below_threshold") {
            legend.append(
                heading("below_threshold") + ": fewer than " + FigureText.counted(minGroupSize, "respondent")
                    + ", the anonymity threshold.")
        }
        if reasons.contains("complementary") {
            legend.append(
                heading("complementary")
                    + ": hidden as well, so that a smaller group cannot be worked out by subtraction.")
        }
        if reasons.contains(displayRuleReason) {
            legend.append(heading(displayRuleReason) + ": under the count from which the metric shows this figure.")
        }
        return legend
    }

    /// The count of respondents in the numerator, "promoters / detractors" for a Net Promoter
    /// Score, or "—".
    var count: String {
        if figure.suppressed { return FigureText.missing }
        if let split = figure.promoterSplit {
            return FigureText.count(split.promoters) + " / " + FigureText.count(split.detractors)
        }
        return FigureText.count(figure.count)
    }

    /// The base, or "—" when hidden.
    var n: String {
        figure.suppressed ? FigureText.missing : FigureText.count(figure.n)
    }

    /// The 95% interval, or "—".
    var interval: String {
        guard !figure.suppressed, let interval = figure.interval else { return FigureText.missing }
        return FigureText.interval(low: interval.low, high: interval.high, unit: unit)
    }

    /// A bar for a fraction, empty when hidden or not a fraction.
    var bar: String {
        guard !figure.suppressed, unit == .fraction else { return "" }
        return TextBar.bar(figure.value)
    }

    /// The base and interval in words: "1,194 of 1,200; 95% CI 98.9–99.8%" for a share of
    /// respondents, "14,205 answers from 1,194 respondents; …" for a share of answers pooled over
    /// items, "n = 1,200; 95% CI +7 to +17" otherwise.
    var basis: String { basis(base: nil) }

    /// `basis`, with the base named in words when `base` is given (see `MetricResult.base`):
    /// "306 of the 1,066 who answered all twelve items of engagement; 95% CI 26.1–31.5%".
    ///
    /// A weighted figure names its respondents and its Kish effective n instead of a count: its
    /// count is a sum of weights, which "of n respondents" would misstate ("31 of 16").
    func basis(base: String?) -> String {
        var parts: [String] = []
        if let effectiveN = figure.effectiveN {
            let respondents =
                base.map { "the " + FigureText.count(figure.n) + " " + $0 } ?? "n = " + FigureText.count(figure.n)
            parts.append("weighted; " + respondents + ", effective n " + FigureText.decimal(effectiveN, places: 1))
        } else if let answers = figure.answers {
            parts.append(FigureText.count(answers) + " answers from " + FigureText.count(figure.n) + " respondents")
        } else if unit == .fraction, let count = figure.count {
            let of =
                base.map { "of the " + FigureText.count(figure.n) + " " + $0 } ?? "of " + FigureText.count(figure.n)
            parts.append(FigureText.count(count) + " " + of)
        } else if let base {
            parts.append("the " + FigureText.count(figure.n) + " " + base)
        } else {
            parts.append("n = " + FigureText.count(figure.n))
        }
        if let interval = figure.interval {
            parts.append("95% CI " + FigureText.interval(low: interval.low, high: interval.high, unit: unit))
        }
        return parts.joined(separator: "; ")
    }

    /// A phrase for running text: "99.5% (1,194 of 1,200; 95% CI 98.9–99.8%)", or why there is
    /// no number.
    var phrase: String {
        if figure.suppressed {
            return isPrivacySuppressed ? "suppressed for privacy" : "not shown under the display rule"
        }
        guard figure.value != nil else { return "no answers (n = " + FigureText.count(figure.n) + ")" }
        let text = FigureText.value(figure.value, unit: unit) + " (" + basis + ")"
        return figure.unreliable ? text + " †" : text
    }
}
