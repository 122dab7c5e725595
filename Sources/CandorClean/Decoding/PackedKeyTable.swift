/// A hash table from byte strings of 1 to 7 bytes (Likert points, yes/no, most codes, manager
/// ids) to small integer results, where each key is packed exactly into one 64-bit word.
///
/// The bytes, zero-padded, and their count in the top byte make a word that *is* the value, so
/// a probe compares one word and never follows a pointer to stored bytes. For a field with a
/// hundred thousand distinct values (manager ids), whose table is far larger than the CPU's
/// nearer caches, that makes a lookup one wait on memory instead of three (slot, then the key's
/// offset, then its bytes); the result sits at the same index of a parallel array, so its load
/// overlaps the key's.
///
/// Linear probing; the home slot is the hash's high half scaled to the table (multiply-shift),
/// so the table can grow by half rather than double. A small table (a Likert item's dozen
/// spellings, looked up for every record) grows at half load, so a probe rarely goes past its
/// home slot; a large one grows at 3/4 load, for memory: about 12 bytes a slot with `Int32`
/// results, 16 to 24 bytes a key.
struct PackedKeyTable<Value: FixedWidthInteger & Sendable>: Sendable {
    /// Packed keys by slot; zero marks an empty slot (no packed key is zero: its count is at least 1).
    private var keys: [UInt64]
    /// `values[i]` is the result of `keys[i]`.
    private var values: [Value]
    /// The table grows when it holds more keys than this.
    private var maximumCount: Int
    /// Keys stored.
    private(set) var count = 0

    /// Creates an empty table.
    init() {
        keys = Array(repeating: 0, count: 16)
        values = Array(repeating: 0, count: 16)
        maximumCount = Self.maximumCount(capacity: 16)
    }

    /// The first slot probed for `word`. The two multiplications spread every byte of the word
    /// (and its count) into the high half that picks the slot.
    @inline(__always)
    private static func home(_ word: UInt64, capacity: Int) -> Int {
        var h = word &* 0x9E37_79B9_7F4A_7C15
        h ^= h >> 32
        h = h &* 0xD6E8_FEB8_6659_FD93
        return Int(truncatingIfNeeded: ((h >> 32) &* UInt64(capacity)) >> 32)
    }

    /// The slot holding `word`, or the empty slot where it would go.
    @inline(__always)
    private func slot(of word: UInt64) -> Int {
        keys.withUnsafeBufferPointer { keys in
            var index = Self.home(word, capacity: keys.count)
            while keys[index] != word && keys[index] != 0 {
                index += 1
                if index == keys.count { index = 0 }
            }
            return index
        }
    }

    /// The result stored for `word`.
    @inline(__always)
    func value(for word: UInt64) -> Value? {
        let index = slot(of: word)
        return keys[index] == word ? values[index] : nil
    }

    /// Reads the home slot (key and result) of every nonzero word of `words`, so that lookups of
    /// them right after find their cache lines fetched. The reads depend on nothing, so the CPU
    /// overlaps dozens of them, where lookups spread among other work wait on memory one at a
    /// time. Returns what it read, which the caller keeps so the reads are not optimised away.
    func touch(_ words: [UInt64]) -> UInt64 {
        keys.withUnsafeBufferPointer { keys in
            values.withUnsafeBufferPointer { values in
                var seen: UInt64 = 0
                for word in words where word != 0 {
                    let home = Self.home(word, capacity: keys.count)
                    seen ^= keys[home] ^ UInt64(truncatingIfNeeded: values[home])
                }
                return seen
            }
        }
    }

    /// Stores `value` under `word`, replacing any result it had.
    mutating func set(_ word: UInt64, _ value: Value) {
        let index = slot(of: word)
        values[index] = value
        guard keys[index] != word else { return }
        keys[index] = word
        count += 1
        if count > maximumCount { grow() }
    }

    /// How many keys a table of `capacity` slots holds before it grows.
    private static func maximumCount(capacity: Int) -> Int {
        capacity < 4096 ? capacity / 2 : capacity / 4 * 3
    }

    /// Makes the table half as large again and re-enters every key.
    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        let capacity = keys.count + keys.count / 2
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
        maximumCount = Self.maximumCount(capacity: capacity)
        for index in oldKeys.indices where oldKeys[index] != 0 {
            let slot = slot(of: oldKeys[index])
            keys[slot] = oldKeys[index]
            values[slot] = oldValues[index]
        }
    }
}

/// The packing `PackedKeyTable` keys by: a byte string of 1 to 7 bytes as one word that is the
/// value exactly.
enum PackedKey {
    /// Longest byte string that packs.
    static let maxLength = 7

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
}
