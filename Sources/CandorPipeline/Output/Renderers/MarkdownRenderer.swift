import CandorReport

/// Writes `NAME.md` (`MarkdownReport`).
struct MarkdownRenderer: ReportRenderer {
    func write(_ document: ReportDocument, to file: AtomicFileWriter) throws(OutputError) {
        try file.write(MarkdownReport.render(document))
    }
}
