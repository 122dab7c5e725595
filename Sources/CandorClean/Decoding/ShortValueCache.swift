/// A cache from short raw values (at most 32 bytes: every label, category and small number in
/// a survey) to decoded results, with no byte comparison at all.
///
/// Values of up to 7 bytes are one packed word each (`PackedKeyTable`). Longer ones are
/// represented exactly by their length and four 8-byte words (overlapping loads cover every
/// byte), so two values are equal exactly when their keys are; their probe table holds only
/// 8-byte slots (a hash tag and an entry index), and the keys and results live densely in entry
/// order. Longer values are not cached here.
struct ShortValueCache {
    /// Values of up to 7 bytes, kept in a table of their own (see `PackedKeyTable`).
    private var packed = PackedKeyTable<Int64>()
    /// High 32 bits: hash tag; low 32 bits: entry index + 1 (0 marks an empty slot).
    private var slots: [UInt64]
    /// Per entry: the five key words.
    private var keys: [UInt64] = []
    private var results: [Int64] = []
    private var mask: Int

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Entries stored.
    var count: Int { results.count + packed.count }

    /// Longest value cached.
    static let maxLength = 32

    /// The cached result for `bytes` (1 to `maxLength` of them).
    @inline(__always)
    func lookup(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        if bytes.count <= PackedKey.maxLength { return packed.value(for: PackedKey.pack(bytes)) }
        return lookupLonger(bytes)
    }

    /// `lookup` for 8 to 32 bytes, out of line so the packed case stays small enough to inline.
    @inline(never)
    private func lookupLonger(_ bytes: UnsafeRawBufferPointer) -> Int64? { lookup(Self.key(bytes)!) }

    /// Stores `result` for `bytes` (1 to `maxLength` of them, not stored yet).
    mutating func insert(_ bytes: UnsafeRawBufferPointer, _ result: Int64) {
        if bytes.count <= PackedKey.maxLength {
            packed.set(PackedKey.pack(bytes), result)
        } else {
            insert(Self.key(bytes)!, result)
        }
    }

    /// The exact key of `bytes`, or `nil` when they are longer than 32 bytes.
    @inline(__always)
    private static func key(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64, UInt64, UInt64, UInt64)? {
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
    private static func hash(_ key: (UInt64, UInt64, UInt64, UInt64, UInt64)) -> UInt64 {
        var h = key.0 &* 0x9E37_79B9_7F4A_7C15 ^ key.1
        h = (h ^ (h >> 31) ^ key.2 ^ (key.3 << 1) ^ (key.4 << 2)) &* 0xBF58_476D_1CE4_E5B9
        return h ^ (h >> 29)
    }

    /// The cached result for `key`.
    @inline(__always)
    private func lookup(_ key: (UInt64, UInt64, UInt64, UInt64, UInt64)) -> Int64? {
        let hash = Self.hash(key)
        let tag = hash & 0xFFFF_FFFF_0000_0000
        return slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                var index = Int(truncatingIfNeeded: hash) & mask
                while true {
                    let slot = slots[index]
                    if slot == 0 { return nil }
                    if slot & 0xFFFF_FFFF_0000_0000 == tag {
                        let entry = Int(slot & 0xFFFF_FFFF) - 1
                        let base = entry * 5
                        if keys[base] == key.0 && keys[base + 1] == key.1 && keys[base + 2] == key.2
                            && keys[base + 3] == key.3 && keys[base + 4] == key.4
                        {
                            return results[entry]
                        }
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    /// Stores `result` under `key` (which must not be stored yet).
    private mutating func insert(_ key: (UInt64, UInt64, UInt64, UInt64, UInt64), _ result: Int64) {
        if (results.count + 1) * 10 > slots.count * 7 { grow() }
        keys.append(contentsOf: [key.0, key.1, key.2, key.3, key.4])
        results.append(result)
        place(hash: Self.hash(key), entry: results.count - 1)
    }

    private mutating func place(hash: UInt64, entry: Int) {
        var index = Int(truncatingIfNeeded: hash) & mask
        while slots[index] != 0 { index = (index + 1) & mask }
        slots[index] = (hash & 0xFFFF_FFFF_0000_0000) | UInt64(entry + 1)
    }

    private mutating func grow() {
        slots = Array(repeating: 0, count: slots.count * 2)
        mask = slots.count - 1
        for entry in results.indices {
            let base = entry * 5
            place(
                hash: Self.hash((keys[base], keys[base + 1], keys[base + 2], keys[base + 3], keys[base + 4])),
                entry: entry)
        }
    }
}
