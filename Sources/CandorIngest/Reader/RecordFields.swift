/// One record's fields as raw pointers into its batch, valid while the batch lives.
///
/// Decoding reads twenty-odd fields a record, in another module. `RecordBatch.field` is a call
/// there each time; this view's accessor inlines into the decoder, and the record's place in
/// the batch is looked up once, by `RecordBatch.fields(of:)`. The type is `public` because
/// Swift 6.3 hands the inlinable bodies of a `package` type's members to no other module (the
/// calls stayed calls), while it does those of a `public` one.
public struct RecordFields {
    /// The batch's field bytes.
    @usableFromInline let bytes: UnsafePointer<UInt8>
    /// The end offsets in `bytes` of this record's fields, from its first.
    @usableFromInline let ends: UnsafePointer<UInt32>
    /// Where the record's first field starts in `bytes`.
    @usableFromInline let start: Int

    /// The bytes of field `field` (0-based; the record must have that field).
    @inlinable @inline(__always)
    public subscript(_ field: Int) -> UnsafeRawBufferPointer {
        let from = field == 0 ? start : Int(ends[field - 1])
        return UnsafeRawBufferPointer(start: bytes + from, count: Int(ends[field]) - from)
    }
}

extension RecordBatch {
    /// Record `record`'s fields (0-based within the batch), for reading many of them.
    package func fields(of record: Int) -> RecordFields {
        let first = record == 0 ? 0 : Int(storage.recordFieldEnds[record - 1])
        return RecordFields(
            bytes: storage.bytes, ends: storage.fieldEnds + first,
            start: first == 0 ? 0 : Int(storage.fieldEnds[first - 1]))
    }
}
