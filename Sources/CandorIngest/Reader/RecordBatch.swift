import CandorCore

/// A block of consecutive records as ingest hands them on: field bytes, provenance and any
/// problem found, with no `String` made on the way.
///
/// Field bytes are stored back to back in one buffer; a record is a run of fields. The buffers
/// are private: callers read a field's bytes inside `withField`, or, where a loop over many
/// fields must not pay a call per field, the whole batch's bytes and bounds inside
/// `withUnsafeFieldBytes`. No pointer outlives the closure it is handed to.
///
/// Batches are built on the parsing thread and read on the consuming thread: ownership moves
/// with the batch, and a batch is never mutated after it is handed over (that is why it is
/// `@unchecked Sendable`).
package final class RecordBatch: @unchecked Sendable {
    /// The file the records come from, as the user named it.
    package let file: String
    /// Storage, owned by this batch and freed in `deinit`.
    /// Never reassigned, so reading it needs no exclusivity check on the hot path; problems
    /// found after the hand-over go to `lateProblems` instead.
    private let storage: BatchStorage
    private var lateProblems: [Int: RecordProblem] = [:]
    /// Added to the parser's offsets (counted after the byte-order mark) to give offsets in the
    /// file as stored.
    let byteOffsetBias: Int64

    init(file: String, storage: BatchStorage, byteOffsetBias: Int64 = 0) {
        self.file = file
        self.storage = storage
        self.byteOffsetBias = byteOffsetBias
    }

    deinit { storage.deallocate() }

    /// Number of records in the batch.
    @inline(__always) package var count: Int { storage.recordCount }

    /// Number of fields of record `record` (0-based within the batch).
    @inline(__always) package func fieldCount(_ record: Int) -> Int {
        Int(storage.recordBounds[record + 1]) - Int(storage.recordBounds[record])
    }

    /// Calls `body` with the bytes of field `field` (0-based) of record `record`; the record
    /// must have that field. The bytes are valid only during the call.
    @inline(__always)
    package func withField<Result, Failure: Error>(
        _ record: Int, _ field: Int, _ body: (UnsafeRawBufferPointer) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        let index = Int(storage.recordBounds[record]) + field
        let start = Int(storage.fieldBounds[index])
        // Safe: the range lies inside the batch's bytes, which live as long as `self`, and the
        // pointer is handed only to `body`.
        return try body(
            UnsafeRawBufferPointer(start: storage.bytes + start, count: Int(storage.fieldBounds[index + 1]) - start))
    }

    /// Calls `body` with the batch's raw field storage, for loops over many fields that must
    /// not pay a call per field. The pointers are valid only during the call.
    ///
    /// - `bytes`: every field's bytes, back to back.
    /// - `fieldBounds`: field i spans `bytes[fieldBounds[i]..<fieldBounds[i + 1]]` (one entry
    ///   more than there are fields; the first is 0).
    /// - `recordBounds`: record r's fields are `recordBounds[r]..<recordBounds[r + 1]` (one
    ///   entry more than `count`; the first is 0).
    ///
    /// So field f of record r spans `fieldBounds[recordBounds[r] + f]` to the entry after it.
    package func withUnsafeFieldBytes<Result, Failure: Error>(
        _ body: (
            _ bytes: UnsafeRawBufferPointer, _ fieldBounds: UnsafeBufferPointer<UInt32>,
            _ recordBounds: UnsafeBufferPointer<UInt32>
        ) throws(Failure) -> Result
    ) throws(Failure) -> Result {
        // Safe: the buffers live as long as `self`, are not mutated after the hand-over, and are
        // handed only to `body`.
        try body(
            UnsafeRawBufferPointer(start: storage.bytes, count: storage.byteCount),
            UnsafeBufferPointer(start: storage.fieldBounds, count: storage.fieldCount + 1),
            UnsafeBufferPointer(start: storage.recordBounds, count: storage.recordCount + 1))
    }

    /// Where record `record` is in its file.
    /// The physical line record `record` starts on (no `Provenance` built: for hot paths).
    @inline(__always) package func line(_ record: Int) -> Int { storage.lines[record] }

    /// The data record number of record `record`.
    @inline(__always) package func recordNumber(_ record: Int) -> Int { storage.recordNumbers[record] }

    package func provenance(_ record: Int) -> Provenance {
        Provenance(
            file: file, line: storage.lines[record], recordNumber: storage.recordNumbers[record],
            byteOffset: storage.byteOffsets[record] + byteOffsetBias)
    }

    /// Whether any record of the batch has a problem; when not, `problem(_:)` is `nil` for all.
    package var hasProblems: Bool { storage.problemCount > 0 || !lateProblems.isEmpty }

    /// The problem ingest found with record `record`, if any: such a record must be rejected.
    package func problem(_ record: Int) -> RecordProblem? {
        storage.problems[record] ?? (lateProblems.isEmpty ? nil : lateProblems[record])
    }

    /// Records a problem found after the batch was built (by validation on the consuming side,
    /// before the batch is read by the next stage).
    func setProblem(_ problem: RecordProblem, at record: Int) {
        if self.problem(record) == nil { lateProblems[record] = problem }
    }

    /// The record's fields as text, for rejects files and diagnostics: invalid UTF-8 and control
    /// bytes other than tab and line breaks are shown as `\xNN`, so nothing is silently replaced.
    package func rawFields(_ record: Int) -> [String] {
        (0..<fieldCount(record)).map { column in withField(record, column) { RawText.display($0) } }
    }
}

/// One problem that makes a record unreadable as a row.
package struct RecordProblem: Sendable, Hashable {
    /// The reason code.
    package var reason: ReasonCode
    /// 1-based column the problem is in, when it is in one field.
    package var column: Int?
    /// What was found, without the location (the caller adds file and line).
    package var detail: String
}
