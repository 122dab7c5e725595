/// Where a record came from: enough to find it again in the original export.
///
/// Every record that ingest hands on carries one, and every reject names one, so an analyst can
/// open the export at the right place.
package struct Provenance: Sendable, Hashable {
    /// Path of the input file as the user named it.
    package var file: String
    /// Physical line (1-based) on which the record starts. A record with quoted line breaks
    /// spans several lines; this is the first.
    package var line: Int
    /// Data record number (1-based), counting records after the header rows only.
    package var recordNumber: Int
    /// Byte offset of the record's first byte in the file as stored (before any transcoding).
    package var byteOffset: Int64

    /// Creates a provenance.
    package init(file: String, line: Int, recordNumber: Int, byteOffset: Int64) {
        self.file = file
        self.line = line
        self.recordNumber = recordNumber
        self.byteOffset = byteOffset
    }

    /// `file:line`, the form editors and terminals turn into a link.
    package var fileAndLine: String { "\(file):\(line)" }
}
