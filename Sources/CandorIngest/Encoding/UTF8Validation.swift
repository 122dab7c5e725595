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
        let count = bytes.count
        var index = 0
        while index < count {
            // Fast path: skip eight ASCII bytes at once while no byte has its high bit set.
            while index + 8 <= count,
                bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self) & 0x8080_8080_8080_8080 == 0
            {
                index += 8
            }
            guard index < count else { break }
            let lead = bytes[index]
            if lead < 0x80 {
                index += 1
                continue
            }
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
