/// The sentences of the weighting section and its methods line, unescaped, in one place for
/// every report format (Markdown and HTML escape them their own way).
enum WeightingText {
    /// The section's heading.
    static let heading = "Weighting to the roster"

    /// The margins table's column headings.
    static let columns = ["Field", "Value", "Roster"]

    /// What the section is about.
    static func introduction(_ section: WeightingSection) -> String {
        "Respondents are weighted so that their weighted counts match the roster " + section.roster
            + " on each of these fields (its counts, the margins). Counts hidden in the response rates are"
            + " hidden here too."
    }

    /// The margins table's rows: one per value of each rake field.
    static func rows(_ section: WeightingSection) -> [[String]] {
        section.margins.flatMap { margin in
            margin.levels.map { [margin.field, $0.label, $0.invited.map(FigureText.count) ?? "suppressed"] }
        }
    }

    /// The methods line: how the figures were weighted, or why they were not.
    static func methodsNote(_ section: WeightingSection) -> String {
        let fields = section.margins.map(\.field).joined(separator: ", ")
        guard section.fit != nil else {
            return "none applied: raking to the roster's margins of " + fields
                + " needs respondents in every margin cell, and some had none (see Weighting to the roster);"
                + " every response counts once."
        }
        return "responses are raked to the roster's margins of " + fields
            + " by iterative proportional fitting (as R's survey::rake): each respondent's weight depends only"
            + " on their cell of the rake fields, and the weighted counts reproduce the roster's counts of every"
            + " value. Respondents whose value the roster lacks take the mean weight. Intervals and tests use"
            + " Kish's effective n, which under raking is approximate (it counts the spread of the weights, not"
            + " the precision calibration to the margins adds). The anonymity threshold counts unweighted"
            + " respondents."
    }

    /// The lines under the margins: the fit's iterations, weights and design effect, or the
    /// fallback, then the warnings.
    static func summary(_ section: WeightingSection) -> [String] {
        var lines: [String] = []
        if let fit = section.fit {
            lines.append(
                "Converged in " + FigureText.counted(fit.iterations, "iteration") + " (tolerance "
                    + number(section.tolerance) + ", at most " + FigureText.count(section.maxIterations) + ").")
            lines.append(
                "Weights from " + FigureText.decimal(fit.minimumWeight, places: 3) + " to "
                    + FigureText.decimal(fit.maximumWeight, places: 3) + "; design effect (Kish, n·Σw²/(Σw)²) "
                    + FigureText.decimal(fit.designEffect, places: 3) + ", effective n about "
                    + FigureText.decimal(fit.effectiveN, places: 1) + " (approximate under raking).")
        } else {
            lines.append(
                "Not applied: no respondent yet in " + section.emptyCells.joined(separator: ", ")
                    + ", so no weight can reach the roster's margins. The figures are unweighted.")
        }
        lines += section.warnings
        return lines
    }

    /// The tolerance as a definition would write it (`1e-06`, `0.01`).
    static func number(_ value: Double) -> String { String(describing: value) }
}
