import CandorCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension RecordBatch {
    /// Marks every record holding a NUL byte or bytes that are not valid UTF-8.
    ///
    /// With `transcodedFromUTF16`, the transcoder's markers (`StreamingTranscoder.invalidMarker`
    /// for a lone surrogate, `.oddByteMarker` for an odd final byte) are the only bytes that can
    /// be invalid, and the record gets reason `invalid_utf16` rather than `invalid_encoding`.
    ///
    /// Runs on the consuming thread (the parsing thread is the bottleneck). One pass over the
    /// batch's bytes (`UTF8Validation.scan`, eight ASCII bytes at a time) proves nearly every
    /// batch clean; only a batch with a NUL or ill-formed UTF-8 somewhere is checked record by
    /// record.
    func validateText(transcodedFromUTF16: Bool = false) {
        let clean = withUnsafeFieldBytes { bytes, fieldBounds, _ in
            let scan = UTF8Validation.scan(bytes)
            // Valid UTF-8 with no NUL as a whole, and no field starting with a continuation
            // byte, means every field is valid on its own (a sequence cannot straddle two
            // fields). ASCII has no continuation bytes.
            return scan.firstProblem == nil
                && (!scan.hasNonASCII || !Self.anyFieldStartsWithContinuationByte(bytes, fieldBounds))
        }
        if clean { return }
        for record in 0..<count where problem(record) == nil {
            if let found = Self.textProblem(in: self, record: record, transcodedFromUTF16: transcodedFromUTF16) {
                setProblem(found, at: record)
            }
        }
    }

    private static func anyFieldStartsWithContinuationByte(
        _ bytes: UnsafeRawBufferPointer, _ fieldBounds: UnsafeBufferPointer<UInt32>
    ) -> Bool {
        for index in 0..<fieldBounds.count - 1 {
            let start = Int(fieldBounds[index])
            if start < Int(fieldBounds[index + 1]) && bytes[start] & 0xC0 == 0x80 { return true }
        }
        return false
    }

    /// The first NUL byte or invalid UTF-8 in one record, field by field.
    private static func textProblem(in batch: RecordBatch, record: Int, transcodedFromUTF16: Bool) -> RecordProblem? {
        for column in 0..<batch.fieldCount(record) {
            let found = batch.withField(record, column) {
                textProblem(in: $0, column: column, batch, record, transcodedFromUTF16: transcodedFromUTF16)
            }
            if let found { return found }
        }
        return nil
    }

    /// The first NUL byte or invalid UTF-8 in `bytes`, field `column` of the record.
    private static func textProblem(
        in bytes: UnsafeRawBufferPointer, column: Int, _ batch: RecordBatch, _ record: Int, transcodedFromUTF16: Bool
    ) -> RecordProblem? {
        if let base = bytes.baseAddress, let nul = memchr(base, 0, bytes.count) {
            let at = nul - UnsafeMutableRawPointer(mutating: base)
            return RecordProblem(
                reason: .nulByte, column: column + 1, detail: "NUL byte at byte \(at + 1) of the field")
        }
        if let bad = UTF8Validation.firstInvalidByte(in: bytes) {
            let offset = batch.provenance(record).byteOffset
            if transcodedFromUTF16 {
                let what =
                    bytes[bad] == StreamingTranscoder.oddByteMarker
                    ? "the UTF-16 input ends in the middle of a code unit (an odd final byte)"
                    : "a lone UTF-16 surrogate"
                // Characters before it: the valid UTF-8 before `bad`, counted by lead bytes.
                let character = bytes[..<bad].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
                return RecordProblem(
                    reason: .invalidUTF16, column: column + 1,
                    detail:
                        "\(what) at character \(character) of the field (the record starts at byte offset \(offset))"
                )
            }
            let hex = String(bytes[bad], radix: 16, uppercase: true)
            return RecordProblem(
                reason: .invalidEncoding, column: column + 1,
                detail:
                    "invalid UTF-8 byte 0x\(hex) at byte \(bad + 1) of the field (the record starts at byte offset \(offset))"
            )
        }
        return nil
    }
}
