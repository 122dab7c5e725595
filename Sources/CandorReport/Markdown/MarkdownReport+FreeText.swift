extension MarkdownReport {
    /// The free-text section: present only when the pipeline opted in to quoting free text.
    static func freeTextSection(_ document: ReportDocument) -> [String] {
        guard !document.freeText.isEmpty else { return [] }
        var lines = ["", "## Free text", ""]
        lines.append(
            "Quoted because the pipeline opted in; a field's answers are shown only when at least "
                + FigureText.counted(document.freeText[0].minGroupSize, "respondent") + " answered it.")
        for section in document.freeText {
            lines += ["", "### " + MarkdownEscaping.escape(section.field), ""]
            if section.suppressed {
                lines.append("Not shown: fewer respondents answered than the free-text threshold.")
                continue
            }
            lines.append(
                FigureText.counted(section.answered, "respondent") + " answered; "
                    + (section.quotes.count == 1
                        ? "the first answer" : "the first " + FigureText.counted(section.quotes.count, "answer"))
                    + " in input order:")
            lines.append("")
            for quote in section.quotes {
                lines.append("> " + MarkdownEscaping.escapeLineStart(quote)); lines.append("")
            }
            if lines.last == "" { lines.removeLast() }
        }
        return lines
    }
}
