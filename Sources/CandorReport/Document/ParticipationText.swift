import CandorAggregate

/// The words and cells of the response-rate section, unescaped, in one place for every report
/// format (Markdown and HTML escape them their own way).
enum ParticipationText {
    /// The section's heading.
    static let heading = "Response rates"

    /// The table's column headings.
    static let columns = ["Group", "Invited", "Responded", "Rate", ""]

    /// What invited and responded mean, and the target.
    static func introduction(_ section: ParticipationSection) -> String {
        "Invited: everyone in the roster " + section.roster
            + "; responded: accepted respondents after dedupe. Target: " + FigureText.percent(section.rates.target)
            + "; rates under it are marked “below target”."
    }

    /// The table's rows: everyone invited, then each group, as (label, cells after the label).
    static func rows(_ section: ParticipationSection) -> [[String]] {
        [cells(label: "All invited", rate: section.rates.overall)]
            + section.rates.rows.map { row in
                cells(label: row.field + ": " + row.labels.joined(separator: " × "), rate: row.rate)
            }
    }

    /// The note under the table when a rate is hidden; `nil` when none is.
    static func suppressionNote(_ section: ParticipationSection, minGroupSize: Int) -> String? {
        guard section.rates.overall == nil || section.rates.rows.contains(where: { $0.rate == nil }) else {
            return nil
        }
        return "Suppressed: fewer than " + FigureText.count(minGroupSize)
            + " people invited (the anonymity threshold), or hidden so that such a group's rate cannot be"
            + " worked out from the others by subtraction."
    }

    /// The by-night table's heading, under the section's.
    static let nightHeading = "Participation by night"

    /// The by-night table's column headings.
    static let nightColumns = ["Run (UTC)", "Invited", "Responded", "Rate"]

    /// What the by-night table lists, and why it is overall only.
    static func nightIntroduction(wave: String) -> String {
        "Wave " + wave + " so far, " + ParticipationSection.byNightNote
    }

    /// The by-night table's rows, oldest first.
    static func nightRows(_ section: ParticipationSection) -> [[String]] {
        section.byNight.map { night in
            [
                night.runTime, FigureText.count(night.invited), FigureText.count(night.responded),
                FigureText.percent(night.value),
            ]
        }
    }

    private static func cells(label: String, rate: ResponseRates.Rate?) -> [String] {
        guard let rate else { return [label, FigureText.missing, FigureText.missing, "suppressed", ""] }
        return [
            label, FigureText.count(rate.invited), FigureText.count(rate.responded), FigureText.percent(rate.value),
            rate.belowTarget ? "below target" : "",
        ]
    }
}
