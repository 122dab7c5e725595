/// A cache from short raw values (at most 32 bytes: every label, category and small number in
/// a survey) to decoded results, with no byte comparison at all.
///
/// A value of up to 32 bytes is represented exactly by its length and four 8-byte words
/// (overlapping loads cover every byte), so two values are equal exactly when their keys are.
/// That makes a lookup one hash of the key and a few word compares, instead of a hash, a
/// pointer chase and a `memcmp`. Longer values are not cached here (`key` returns `nil`).
struct ShortValueCache {
    /// Per slot: length + 1 (0 marks an empty slot), then the four words.
    private var keys: [UInt64]
    private var results: [Int64]
    private var mask: Int
    private(set) var count = 0

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        keys = Array(repeating: 0, count: size * 5)
        results = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// The exact key of `bytes`, or `nil` when they are longer than 32 bytes.
    @inline(__always)
    static func key(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64, UInt64, UInt64, UInt64)? {
        let count = bytes.count
        if count > 32 { return nil }
        let length = UInt64(count) + 1
        if count >= 8 {
            let last = count - 8
            return (
                length, bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
                bytes.loadUnaligned(fromByteOffset: min(8, last), as: UInt64.self),
                bytes.loadUnaligned(fromByteOffset: min(16, last), as: UInt64.self),
                bytes.loadUnaligned(fromByteOffset: last, as: UInt64.self)
            )
        }
        if count >= 4 {
            let low = UInt64(bytes.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let high = UInt64(bytes.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self))
            return (length, low | high << 32, 0, 0, 0)
        }
        if count > 0 {
            return (length, UInt64(bytes[0]) | UInt64(bytes[count >> 1]) << 8 | UInt64(bytes[count - 1]) << 16, 0, 0, 0)
        }
        return (length, 0, 0, 0, 0)
    }

    @inline(__always)
    private static func slot(_ key: (UInt64, UInt64, UInt64, UInt64, UInt64), _ mask: Int) -> Int {
        var h = key.0 &* 0x9E37_79B9_7F4A_7C15 ^ key.1
        h = (h ^ (h >> 31) ^ key.2 ^ (key.3 << 1) ^ (key.4 << 2)) &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        return Int(truncatingIfNeeded: h) & mask
    }

    /// The cached result for `key`.
    @inline(__always)
    func lookup(_ key: (UInt64, UInt64, UInt64, UInt64, UInt64)) -> Int64? {
        keys.withUnsafeBufferPointer { keys in
            var index = Self.slot(key, mask)
            while true {
                let base = index * 5
                let length = keys[base]
                if length == 0 { return nil }
                if length == key.0 && keys[base + 1] == key.1 && keys[base + 2] == key.2 && keys[base + 3] == key.3
                    && keys[base + 4] == key.4
                {
                    return results[index]
                }
                index = (index + 1) & mask
            }
        }
    }

    /// Stores `result` under `key` (which must not be stored yet).
    mutating func insert(_ key: (UInt64, UInt64, UInt64, UInt64, UInt64), _ result: Int64) {
        if (count + 1) * 2 > mask + 1 { grow() }
        var index = Self.slot(key, mask)
        while keys[index * 5] != 0 { index = (index + 1) & mask }
        let base = index * 5
        keys[base] = key.0
        keys[base + 1] = key.1
        keys[base + 2] = key.2
        keys[base + 3] = key.3
        keys[base + 4] = key.4
        results[index] = result
        count += 1
    }

    private mutating func grow() {
        let old = (keys, results)
        let size = (mask + 1) * 2
        keys = Array(repeating: 0, count: size * 5)
        results = Array(repeating: 0, count: size)
        mask = size - 1
        count = 0
        for index in 0..<(old.1.count) where old.0[index * 5] != 0 {
            let base = index * 5
            insert((old.0[base], old.0[base + 1], old.0[base + 2], old.0[base + 3], old.0[base + 4]), old.1[index])
        }
    }
}
