import CandorAggregate

/// The words for held figures, shared by the Markdown and HTML reports and the workbook.
enum HeldText {
    /// The mark after a held row's first label.
    static let mark = " (held)"

    /// The first label of `row`, marked when the row repeats an earlier publication.
    static func label(_ row: SegmentRow, _ labels: [String]) -> [String] {
        guard row.heldSince != nil, let first = labels.first else { return labels }
        return [first + mark] + labels.dropFirst()
    }

    /// The note on one held figure (the workbook's cell comment): since when, and why.
    static func cellNote(since: String, minGroupSize: Int) -> String {
        "Held: as published at \(since). Fewer than \(minGroupSize) respondents behind it changed since, or another"
            + " held change could otherwise be worked out by subtraction."
    }

    /// The paragraph above the results: what is held, why, and when it is released.
    static func summary(_ held: HeldCells, minGroupSize: Int) -> String {
        if let note = held.note { return "Held figures: none; " + note + "." }
        let threshold = FigureText.counted(minGroupSize, "respondent")
        var text = "Held figures:"
        if held.count > 0 {
            text +=
                " " + FigureText.counted(held.count, "published figure")
                + " of this open wave repeat an earlier run's, because fewer than " + threshold
                + " behind each changed since (comparing the two reports would show those people's answers), or"
                + " because another held change could otherwise be worked out by subtraction. A held figure is"
                + " published again once " + threshold + " have changed."
        }
        if let since = held.overallSince {
            text += " The overall figures changed too little as well: every figure is as published at " + since + "."
        }
        if !held.qualityCounts.isEmpty {
            text +=
                " The data-quality counts are an earlier run's too, as some moved by fewer than " + threshold + " ("
                + held.qualityCounts.joined(separator: ", ") + ")."
        }
        return text
    }
}
