import CandorReport

/// Writes `NAME.xlsx` (`WorkbookReport`: Office Open XML written in Swift, zipped by ZIPFoundation).
struct WorkbookRenderer: ReportRenderer {
    func write(_ document: ReportDocument, to file: AtomicFileWriter) throws(OutputError) {
        let bytes: [UInt8]
        do { bytes = try WorkbookReport.render(document) } catch {
            throw .cannotWrite(path: file.path, reason: error.description)
        }
        try file.write(bytes)
    }
}
