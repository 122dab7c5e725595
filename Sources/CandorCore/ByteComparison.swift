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
