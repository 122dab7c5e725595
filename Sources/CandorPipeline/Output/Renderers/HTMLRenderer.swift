import CandorReport

/// Writes `NAME.html` (`HTMLReport`: one self-contained page with inline SVG charts).
struct HTMLRenderer: ReportRenderer {
    func write(_ document: ReportDocument, to file: AtomicFileWriter) throws(OutputError) {
        try file.write(HTMLReport.render(document))
    }
}
