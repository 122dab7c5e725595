/// A hash table from nonzero 64-bit words that are keys exactly (a `PackedKey`: a byte string of
/// 1 to 7 bytes, as Likert points, yes/no, most codes and manager ids are; a pair of codes) to
/// small integer results.
///
/// A probe compares one word and never follows a pointer to stored bytes. For a field with a
/// hundred thousand distinct values (manager ids), whose table is far larger than the CPU's
/// nearer caches, that makes a lookup one wait on memory instead of three (slot, then the key's
/// offset, then its bytes); the result sits at the same bucket of a parallel array, so its load
/// overlaps the key's. About 12 bytes a bucket with `Int32` results, 15 to 24 bytes a key.
///
/// The keys are a `HashSlots<UInt64>` (zero marks an empty bucket, which is why no key may be
/// zero), hashed by `StorageHash.mix`; probing, load and growth are `HashTable`'s.
@usableFromInline package struct PackedKeyTable<Value: FixedWidthInteger & Sendable>: Sendable {
    @usableFromInline var keys = HashSlots<UInt64>(capacity: HashTable.minimumCapacity)
    /// `values[b]` is the result of the key in bucket b.
    @usableFromInline var values = [Value](repeating: 0, count: HashTable.minimumCapacity)

    /// Creates an empty table.
    package init() {}

    /// Keys stored.
    @inlinable package var count: Int { keys.count }

    /// The bucket holding `word`, or the empty bucket where it would go.
    @inlinable @inline(__always)
    func bucket(of word: UInt64) -> (bucket: Int, found: Bool) {
        keys.find(StorageHash.mix(word)) { $0 == word }
    }

    /// The result stored for `word`.
    @inlinable @inline(__always)
    package func value(for word: UInt64) -> Value? {
        let (bucket, found) = bucket(of: word)
        return found ? values[bucket] : nil
    }

    /// Reads the home bucket (key and result) of every nonzero word of `words`, so that lookups
    /// of them right after find their cache lines fetched. The reads depend on nothing, so the
    /// CPU overlaps dozens of them, where lookups spread among other work wait on memory one at
    /// a time. Returns what it read, which the caller keeps so the reads are not optimised away.
    package func touch(_ words: [UInt64]) -> UInt64 {
        values.withUnsafeBufferPointer { values in
            var seen: UInt64 = 0
            for word in words where word != 0 {
                let home = keys.table.home(StorageHash.mix(word))
                seen ^= keys[bucket: home] ^ UInt64(truncatingIfNeeded: values[home])
            }
            return seen
        }
    }

    /// Stores `value` under `word` (nonzero), replacing any result it had.
    @inlinable
    package mutating func set(_ word: UInt64, _ value: Value) {
        let (bucket, found) = bucket(of: word)
        values[bucket] = value
        guard !found else { return }
        precondition(word != 0, "a zero key")
        if keys.insert(word, at: bucket) { grow() }
    }

    /// Makes the table half as large again and re-enters every key with its result.
    @usableFromInline
    mutating func grow() {
        let old = keys
        let oldValues = values
        var grown = [Value](repeating: 0, count: old.grownCapacity)
        values = []
        keys.removeAll(newCapacity: old.grownCapacity)
        old.forEachSlot { bucket, word in grown[keys.reinsert(StorageHash.mix(word), word)] = oldValues[bucket] }
        values = grown
    }
}

/// The packing `PackedKeyTable` keys by: a byte string of 1 to 7 bytes as one word that is the
/// value exactly.
@usableFromInline package enum PackedKey {
    /// Longest byte string that packs.
    @inlinable package static var maxLength: Int { 7 }

    /// The word for `bytes` (1 to `maxLength` of them): the bytes in order from the low end,
    /// their count in the top byte (so never zero).
    @inlinable @inline(__always)
    package static func pack(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
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
}
