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
    package var message: String
    /// The record's raw fields as read (after transcoding to UTF-8; invalid bytes are shown
    /// as `\xNN`).
    package var rawFields: [String]

    /// Creates a rejection.
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
}
