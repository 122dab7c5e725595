import CandorStorage

/// A 128-bit fingerprint of a record: every field's bytes and where each field ends, so that two
/// records get the same fingerprint when they are identical in every field (`a,bc` and `ab,c`
/// differ).
///
/// MurmurHash3's x64 128-bit body and finalizer, over the record's bytes (ingest keeps them back
/// to back) and then its field lengths. Not cryptographic: a crafted pair could collide, but
/// survey exports are written by the organisation running the survey. By chance, the odds that
/// any two of n distinct records collide are about n²/2¹²⁹: 1.5 × 10⁻²⁷ at a million records,
/// 1.5 × 10⁻²³ at a hundred million.
enum RowFingerprint {
    /// The fingerprint of a record of `count` fields.
    @inline(__always)
    static func of(_ fields: RecordFields, count: Int) -> (low: UInt64, high: UInt64) {
        let start = Int(fields.bounds[0])
        let end = Int(fields.bounds[count])
        var state = State(seed: UInt64(truncatingIfNeeded: count))
        let bytes = fields.bytes + start
        let length = end - start
        var offset = 0
        while offset + 16 <= length {
            state.mix(
                bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self),
                bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt64.self))
            offset += 16
        }
        var tail: (UInt64, UInt64) = (0, 0)
        for index in offset..<length {
            let byte = UInt64(bytes.load(fromByteOffset: index, as: UInt8.self))
            let shift = UInt64((index - offset) % 8) * 8
            if index - offset < 8 { tail.0 |= byte << shift } else { tail.1 |= byte << shift }
        }
        state.mix(tail.0, tail.1)
        // Field lengths, two to a word.
        var field = 0
        while field < count {
            let first = UInt64(fields.bounds[field + 1] &- fields.bounds[field])
            let second = field + 1 < count ? UInt64(fields.bounds[field + 2] &- fields.bounds[field + 1]) : 0
            state.mix(first | second << 32, UInt64(field))
            field += 2
        }
        return state.finish(length: UInt64(length))
    }

    /// MurmurHash3 x64 128's two lanes.
    private struct State {
        var h1: UInt64
        var h2: UInt64
        static let c1: UInt64 = 0x87C3_7B91_1142_53D5
        static let c2: UInt64 = 0x4CF5_AD43_2745_937F

        init(seed: UInt64) {
            h1 = seed
            h2 = seed ^ 0x9E37_79B9_7F4A_7C15
        }

        @inline(__always)
        mutating func mix(_ k1: UInt64, _ k2: UInt64) {
            var k1 = k1 &* Self.c1
            k1 = k1.rotatedLeft(31) &* Self.c2
            h1 ^= k1
            h1 = h1.rotatedLeft(27) &+ h2
            h1 = h1 &* 5 &+ 0x52DC_E729
            var k2 = k2 &* Self.c2
            k2 = k2.rotatedLeft(33) &* Self.c1
            h2 ^= k2
            h2 = h2.rotatedLeft(31) &+ h1
            h2 = h2 &* 5 &+ 0x3849_5AB5
        }

        @inline(__always)
        func finish(length: UInt64) -> (low: UInt64, high: UInt64) {
            var h1 = h1 ^ length
            var h2 = h2 ^ length
            h1 &+= h2
            h2 &+= h1
            h1 = StorageHash.mix(h1)
            h2 = StorageHash.mix(h2)
            h1 &+= h2
            h2 &+= h1
            return (h1, h2)
        }
    }
}

extension UInt64 {
    /// The word rotated left by `count` bits (0 < count < 64).
    @inline(__always)
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 { self << count | self >> (64 - count) }
}
