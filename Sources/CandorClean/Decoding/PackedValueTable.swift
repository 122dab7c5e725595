/// A cache from values of 1 to 7 bytes (Likert points, yes/no, most codes and short ids) to
/// decoded results, each entry one 16-byte pair in the probe table itself.
///
/// The value's bytes, zero-padded, and its length in the top byte make one 64-bit word that is
/// the value exactly, so a lookup compares one word, and finds key and result in the same cache
/// line: one memory access per lookup, which decides the speed of a field with a hundred
/// thousand distinct values (manager ids), whose table is far larger than the CPU's caches.
struct PackedValueTable {
    /// Key, result, key, result, …; a zero key marks an empty slot (no packed value is zero,
    /// as its length is at least 1).
    private var pairs: [UInt64]
    private var mask: Int
    /// Entries stored.
    private(set) var count = 0

    /// Longest value this table holds.
    static let maxLength = 7

    init() {
        pairs = Array(repeating: 0, count: 2 * 16)
        mask = 15
    }

    /// The word for `bytes` (1 to `maxLength` of them): the bytes in order from the low end,
    /// their count in the top byte.
    @inline(__always)
    static func pack(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        let count = bytes.count
        var word: UInt64
        if count >= 4 {
            let low = UInt64(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            // `high` holds bytes count−4 … count−1; shifting out the ones `low` has leaves 4 … count−1.
            word = low | (high >> UInt64(8 * (8 - count))) << 32
        } else {
            word = UInt64(bytes[0])
            if count > 1 { word |= UInt64(bytes[1]) << 8 }
            if count > 2 { word |= UInt64(bytes[2]) << 16 }
        }
        return word | UInt64(count) << 56
    }

    @inline(__always)
    private static func slot(_ word: UInt64, mask: Int) -> Int {
        var h = word &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The result stored for `word`.
    @inline(__always)
    func lookup(_ word: UInt64) -> Int64? {
        pairs.withUnsafeBufferPointer { pairs in
            var index = Self.slot(word, mask: mask)
            while true {
                let key = pairs[2 * index]
                if key == word { return Int64(bitPattern: pairs[2 * index + 1]) }
                if key == 0 { return nil }
                index = (index + 1) & mask
            }
        }
    }

    /// Stores `result` under `word` (which must not be stored yet).
    mutating func insert(_ word: UInt64, _ result: Int64) {
        if (count + 1) * 2 > mask + 1 { grow() }
        place(word, UInt64(bitPattern: result))
        count += 1
    }

    private mutating func place(_ word: UInt64, _ result: UInt64) {
        var index = Self.slot(word, mask: mask)
        while pairs[2 * index] != 0 { index = (index + 1) & mask }
        pairs[2 * index] = word
        pairs[2 * index + 1] = result
    }

    private mutating func grow() {
        let old = pairs
        pairs = Array(repeating: 0, count: old.count * 2)
        mask = old.count - 1
        for index in stride(from: 0, to: old.count, by: 2) where old[index] != 0 { place(old[index], old[index + 1]) }
    }
}
