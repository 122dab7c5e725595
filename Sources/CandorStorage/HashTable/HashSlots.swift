/// Buckets of one word each over a `HashTable`: the layout of every table here whose bucket
/// fits a word (`TaggedSlotIndex`'s 32-bit tagged slots, `PackedKeyTable`'s 64-bit keys).
///
/// A zero word is an empty bucket, so what a table stores must never be zero. The table gives
/// `find` a test on the word; the core does the probing.
@usableFromInline package struct HashSlots<Slot: FixedWidthInteger & UnsignedInteger & Sendable>: Sendable {
    @usableFromInline var table: HashTable
    @usableFromInline var slots: [Slot]

    /// Empty buckets, `capacity` of them (at least `HashTable.minimumCapacity`).
    package init(capacity: Int) {
        table = HashTable(capacity: capacity)
        slots = Array(repeating: 0, count: table.capacity)
    }

    /// Buckets.
    @inlinable package var capacity: Int { table.capacity }

    /// Buckets in use.
    @inlinable package var count: Int { table.count }

    /// The capacity a table grows to (`removeAll(newCapacity:)`, then `reinsert` every entry).
    package var grownCapacity: Int { table.grownCapacity }

    /// The word in `bucket` (zero if empty).
    @inlinable @inline(__always)
    package subscript(bucket bucket: Int) -> Slot { slots[bucket] }

    /// The bucket whose word `matches` accepts, probing from `hash`'s home; else the empty
    /// bucket where such a word would go. `matches` is never asked about an empty bucket.
    @inlinable @inline(__always)
    package func find(_ hash: UInt64, _ matches: (Slot) -> Bool) -> (bucket: Int, found: Bool) {
        slots.withUnsafeBufferPointer { slots in
            table.find(hash) { bucket in
                let slot = slots[bucket]
                return slot == 0 ? .empty : matches(slot) ? .match : .other
            }
        }
    }

    /// `find` for a table that keeps more beside each word: `matches` is also given the bucket.
    @inlinable @inline(__always)
    package func find(_ hash: UInt64, bucketMatches matches: (Int, Slot) -> Bool) -> (bucket: Int, found: Bool) {
        slots.withUnsafeBufferPointer { slots in
            table.find(hash) { bucket in
                let slot = slots[bucket]
                return slot == 0 ? .empty : matches(bucket, slot) ? .match : .other
            }
        }
    }

    /// The word in `hash`'s home bucket: read ahead of a lookup so that the lookup finds its
    /// cache line fetched.
    @inlinable @inline(__always)
    package func homeSlot(_ hash: UInt64) -> Slot { slots[table.home(hash)] }

    /// Stores `slot` (nonzero) in the empty `bucket` that `find` gave. Returns whether the
    /// table is now over its load: the owner must then rebuild it at `grownCapacity`.
    @inlinable @inline(__always)
    package mutating func insert(_ slot: Slot, at bucket: Int) -> Bool {
        slots[bucket] = slot
        return table.noteInsertion()
    }

    /// Replaces the buckets by `capacity` empty ones, for the owner to `reinsert` every entry.
    ///
    /// The old buckets are released before the new ones are allocated, so an owner that rebuilds
    /// from its own keys never holds two tables at once (an owner that needs the old words keeps
    /// a copy of itself).
    package mutating func removeAll(newCapacity capacity: Int) {
        slots = []
        table = table.resetting(capacity: capacity)
        slots = Array(repeating: 0, count: table.capacity)
    }

    /// Stores `slot` (nonzero), whose entry is known to be absent, in the first empty bucket
    /// from `hash`'s home, after `removeAll(newCapacity:)`; returns that bucket (for an owner
    /// that keeps something beside each bucket). The new capacity must hold every entry.
    package mutating func reinsert(_ hash: UInt64, _ slot: Slot) -> Int {
        precondition(slot != 0, "a zero word marks an empty bucket")
        let bucket = slots.withUnsafeBufferPointer { slots in table.emptyBucket(hash) { slots[$0] == 0 } }
        slots[bucket] = slot
        precondition(!table.noteInsertion(), "\(table.count) entries for \(table.capacity) buckets")
        return bucket
    }

    /// Calls `body` with every bucket in use and its word, in bucket order.
    package func forEachSlot(_ body: (Int, Slot) -> Void) {
        for bucket in slots.indices where slots[bucket] != 0 { body(bucket, slots[bucket]) }
    }
}
