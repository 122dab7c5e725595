import CandorIngest

/// A record batch's fields as the cleaner reads them: a view of the storage that
/// `RecordBatch.withUnsafeFieldBytes` lends, valid only inside that call (`withFields`).
///
/// The cleaner reads twenty-odd fields a record. `RecordBatch.withField` is a call into
/// another module each time; this view is internal to this module, so its accessors inline
/// into the decoders (a `package` type's members would not be inlined here, and a `public`
/// one would exist only for that).
struct BatchFields {
    /// Every field's bytes, back to back.
    let bytes: UnsafeRawBufferPointer
    /// Field i spans `bytes[fieldBounds[i]..<fieldBounds[i + 1]]`.
    let fieldBounds: UnsafeBufferPointer<UInt32>
    /// Record r's fields are `recordBounds[r]..<recordBounds[r + 1]`.
    let recordBounds: UnsafeBufferPointer<UInt32>

    /// Number of records.
    @inline(__always) var count: Int { recordBounds.count - 1 }

    /// Number of fields of record `record`.
    @inline(__always) func fieldCount(_ record: Int) -> Int {
        Int(recordBounds[record + 1]) - Int(recordBounds[record])
    }

    /// The bytes of field `column` of record `record` (the record must have that field).
    @inline(__always) func field(_ record: Int, _ column: Int) -> UnsafeRawBufferPointer {
        fields(of: record)[column]
    }

    /// Record `record`'s fields, for reading many of them: its place in the batch is looked up
    /// once.
    @inline(__always) func fields(of record: Int) -> RecordFields {
        RecordFields(bytes: bytes.baseAddress!, bounds: fieldBounds.baseAddress! + Int(recordBounds[record]))
    }
}

/// One record's fields, from `BatchFields.fields(of:)`; valid as long as the view it came from.
struct RecordFields {
    /// The batch's field bytes.
    let bytes: UnsafeRawPointer
    /// The record's field bounds: field f spans `bounds[f]..<bounds[f + 1]` in `bytes`.
    let bounds: UnsafePointer<UInt32>

    /// The bytes of field `field` (0-based; the record must have that field).
    @inline(__always) subscript(_ field: Int) -> UnsafeRawBufferPointer {
        let start = Int(bounds[field])
        return UnsafeRawBufferPointer(start: bytes + start, count: Int(bounds[field + 1]) - start)
    }
}

extension RecordBatch {
    /// Calls `body` with the batch's fields; they are valid only during the call.
    @inline(__always)
    func withFields<Result, Failure: Error>(_ body: (BatchFields) throws(Failure) -> Result) throws(Failure) -> Result {
        try withUnsafeFieldBytes { (bytes, fieldBounds, recordBounds) throws(Failure) in
            try body(BatchFields(bytes: bytes, fieldBounds: fieldBounds, recordBounds: recordBounds))
        }
    }
}
