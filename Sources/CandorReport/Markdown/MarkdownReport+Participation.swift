import CandorAggregate

extension MarkdownReport {
    /// The response-rate table: the overall rate, then every group of every mapped field, rates
    /// under the target flagged, hidden groups shown as suppressed with no count.
    static func participationSection(_ document: ReportDocument) -> [String] {
        guard let section = document.participation else { return [] }
        var lines = [
            "", "## " + ParticipationText.heading, "",
            MarkdownEscaping.escape(ParticipationText.introduction(section)), "",
        ]
        let alignments: [MarkdownTable.Alignment] = [.left, .right, .right, .right, .left]
        var table = MarkdownTable(zip(ParticipationText.columns, alignments).map { (header: $0, alignment: $1) })
        for row in ParticipationText.rows(section) { table.append(row.map(MarkdownEscaping.escape)) }
        lines += table.lines
        if let note = ParticipationText.suppressionNote(section, minGroupSize: document.methods.minGroupSize) {
            lines += ["", MarkdownEscaping.escape(note)]
        }
        if !section.byNight.isEmpty {
            lines += [
                "", "### " + ParticipationText.nightHeading, "",
                MarkdownEscaping.escape(ParticipationText.nightIntroduction(wave: document.wave)), "",
            ]
            var nights = MarkdownTable(
                zip(ParticipationText.nightColumns, [MarkdownTable.Alignment.left, .right, .right, .right]).map {
                    (header: $0, alignment: $1)
                })
            for row in ParticipationText.nightRows(section) { nights.append(row.map(MarkdownEscaping.escape)) }
            lines += nights.lines
        }
        if !section.warnings.isEmpty {
            lines += ["", "Data-quality warnings:", ""]
            lines += section.warnings.map { "- " + MarkdownEscaping.escape($0) }
        }
        return lines
    }
}
