/// One record that did not make it into the statistics, with everything needed to fix it.
///
/// Rejections are diagnostics, not thrown errors: the run goes on and the rejects file
/// collects them.
package struct Rejection: Sendable, Hashable {
    /// Where the record is.
    package var provenance: Provenance
    /// The reason code.
    package var reason: ReasonCode
    /// 1-based column (field position in the record) the problem was found in, if one.
    package var column: Int?
    /// The schema field or column name concerned, if one.
    package var field: String?
    /// A sentence a person can act on, naming the file, line and column.
    package private(set) var message: String
    /// What `message` says after the record's `file:line`, when it was built that way; it lets
    /// `rebase` rebuild the message with the record's final line.
    package private(set) var detail: String?
    /// For a duplicate: the first occurrence, which the message names.
    package private(set) var duplicateOf: Provenance?
    /// The record's raw fields as read (after transcoding to UTF-8; invalid bytes are shown
    /// as `\xNN`).
    package var rawFields: [String]

    /// Creates a rejection with a message of its own.
    package init(
        provenance: Provenance, reason: ReasonCode, column: Int? = nil, field: String? = nil,
        message: String, rawFields: [String]
    ) {
        self.provenance = provenance
        self.reason = reason
        self.column = column
        self.field = field
        self.message = message
        self.rawFields = rawFields
    }

    /// Creates a rejection whose message is the record's `file:line`, then (for a duplicate)
    /// `: duplicate of record N (file:line)` naming `duplicateOf`, then `detail`.
    package init(
        provenance: Provenance, reason: ReasonCode, column: Int? = nil, field: String? = nil,
        detail: String, duplicateOf: Provenance? = nil, rawFields: [String]
    ) {
        self.init(
            provenance: provenance, reason: reason, column: column, field: field,
            message: Self.message(provenance, detail: detail, duplicateOf: duplicateOf), rawFields: rawFields)
        self.detail = detail
        self.duplicateOf = duplicateOf
    }

    private static func message(_ provenance: Provenance, detail: String, duplicateOf: Provenance?) -> String {
        let duplicate = duplicateOf.map { ": duplicate of record \($0.recordNumber) (\($0.fileAndLine))" } ?? ""
        return provenance.fileAndLine + duplicate + detail
    }

    /// Moves the record (and the first occurrence it duplicates) `lines` lines and `records`
    /// records further into its file, rebuilding the message: for records read in a later part
    /// of a file, whose lines and record numbers counted from that part's start.
    package mutating func rebase(lines: Int, records: Int) {
        provenance.line += lines
        provenance.recordNumber += records
        duplicateOf?.line += lines
        duplicateOf?.recordNumber += records
        if let detail { message = Self.message(provenance, detail: detail, duplicateOf: duplicateOf) }
    }
}
