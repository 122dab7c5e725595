/// A cache from short raw values (at most 32 bytes: every label, category and small number in
/// a survey) to decoded results, with no byte comparison at all.
///
/// Values of up to 7 bytes are one packed word each (`PackedKeyTable`). Longer ones are
/// represented exactly by their length and four 8-byte words (overlapping loads cover every
/// byte), so two values are equal exactly when their keys are. Their buckets hold whole
/// entries (the five key words and the result) over a `HashTable`, so a lookup waits on one
/// cache line, not on a slot and then the entry it points to: a batch's field bytes pass
/// through the nearer caches between two lookups of a field, so each such wait is a trip
/// farther out. Longer values are not cached here.
@usableFromInline package struct ShortValueCache: Sendable {
    /// Values of up to 7 bytes, kept in a table of their own (see `PackedKeyTable`).
    @usableFromInline var packed = PackedKeyTable<Int64>()
    /// Values of 8 to 32 bytes: probing, load and growth.
    @usableFromInline var table: HashTable
    /// Their buckets, `entryWords` words each: the key's five then the result's bits. Key word
    /// 0 (the length + 1, at least 9) is 0 in an empty bucket.
    @usableFromInline var entries: [UInt64]
    @inlinable static var entryWords: Int { 6 }

    /// The exact key of a value of 8 to 32 bytes (see `key`).
    @usableFromInline typealias Key = (UInt64, UInt64, UInt64, UInt64, UInt64)

    /// Creates an empty cache with room for about `expected` values of 8 to 32 bytes.
    package init(expected: Int = 64) {
        table = HashTable(expected: expected)
        entries = Array(repeating: 0, count: table.capacity * Self.entryWords)
    }

    /// Entries stored.
    @inlinable package var count: Int { table.count + packed.count }

    /// Longest value cached.
    @inlinable package static var maxLength: Int { 32 }

    /// The cached result for `bytes` (1 to `maxLength` of them).
    @inlinable @inline(__always)
    package func lookup(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        if bytes.count <= PackedKey.maxLength { return packed.value(for: PackedKey.pack(bytes)) }
        return lookupLonger(bytes)
    }

    /// `lookup` for 8 to 32 bytes, out of line so the packed case stays small enough to inline.
    @usableFromInline @inline(never)
    func lookupLonger(_ bytes: UnsafeRawBufferPointer) -> Int64? {
        let key = Self.key(bytes)
        let (bucket, found) = find(key)
        return found ? Int64(bitPattern: entries[bucket * Self.entryWords + 5]) : nil
    }

    /// Stores `result` for `bytes` (1 to `maxLength` of them, not stored yet).
    package mutating func insert(_ bytes: UnsafeRawBufferPointer, _ result: Int64) {
        if bytes.count <= PackedKey.maxLength {
            packed.set(PackedKey.pack(bytes), result)
            return
        }
        let key = Self.key(bytes)
        let (bucket, found) = find(key)
        precondition(!found, "a value cached twice")
        place(key, UInt64(bitPattern: result), at: bucket)
        if table.noteInsertion() { grow() }
    }

    /// The exact key of `bytes` (8 to 32 of them): their length + 1 (so never 0, which marks
    /// an empty bucket), then four overlapping 8-byte words that together cover every byte.
    @inline(__always)
    private static func key(_ bytes: UnsafeRawBufferPointer) -> Key {
        precondition(bytes.count <= maxLength, "a key of \(bytes.count) bytes")
        let last = bytes.count - 8
        return (
            UInt64(bytes.count) + 1, bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: min(8, last), as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: min(16, last), as: UInt64.self),
            bytes.loadUnaligned(fromByteOffset: last, as: UInt64.self)
        )
    }

    /// The `StorageHash` of a key: its words folded into one (each turned by a different
    /// amount, so equal words at different places do not cancel), then `mix`. A fold of
    /// rotations and exclusive-ors costs no multiplication; `mix` does the spreading.
    @inline(__always)
    private static func hash(_ key: Key) -> UInt64 {
        StorageHash.mix(key.0 ^ key.1 ^ key.2.rotated(by: 17) ^ key.3.rotated(by: 31) ^ key.4.rotated(by: 47))
    }

    /// The bucket holding `key`, or the empty bucket where it would go.
    @inline(__always)
    private func find(_ key: Key) -> (bucket: Int, found: Bool) {
        entries.withUnsafeBufferPointer { entries in
            table.find(Self.hash(key)) { bucket in
                let base = bucket * Self.entryWords
                let first = entries[base]
                if first == 0 { return .empty }
                let isMatch =
                    first == key.0 && entries[base + 1] == key.1 && entries[base + 2] == key.2
                    && entries[base + 3] == key.3 && entries[base + 4] == key.4
                return isMatch ? .match : .other
            }
        }
    }

    /// Writes an entry into `bucket`.
    private mutating func place(_ key: Key, _ result: UInt64, at bucket: Int) {
        let base = bucket * Self.entryWords
        (entries[base], entries[base + 1], entries[base + 2]) = (key.0, key.1, key.2)
        (entries[base + 3], entries[base + 4], entries[base + 5]) = (key.3, key.4, result)
    }

    /// Makes the table half as large again and places every entry again.
    private mutating func grow() {
        let old = entries
        table = table.resetting(capacity: table.grownCapacity)
        entries = Array(repeating: 0, count: table.capacity * Self.entryWords)
        for base in stride(from: 0, to: old.count, by: Self.entryWords) where old[base] != 0 {
            let key = (old[base], old[base + 1], old[base + 2], old[base + 3], old[base + 4])
            let bucket = table.emptyBucket(Self.hash(key)) { entries[$0 * Self.entryWords] == 0 }
            place(key, old[base + 5], at: bucket)
            _ = table.noteInsertion()
        }
    }
}

extension UInt64 {
    /// The word turned left by `count` bits.
    @inline(__always)
    fileprivate func rotated(by count: UInt64) -> UInt64 { self << count | self >> (64 - count) }
}
