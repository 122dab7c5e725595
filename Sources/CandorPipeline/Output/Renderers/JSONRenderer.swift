import CandorReport

/// Writes `NAME.json` (`JSONReport`, described by `Docs/report-schema.json`).
struct JSONRenderer: ReportRenderer {
    func write(_ document: ReportDocument, to file: AtomicFileWriter) throws(OutputError) {
        try file.write(JSONReport.render(document))
    }
}
