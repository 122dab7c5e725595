/// A cache from short raw values (at most 32 bytes: every label, category and small number in
/// a survey) to decoded results, with no byte comparison at all.
///
/// Values of up to 7 bytes are one packed word each (`PackedKeyTable`). Longer ones are
/// represented exactly by their length and four 8-byte words (overlapping loads cover every
/// byte), so two values are equal exactly when their keys are. Their table is open addressing
/// over whole entries (the five key words and the result), so a lookup waits on one cache line,
/// not on a slot and then the entry it points to: a batch's field bytes pass through the
/// nearer caches between two lookups of a field, so each such wait is a trip farther out.
/// Longer values are not cached here.
struct ShortValueCache {
    /// Values of up to 7 bytes, kept in a table of their own (see `PackedKeyTable`).
    private var packed = PackedKeyTable<Int64>()
    /// Values of 8 to 32 bytes: `entryWords` words a slot, the key's five then the result's
    /// bits. Key word 0 (the length + 1, at least 9) is 0 in an empty slot.
    private var entries: [UInt64]
    private var mask: Int
    /// Values of 8 to 32 bytes stored.
    private var longCount = 0
    private static let entryWords = 6

    init(capacity: Int = 64) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        entries = Array(repeating: 0, count: size * Self.entryWords)
        mask = size - 1
    }

    /// Entries stored.
    var count: Int { longCount + packed.count }

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
    private func lookupLonger(_ bytes: UnsafeRawBufferPointer) -> Int64? { lookup(Self.key(bytes)) }

    /// Stores `result` for `bytes` (1 to `maxLength` of them, not stored yet).
    mutating func insert(_ bytes: UnsafeRawBufferPointer, _ result: Int64) {
        if bytes.count <= PackedKey.maxLength {
            packed.set(PackedKey.pack(bytes), result)
        } else {
            insert(Self.key(bytes), result)
        }
    }

    /// The exact key of `bytes` (8 to 32 of them): their length + 1 (so never 0, which marks
    /// an empty slot), then four overlapping 8-byte words that together cover every byte.
    @inline(__always)
    private static func key(_ bytes: UnsafeRawBufferPointer) -> (UInt64, UInt64, UInt64, UInt64, UInt64) {
        precondition(bytes.count <= maxLength, "a key of \(bytes.count) bytes")
        let last = bytes.count - 8
        return (
            UInt64(bytes.count) + 1, bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: min(8, last), as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: min(16, last), as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: last, as: UInt64.self)
        )
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
        entries.withUnsafeBufferPointer { entries in
            var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
            while true {
                let base = slot * Self.entryWords
                let first = entries[base]
                if first == 0 { return nil }
                if first == key.0 && entries[base + 1] == key.1 && entries[base + 2] == key.2
                    && entries[base + 3] == key.3 && entries[base + 4] == key.4
                {
                    return Int64(bitPattern: entries[base + 5])
                }
                slot = (slot + 1) & mask
            }
        }
    }

    /// Stores `result` under `key` (which must not be stored yet).
    private mutating func insert(_ key: (UInt64, UInt64, UInt64, UInt64, UInt64), _ result: Int64) {
        if (longCount + 1) * 10 > (mask + 1) * 7 { grow() }
        place(key, UInt64(bitPattern: result))
        longCount += 1
    }

    /// Writes an entry into the first empty slot of `key`'s probe sequence.
    private mutating func place(_ key: (UInt64, UInt64, UInt64, UInt64, UInt64), _ result: UInt64) {
        var slot = Int(truncatingIfNeeded: Self.hash(key)) & mask
        while entries[slot * Self.entryWords] != 0 { slot = (slot + 1) & mask }
        let base = slot * Self.entryWords
        (entries[base], entries[base + 1], entries[base + 2]) = (key.0, key.1, key.2)
        (entries[base + 3], entries[base + 4], entries[base + 5]) = (key.3, key.4, result)
    }

    /// Doubles the table and places every entry again.
    private mutating func grow() {
        let old = entries
        entries = Array(repeating: 0, count: old.count * 2)
        mask = mask * 2 + 1
        for base in stride(from: 0, to: old.count, by: Self.entryWords) where old[base] != 0 {
            place((old[base], old[base + 1], old[base + 2], old[base + 3], old[base + 4]), old[base + 5])
        }
    }
}
