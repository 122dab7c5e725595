import CandorReport

/// Writes `NAME.csv` (`TidyCSVReport`, described in `Docs/TIDY-CSV.md`).
struct TidyCSVRenderer: ReportRenderer {
    func write(_ document: ReportDocument, to file: AtomicFileWriter) throws(OutputError) {
        // The `wave` column says `current` until runs carry a wave label; pass it here then.
        try file.write(TidyCSVReport.render(document))
    }
}
