import CandorCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RecordBatch {
    /// Marks every record holding a NUL byte or bytes that are not valid UTF-8.
    ///
    /// Runs on the consuming thread (the parsing thread is the bottleneck). Nearly every batch
    /// is plain ASCII, which one word-at-a-time scan over the batch's bytes proves; only a batch
    /// with a NUL or a non-ASCII byte is checked record by record.
    func validateText() {
        let arena = UnsafeRawBufferPointer(start: storage.bytes, count: storage.byteCount)
        guard Self.mayNeedChecking(arena) else { return }
        // Valid UTF-8 with no NUL as a whole, and no field starting with a continuation byte,
        // means every field is valid on its own (a sequence cannot straddle two fields).
        if let base = arena.baseAddress, memchr(base, 0, arena.count) == nil,
            UTF8Validation.firstInvalidByte(in: arena) == nil, !anyFieldStartsWithContinuationByte()
        {
            return
        }
        for record in 0..<count where problem(record) == nil {
            if let found = Self.textProblem(in: self, record: record) { setProblem(found, at: record) }
        }
    }

    private func anyFieldStartsWithContinuationByte() -> Bool {
        for index in 0..<storage.fieldCount {
            let start = index == 0 ? 0 : Int(storage.fieldEnds[index - 1])
            if start < Int(storage.fieldEnds[index]) && storage.bytes[start] & 0xC0 == 0x80 { return true }
        }
        return false
    }

    /// The first NUL byte or invalid UTF-8 in one record, field by field.
    private static func textProblem(in batch: RecordBatch, record: Int) -> RecordProblem? {
        for column in 0..<batch.fieldCount(record) {
            let bytes = batch.field(record, column)
            if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
                let at = nul - UnsafeMutableRawPointer(mutating: base)
                return RecordProblem(
                    reason: .nulByte, column: column + 1, detail: "NUL byte at byte \(at + 1) of the field")
            }
            if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
                let offset = batch.provenance(record).byteOffset
                let hex = String(bytes[bad], radix: 16, uppercase: true)
                return RecordProblem(
                    reason: .invalidEncoding, column: column + 1,
                    detail:
                        "invalid UTF-8 byte 0x\(hex) at byte \(bad + 1) of the field (the record starts at byte offset \(offset))"
                )
            }
        }
        return nil
    }

    /// Whether `bytes` holds a NUL or a byte ≥ 0x80, eight bytes at a time.
    private static func mayNeedChecking(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let high: UInt64 = 0x8080_8080_8080_8080
        let ones: UInt64 = 0x0101_0101_0101_0101
        var index = 0
        var seen: UInt64 = 0
        while index + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            // Sets a word's high bit where a byte is zero (the classic has-zero-byte trick) or
            // where a byte is already ≥ 0x80.
            seen |= ((word &- ones) & ~word) | word
            index += 8
        }
        if seen & high != 0 { return true }
        while index < bytes.count {
            if bytes[index] == 0 || bytes[index] >= 0x80 { return true }
            index += 1
        }
        return false
    }
}
