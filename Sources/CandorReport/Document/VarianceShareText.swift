import CandorAggregate

/// The words and numbers a report gives a `variance_share` metric, in one place for the
/// Markdown section, the headline, the JSON detail and the methods.
///
/// The wording is descriptive: ICC(1) says how much of the differences in a score lie between
/// groups, never that the grouping explains or causes them.
enum VarianceShareText {
    /// The phrase for a zero or negative ICC(1).
    static let noDifference = "no detectable difference between groups"

    /// What was compared and left out, for beside the figure: "127 groups of manager; left out: 13
    /// groups under the anonymity threshold (41 respondents), 2 respondents with no manager".
    static func basis(_ figures: VarianceShareFigures, minGroupSize: Int? = nil) -> String {
        var text =
            FigureText.count(figures.groups) + " " + plural(figures.groups, "group") + " of " + figures.grouping
            + "; left out: " + FigureText.count(figures.groupsBelowThreshold) + " "
            + plural(figures.groupsBelowThreshold, "group") + " under the anonymity threshold ("
            + FigureText.count(figures.respondentsBelowThreshold) + " "
            + plural(figures.respondentsBelowThreshold, "respondent") + "), "
            + FigureText.count(figures.respondentsWithoutGroup) + " "
            + plural(figures.respondentsWithoutGroup, "respondent") + " with no " + figures.grouping
        if figures.showsNoDifference { text += "; " + noDifference }
        return text
    }

    /// The statistics table's rows (label, value), unescaped, for every report format.
    static func rows(_ figures: VarianceShareFigures, overall: Figure) -> [(label: String, value: String)] {
        let cells = FigureCells(figure: overall, unit: .fraction)
        return [
            ("ICC(1): share of the differences that lie between groups", cells.value),
            ("95% CI (F interval)", cells.interval),
            ("F test of equal group means", fTest(figures.fTest)),
            ("Eta squared", FigureText.percent(figures.etaSquared)),
            ("Eta squared expected by chance alone, (k − 1)/(N − 1)", FigureText.percent(figures.etaSquaredChance)),
            ("Groups compared", FigureText.count(figures.groups)),
            ("Respondents in them", FigureText.count(figures.respondents)),
            ("Groups left out (below the anonymity threshold)", FigureText.count(figures.groupsBelowThreshold)),
            ("Respondents in the groups left out", FigureText.count(figures.respondentsBelowThreshold)),
            ("Respondents left out with no " + figures.grouping, FigureText.count(figures.respondentsWithoutGroup)),
        ]
    }

    /// The sentences under the table, unescaped: the descriptive reading of ICC(1) (when shown)
    /// and what was scored and grouped.
    static func sentences(_ figures: VarianceShareFigures, overall: Figure) -> [String] {
        var sentences: [String] = []
        if let icc = figures.icc1, !overall.suppressed {
            sentences.append(
                FigureText.percent(icc) + " of the differences in " + figures.score + " lie between groups of "
                    + figures.grouping + (figures.showsNoDifference ? ": " + noDifference : "") + ".")
        }
        sentences.append("Score: " + figures.score + "; grouped by " + figures.grouping + ".")
        return sentences
    }

    /// The Markdown section's lines after the heading.
    static func markdown(_ figures: VarianceShareFigures, overall: Figure) -> [String] {
        var table = MarkdownTable([("Statistic", .left), ("Value", .right)])
        for row in rows(figures, overall: overall) { table.append([MarkdownEscaping.escape(row.label), row.value]) }
        return table.lines + [""] + sentences(figures, overall: overall).map(MarkdownEscaping.escape)
    }

    /// "F(126, 1,032) = 3.94, p < 0.001", or "—".
    static func fTest(_ test: VarianceDecomposition.FTest?) -> String {
        guard let test else { return FigureText.missing }
        return "F(" + FigureText.count(test.df1) + ", " + FigureText.count(test.df2) + ") = "
            + FigureText.decimal(test.f, places: 2) + ", p " + pValuePhrase(test.pValue)
    }

    private static func pValuePhrase(_ p: Double) -> String {
        let text = FigureText.pValue(p)
        return text.hasPrefix("<") ? text : "= " + text
    }

    /// What the metric measures, for the methods' definitions.
    static func definition(_ figures: VarianceShareFigures) -> String {
        "ICC(1), the share of the variance of " + figures.score + " that lies between groups of " + figures.grouping
            + ": (MSB − MSW)/(MSB + (n₀ − 1)·MSW) from a one-way ANOVA, n₀ = (N − Σnᵢ²/N)/(k − 1), with its 95%"
            + " interval from the F distribution (F = MSB/MSW, F_L = F/F₀.₉₇₅(k − 1, N − k),"
            + " F_U = F·F₀.₉₇₅(N − k, k − 1), [(F_L − 1)/(F_L + n₀ − 1), (F_U − 1)/(F_U + n₀ − 1)]) and the F test of"
            + " equal group means; a zero or negative ICC(1) is shown as it is and means " + noDifference
            + "; eta squared (SS between/SS total) is given beside it with the value chance alone gives it,"
            + " (k − 1)/(N − 1); groups under the anonymity threshold and respondents with no " + figures.grouping
            + " are left out and counted"
    }

    /// The JSON detail object.
    static func json(_ figures: VarianceShareFigures) -> JSONValue {
        var fTest: JSONValue = .null
        if let test = figures.fTest {
            fTest = .object([
                "f": .decimal(test.f, places: 6), "df1": .decimal(test.df1, places: 2),
                "df2": .decimal(test.df2, places: 2), "p_value": .decimal(test.pValue, places: 6),
                "n0": .decimal(test.n0, places: 6),
            ])
        }
        return .object([
            "icc1": .decimal(figures.icc1, places: 6),
            "no_detectable_difference": .bool(figures.showsNoDifference),
            "f_test": fTest,
            "eta_squared": .decimal(figures.etaSquared, places: 6),
            "eta_squared_chance": .decimal(figures.etaSquaredChance, places: 6),
            "groups": .integer(figures.groups),
            "respondents": .integer(figures.respondents),
            "groups_below_threshold": .integer(figures.groupsBelowThreshold),
            "respondents_below_threshold": .integer(figures.respondentsBelowThreshold),
            "respondents_without_group": .integer(figures.respondentsWithoutGroup),
            "score": .string(figures.score),
            "grouping": .string(figures.grouping),
        ])
    }

    private static func plural(_ count: Int, _ noun: String) -> String { count == 1 ? noun : noun + "s" }
}
