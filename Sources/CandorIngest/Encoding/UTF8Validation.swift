/// Strict UTF-8 validation of raw bytes, as RFC 3629 and the Unicode Standard (Table 3-7) define it.
package enum UTF8Validation {
    /// The offset of the first byte of the first ill-formed sequence, or `nil` if all of
    /// `bytes` is valid UTF-8.
    ///
    /// Rejected: stray continuation bytes (0x80–0xBF), the bytes 0xC0, 0xC1 and 0xF5–0xFF,
    /// overlong forms (E0 80–9F, F0 80–8F), UTF-16 surrogates (ED A0–BF), code points above
    /// U+10FFFF (F4 90–BF), and sequences cut short by a non-continuation byte or by the end of
    /// `bytes`. The offset is where the bad sequence starts (its lead byte), the same position
    /// Python's `UnicodeDecodeError.start` reports, so `bytes[..<offset]` is the longest valid
    /// prefix.
    ///
    /// ASCII runs are checked eight bytes at a time. A chunked caller must not split a
    /// multi-byte sequence between calls, or the first part reads as truncated; validate
    /// whole records instead.
    package static func firstInvalidByte(in bytes: UnsafeRawBufferPointer) -> Int? {
        var hasNonASCII = false
        return firstProblem(in: bytes, rejectingNUL: false, hasNonASCII: &hasNonASCII)
    }

    /// What one pass over a batch's bytes finds: the offset of the first NUL byte or ill-formed
    /// sequence (`nil` when there is neither), and whether any byte is not ASCII.
    ///
    /// A batch needs both checks, and only text with a non-ASCII byte can have a field that
    /// starts inside a sequence; separate passes for NUL (`memchr`) and UTF-8 cost 1.5 times
    /// this one.
    package static func scan(_ bytes: UnsafeRawBufferPointer) -> (firstProblem: Int?, hasNonASCII: Bool) {
        var hasNonASCII = false
        let problem = firstProblem(in: bytes, rejectingNUL: true, hasNonASCII: &hasNonASCII)
        return (problem, hasNonASCII)
    }

    /// The first ill-formed sequence (or, with `rejectingNUL`, NUL byte) in `bytes`; sets
    /// `hasNonASCII` when it passes a byte ≥ 0x80.
    @inline(__always)
    private static func firstProblem(
        in bytes: UnsafeRawBufferPointer, rejectingNUL: Bool, hasNonASCII: inout Bool
    ) -> Int? {
        let count = bytes.count
        var index = 0
        while index < count {
            // Fast path: skip eight ASCII bytes at once while no byte has its high bit set (nor,
            // with `rejectingNUL`, is zero: the has-zero-byte trick sets a high bit exactly
            // when some byte of the word is zero).
            while index + 8 <= count {
                let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                let flagged = rejectingNUL ? word | ((word &- 0x0101_0101_0101_0101) & ~word) : word
                guard flagged & 0x8080_8080_8080_8080 == 0 else { break }
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                if rejectingNUL && lead == 0 { return index }
                index += 1
                continue
            }
            hasNonASCII = true
            // The allowed range of the second byte depends on the lead (Unicode Table 3-7);
            // every later byte must be 80–BF.
            let length: Int
            var secondLow: UInt8 = 0x80
            var secondHigh: UInt8 = 0xBF
            switch lead {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; secondLow = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; secondHigh = 0x9F
            case 0xF0: length = 4; secondLow = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; secondHigh = 0x8F
            default: return index
            }
            guard index + 1 < count, bytes[index + 1] >= secondLow, bytes[index + 1] <= secondHigh else {
                return index
            }
            var offset = 2
            while offset < length {
                guard index + offset < count, bytes[index + offset] & 0xC0 == 0x80 else { return index }
                offset += 1
            }
            index += length
        }
        return nil
    }

    /// ``firstInvalidByte(in:)`` for a byte array.
    package static func firstInvalidByte(in bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBytes { firstInvalidByte(in: $0) }
    }
}
