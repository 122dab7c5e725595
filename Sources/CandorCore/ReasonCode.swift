/// Why a record did not make it into the statistics.
///
/// The raw values are stable identifiers: they appear in rejects files, JSON reports and
/// `candor inspect --json`, so renaming one is a breaking change.
package enum ReasonCode: String, Sendable, Hashable, CaseIterable, Comparable {
    // Ingest: the record could not be read as a well-formed row.
    /// The record has a different number of fields from the header.
    case raggedRecord = "ragged_record"
    /// A quoted field was still open at the end of the file.
    case unterminatedQuote = "unterminated_quote"
    /// The record contains a NUL byte.
    case nulByte = "nul_byte"
    /// One field exceeds the field size limit.
    case fieldTooLarge = "field_too_large"
    /// The record's bytes are not valid in the declared encoding.
    case invalidEncoding = "invalid_encoding"
    /// A UTF-16 input holds a lone surrogate, or ends with an odd byte (half a code unit).
    case invalidUTF16 = "invalid_utf16"

    // Clean: the row was well-formed but its answers were not acceptable.
    /// A present value that the field's type does not accept (and the policy is `reject`).
    case invalidValue = "invalid_value"
    /// A required field was blank.
    case missingRequired = "missing_required"
    /// The respondent id occurred in an earlier record, kept or not: under `keep: first` the
    /// first record of an id claims it even when that record is itself rejected.
    case duplicateID = "duplicate_id"
    /// Identical in every field to an earlier record (`dedupe: by: all_fields`), which claims the
    /// row even when it is itself rejected.
    case duplicateRow = "duplicate_row"
    /// The same id, superseded by a later response (`dedupe: keep: latest`).
    case supersededResponse = "superseded_response"
    /// The pipeline's weight field holds a negative, infinite or NaN weight.
    case invalidWeight = "invalid_weight"

    package static func < (lhs: ReasonCode, rhs: ReasonCode) -> Bool { lhs.rawValue < rhs.rawValue }
}
