import CandorReport

/// Writes a report document in one output format into its file.
///
/// One conforming type per format, each in its own file under `Output/Renderers/`, registered in
/// `OutputFormat.renderer`. Renderers only format: the document already holds every figure,
/// suppression and sentence, so each format shows the same results.
package protocol ReportRenderer: Sendable {
    /// Writes `document`'s bytes into `file` (the run commits all its files together).
    ///
    /// - Throws: `OutputError` naming the file, e.g. when the disk is full.
    func write(_ document: ReportDocument, to file: AtomicFileWriter) throws(OutputError)
}
