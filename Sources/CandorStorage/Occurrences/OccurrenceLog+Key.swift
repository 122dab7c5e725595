extension OccurrenceLog {
    /// An id's entry word (kind and payload), for comparing an entry with a borrowed id in one
    /// load.
    ///
    /// The low four bits (the kind) say how the other 60 hold the id, so that the common ids fit:
    /// - 0–7: that many bytes, as they are, in bytes 1–7 of the word (zero-padded);
    /// - `decimalKind`: 8–16 digits, their count in bits 4–8 and their value above (55 bits);
    ///   survey tools' numeric response ids are of this kind;
    /// - 8–10: that many characters of `0-9A-Za-z-_` at 6 bits each, from bit 4, so ids like
    ///   `R00012345` or `EMP0012345` fit;
    /// - `longMarker`: anything else, in `arena`; the rest of the word then holds its position.
    ///   Such ids (Qualtrics' `R_` ids of 17 characters, emails, non-ASCII names) are as exact,
    ///   and cost about 4 more bytes plus their length each and a byte comparison per match:
    ///   the packed forms are a fast path for common ids, not a requirement.
    ///
    /// Each id has exactly one form (by its length, then digits before other characters), and
    /// each form is reversible, so equal words mean equal ids for all but long ones, whose bytes
    /// are compared.
    @usableFromInline package struct Key: Sendable {
        /// The entry word; for a long id only its marker, as its entry holds an arena position.
        @usableFromInline package let word: UInt64

        /// Whether the id is kept in `arena`.
        @inlinable package var isLong: Bool { word & 0xF == UInt64(OccurrenceLog.longMarker) }

        /// The index hash of the id `id` whose key this is: of the word, which is the id exactly,
        /// for all but long ids, whose bytes are hashed. The log's own entries hash alike
        /// without their ids being decoded, and the word is made for the lookup anyway.
        @inlinable @inline(__always)
        package func hash(_ id: UnsafeRawBufferPointer) -> UInt64 {
            isLong ? StorageHash.hash(id) : StorageHash.mix(word)
        }

        /// The key of the id whose entry word is `word`.
        @inlinable @inline(__always)
        package init(word: UInt64) {
            self.word = word & 0xF == UInt64(OccurrenceLog.longMarker) ? UInt64(OccurrenceLog.longMarker) : word
        }

        /// The key of `id`.
        @inlinable @inline(__always)
        package init(_ id: UnsafeRawBufferPointer) {
            let count = id.count
            if count <= OccurrenceLog.rawCapacity {
                var word = UInt64(count)
                for index in 0..<count { word |= UInt64(id[index]) << UInt64(8 * (index + 1)) }
                self.word = word
            } else if count <= OccurrenceLog.decimalCapacity, let value = Self.decimal(id) {
                word = UInt64(OccurrenceLog.decimalKind) | UInt64(count) << 4 | value << 9
            } else if count <= OccurrenceLog.packedCapacity, let codes = Self.sixBitCodes(id) {
                word = UInt64(count) | codes << 4
            } else {
                word = UInt64(OccurrenceLog.longMarker)
            }
        }

        /// The value of `id` when every byte is a digit (at most 16 of them).
        @inlinable @inline(__always)
        static func decimal(_ id: UnsafeRawBufferPointer) -> UInt64? {
            var value: UInt64 = 0
            for byte in id {
                let digit = byte &- 0x30
                guard digit < 10 else { return nil }
                value = value &* 10 &+ UInt64(digit)
            }
            return value
        }

        /// The 6-bit codes of `id` (at most 10 characters), character k at bits 6k to 6k + 5;
        /// `nil` if a byte is not one of the 64 characters.
        @inlinable @inline(__always)
        static func sixBitCodes(_ id: UnsafeRawBufferPointer) -> UInt64? {
            sixBitTable.withUnsafeBufferPointer { table in
                var codes: UInt64 = 0
                var invalid: UInt8 = 0
                for index in 0..<id.count {
                    let code = table[Int(id[index])]
                    invalid |= code
                    codes |= UInt64(code) << (6 * UInt64(index))
                }
                // A byte outside the 64 characters has code 0x40, which no valid code has.
                return invalid & 0x40 == 0 ? codes : nil
            }
        }

        /// `sixBits` of every byte, 0x40 for a byte that has none: a table read per character
        /// instead of a range check per character, as every id of 8 to 10 such characters (a
        /// common form of employee and response ids) is packed here on every record.
        @usableFromInline static let sixBitTable: [UInt8] = (0...255).map { sixBits(UInt8($0)) ?? 0x40 }

        /// Writes the id of entry word `word` (not a long one) into `out`; returns its length.
        package static func decode(_ word: UInt64, into out: UnsafeMutableRawBufferPointer) -> Int {
            let kind = Int(word & 0xF)
            if kind <= OccurrenceLog.rawCapacity {
                for index in 0..<kind { out[index] = UInt8(truncatingIfNeeded: word >> UInt64(8 * (index + 1))) }
                return kind
            }
            if kind == Int(OccurrenceLog.decimalKind) {
                let count = Int(word >> 4 & 31)
                var value = word >> 9
                for index in stride(from: count - 1, through: 0, by: -1) {
                    out[index] = 0x30 + UInt8(value % 10)
                    value /= 10
                }
                return count
            }
            for index in 0..<kind {
                out[index] = character(UInt8(truncatingIfNeeded: word >> UInt64(4 + 6 * index) & 63))
            }
            return kind
        }

        /// The 6-bit code of an id character, or `nil` for a byte outside `0-9A-Za-z-_`.
        @inline(__always)
        private static func sixBits(_ byte: UInt8) -> UInt8? {
            switch byte {
            case 0x30...0x39: byte - 0x30
            case 0x41...0x5A: byte - 0x41 + 10
            case 0x61...0x7A: byte - 0x61 + 36
            case 0x2D: 62
            case 0x5F: 63
            default: nil
            }
        }

        /// The character of a 6-bit code (the inverse of `sixBits`).
        private static func character(_ code: UInt8) -> UInt8 {
            switch code {
            case 0..<10: code + 0x30
            case 10..<36: code - 10 + 0x41
            case 36..<62: code - 36 + 0x61
            case 62: 0x2D
            default: 0x5F
            }
        }
    }
}
