extension OccurrenceLog {
    /// The first 10 bytes of an id's entry (kind and payload), for comparing an entry with a
    /// borrowed id in two loads.
    ///
    /// The kind byte says how the payload holds the id, so that the most common ids fit:
    /// - 0–9: that many bytes, as they are, zero-padded;
    /// - `packedKind` + 10–12: 10–12 characters of `0-9A-Za-z-_` at 6 bits each (72 bits), so
    ///   ids like `EMP-00012345` fit as well;
    /// - `longMarker`: anything else, in `arena`; the payload then holds its arena position.
    ///
    /// Each id has exactly one form (chosen by its length and characters), and each form is
    /// reversible, so equal keys mean equal ids for all but long ones, whose bytes are compared.
    struct Key {
        /// Bytes 0–7: kind and payload bytes 1–7.
        let low: UInt64
        /// Bytes 8–9: payload bytes 8–9.
        let high: UInt16
        /// Byte 0.
        let kind: UInt8

        /// The key of `id`. A long id's key is only its marker: its entry holds an arena position.
        @inline(__always)
        init(_ id: UnsafeRawBufferPointer) {
            var words: (UInt64, UInt64) = (0, 0)
            (low, high, kind) = withUnsafeMutableBytes(of: &words) { words in
                if id.count <= OccurrenceLog.rawCapacity {
                    words[0] = UInt8(id.count)
                    // The id is non-empty, so it has a base address.
                    if !id.isEmpty { (words.baseAddress! + 1).copyMemory(from: id.baseAddress!, byteCount: id.count) }
                } else if id.count <= OccurrenceLog.packedCapacity, Self.pack(id, into: words) {
                    words[0] = OccurrenceLog.packedKind + UInt8(id.count)
                } else {
                    words[0] = OccurrenceLog.longMarker
                }
                return (words.load(as: UInt64.self), words.load(fromByteOffset: 8, as: UInt16.self), words[0])
            }
        }

        /// Packs `id` (10–12 bytes) into bytes 1–9 of `words`; `false` if a byte is not in the
        /// 64 characters.
        @inline(__always)
        private static func pack(_ id: UnsafeRawBufferPointer, into words: UnsafeMutableRawBufferPointer) -> Bool {
            // Characters 0–9 in the low 60 bits of `first`, 10–11 in the low 12 bits of `rest`.
            var first: UInt64 = 0
            var rest: UInt64 = 0
            for index in 0..<id.count {
                guard let code = sixBits(id[index]) else { return false }
                if index < 10 {
                    first |= UInt64(code) << (6 * UInt64(index))
                } else {
                    rest |= UInt64(code) << (6 * UInt64(index - 10))
                }
            }
            words.storeBytes(of: first | rest << 60, toByteOffset: 1, as: UInt64.self)
            words[9] = UInt8(truncatingIfNeeded: rest >> 4)
            return true
        }

        /// Unpacks the `count` characters whose payload starts at byte `at` of `page` into `out`.
        static func unpack(_ page: UnsafeRawBufferPointer, at: Int, count: Int, into out: UnsafeMutableRawBufferPointer)
        {
            let word = page.loadUnaligned(fromByteOffset: at, as: UInt64.self)
            let first = word & (1 << 60 - 1)
            let rest = word >> 60 | UInt64(page[at + 8]) << 4
            for index in 0..<count {
                let code = index < 10 ? first >> (6 * UInt64(index)) : rest >> (6 * UInt64(index - 10))
                out[index] = character(UInt8(truncatingIfNeeded: code & 63))
            }
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
