import CandorReport

/// Writes `NAME.csv` (`TidyCSVReport`, described in `Docs/TIDY-CSV.md`).
struct TidyCSVRenderer: ReportRenderer {
    func write(_ document: ReportDocument, to file: AtomicFileWriter) throws(OutputError) {
        try file.write(TidyCSVReport.render(document, wave: document.wave))
    }
}
