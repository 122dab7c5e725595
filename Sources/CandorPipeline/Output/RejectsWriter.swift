import CandorCore

/// Streams rejected records to an RFC 4180 CSV file, one row per `Rejection`, created `0600`.
///
/// Columns: `file,line,record,byte_offset,reason,column,field,message,raw_fields`. The last,
/// `raw_fields`, is the record's raw fields as one JSON array of strings (compact, non-ASCII kept
/// as is), which stays unambiguous even for ragged records with more or fewer fields than the
/// header. Rows are written by `SpreadsheetSafeCSV` (RFC 4180, CRLF, formula-safe text cells).
/// `column` and `field` are empty when the rejection has none.
///
/// The file holds respondents' own answers, so it is created owner-only (`0600`) and published
/// atomically through `AtomicFileWriter`.
///
/// CSV injection: analysts open this file in a spreadsheet, and the raw values came from
/// anyone who filled in the survey. Following OWASP's advice, every cell that begins with `=`,
/// `+`, `-`, `@`, TAB or CR gets a single quote `'` in front, so Excel, LibreOffice and Google
/// Sheets show it as text instead of evaluating it as a formula (`=cmd|' /C calc'!A0` becomes
/// `'=cmd|' /C calc'!A0`). The prefix is visible to programs that read the file; the JSON
/// cell, which always begins with `[`, is never altered, so it is the exact source of truth.
///
/// Not `Sendable`: it owns an `AtomicFileWriter`. Feed it from the one task that collects
/// rejections.
package final class RejectsWriter {
    /// The header row's cells.
    package static let columns = [
        "file", "line", "record", "byte_offset", "reason", "column", "field", "message", "raw_fields",
    ]

    /// The file being written; pass it to `AtomicFileWriter.commitAll` with the run's reports.
    package let file: AtomicFileWriter
    /// How many rejections have been written (the header not counted).
    package private(set) var rowCount = 0

    /// Creates the (temporary) rejects file and writes the header.
    ///
    /// - Parameter path: The final path, e.g. `<output>/rejects.csv`.
    /// - Throws: `OutputError` naming `path`.
    package init(path: String) throws(OutputError) {
        file = try AtomicFileWriter(path: path, permissions: .ownerOnly)
        try file.write(SpreadsheetSafeCSV.row(Self.columns))
    }

    /// Writes one rejection as one row.
    ///
    /// - Throws: `OutputError.cannotWrite`; the writer then refuses further rows.
    package func append(_ rejection: Rejection) throws(OutputError) {
        let origin = rejection.provenance
        try file.write(
            SpreadsheetSafeCSV.row([
                origin.file,
                String(origin.line),
                String(origin.recordNumber),
                String(origin.byteOffset),
                rejection.reason.rawValue,
                rejection.column.map { String($0) } ?? "",
                rejection.field ?? "",
                rejection.message,
                Self.jsonArray(rejection.rawFields),
            ]))
        rowCount += 1
    }

    /// Publishes the file on its own; prefer `AtomicFileWriter.commitAll` with the reports.
    package func commit() throws(OutputError) {
        try file.commit()
    }

    /// Drops the file; any previous rejects file stays as it was.
    package func abandon() {
        file.abandon()
    }
}
