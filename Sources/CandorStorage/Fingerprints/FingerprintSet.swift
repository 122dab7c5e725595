/// A set of 128-bit fingerprints (such as a record's `RowFingerprint`): 16 bytes an entry in
/// buckets, about 20 to 30 bytes an entry with the table's spare room.
///
/// The low word sits in a `HashSlots<UInt64>` (zero marks an empty bucket, so a zero low word is
/// stored as 1: the set then tells apart 2¹²⁸ − 2⁶⁴ values, no fewer in practice) and is its own
/// hash, as a fingerprint's bits are already mixed; the high word sits at the same bucket of a
/// parallel array. Probing, load and growth are `HashTable`'s.
package struct FingerprintSet: Sendable {
    private var lows = HashSlots<UInt64>(capacity: HashTable.minimumCapacity)
    private var highs = [UInt64](repeating: 0, count: HashTable.minimumCapacity)

    /// Creates an empty set.
    package init() {}

    /// Fingerprints stored.
    package var count: Int { lows.count }

    /// Whether the set holds `fingerprint`.
    package func contains(_ fingerprint: (low: UInt64, high: UInt64)) -> Bool {
        bucket(of: Self.storedLow(fingerprint.low), high: fingerprint.high).found
    }

    /// Adds `fingerprint`; returns whether it was new.
    @discardableResult
    package mutating func insert(_ fingerprint: (low: UInt64, high: UInt64)) -> Bool {
        let low = Self.storedLow(fingerprint.low)
        let (bucket, found) = bucket(of: low, high: fingerprint.high)
        guard !found else { return false }
        highs[bucket] = fingerprint.high
        if lows.insert(low, at: bucket) { grow() }
        return true
    }

    /// Calls `body` with every fingerprint, in bucket order.
    package func forEach(_ body: ((low: UInt64, high: UInt64)) -> Void) {
        lows.forEachSlot { bucket, low in body((low, highs[bucket])) }
    }

    private func bucket(of low: UInt64, high: UInt64) -> (bucket: Int, found: Bool) {
        highs.withUnsafeBufferPointer { highs in
            lows.find(low, bucketMatches: { bucket, stored in stored == low && highs[bucket] == high })
        }
    }

    private static func storedLow(_ low: UInt64) -> UInt64 { low == 0 ? 1 : low }

    /// Makes the table half as large again and re-enters every fingerprint.
    private mutating func grow() {
        let old = lows
        let oldHighs = highs
        var grown = [UInt64](repeating: 0, count: old.grownCapacity)
        highs = []
        lows.removeAll(newCapacity: old.grownCapacity)
        old.forEachSlot { bucket, low in grown[lows.reinsert(low, low)] = oldHighs[bucket] }
        highs = grown
    }
}
