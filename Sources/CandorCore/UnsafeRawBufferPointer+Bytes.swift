#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension UnsafeRawBufferPointer {
    /// Whether `self` and `other` hold the same bytes. Values of up to 16 bytes (nearly every
    /// survey value: codes, labels, ids) are compared with two overlapping loads each side
    /// instead of a call to `memcmp`, whose call costs more than the comparison; inlinable, as
    /// every caller is in another module and a call would cost as much again.
    @inlinable @inline(__always)
    package func hasSameBytes(as other: UnsafeRawBufferPointer) -> Bool {
        let count = self.count
        guard count == other.count else { return false }
        if count >= 8 {
            guard count <= 16 else { return memcmp(baseAddress!, other.baseAddress!, count) == 0 }
            return loadUnaligned(as: UInt64.self) == other.loadUnaligned(as: UInt64.self)
                && loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
                    == other.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        }
        if count >= 4 {
            return loadUnaligned(as: UInt32.self) == other.loadUnaligned(as: UInt32.self)
                && loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
                    == other.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
        }
        if count == 0 { return true }
        return self[0] == other[0] && self[count >> 1] == other[count >> 1] && self[count - 1] == other[count - 1]
    }
}

extension UnsafeRawBufferPointer {
    /// The bytes folded into 64 bits, the common first step of the byte-string hashes: whole
    /// words, then one overlapping load for the tail, so no byte loop for the usual 1–30-byte
    /// survey values. Not a hash on its own: callers finish it with an avalanche of their own.
    @inlinable @inline(__always)
    package func foldedWords() -> UInt64 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(count)
        if count >= 8 {
            var index = 0
            while index + 8 <= count {
                h = (h ^ loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                index += 8
            }
            if index < count {
                h = (h ^ loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)) &* 0x94D0_49BB_1331_11EB
            }
        } else if count >= 4 {
            let low = UInt64(loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            h = (h ^ (low | high << 32)) &* 0x94D0_49BB_1331_11EB
        } else if count > 0 {
            let mixed = UInt64(self[0]) | UInt64(self[count >> 1]) << 8 | UInt64(self[count - 1]) << 16
            h = (h ^ mixed) &* 0x94D0_49BB_1331_11EB
        }
        return h
    }
}
