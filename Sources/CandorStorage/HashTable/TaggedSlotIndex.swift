/// A hash index over entries numbered 0, 1, 2, … in insertion order, whose keys live elsewhere
/// (a `ByteInterner`'s strings, the `Deduplicator`'s `OccurrenceLog`, a category's labels):
/// about 5 to 7.5 bytes an entry.
///
/// - A slot is 32 bits (`HashSlots<UInt32>`): the entry number + 1 in the low bits (as many as
///   the table's size needs, 0 for empty) and bits of the key's hash above them, so a probe
///   compares a stored key only when those bits agree (1 in 2,048 by chance at a million
///   entries). The owner compares the keys, so lookup is exact.
/// - The home slot and the probing are `HashTable`'s; the check bits are the hash's low half,
///   which the home slot does not use.
/// - Growing drops the old table before allocating the new one and refills it from the owner's
///   keys (rehashing each), so two tables never live at once.
@usableFromInline package struct TaggedSlotIndex: Sendable {
    @usableFromInline var slots: HashSlots<UInt32>
    /// The low bits of a slot that hold the entry number + 1.
    @usableFromInline var entryMask: UInt32

    /// The slots a new index has: room for 512 entries before it first grows.
    package static let initialCapacity = 1024

    /// Creates an empty index of `capacity` slots.
    package init(capacity: Int = initialCapacity) {
        slots = HashSlots(capacity: capacity)
        entryMask = Self.entryMask(capacity: slots.capacity)
    }

    /// Entries indexed.
    @inlinable package var count: Int { slots.count }

    /// Slots in the table.
    @inlinable package var capacity: Int { slots.capacity }

    /// The entry whose key `matches` says is the one sought (its hash `hash`), or else the slot
    /// where that key would go (for `insert`).
    @inlinable @inline(__always)
    package func find(_ hash: UInt64, _ matches: (Int) -> Bool) -> (entry: Int?, slot: Int) {
        let entryMask = entryMask
        let tag = UInt32(truncatingIfNeeded: hash) & ~entryMask
        var entry = -1
        let (slot, found) = slots.find(hash) { slot in
            guard slot & ~entryMask == tag else { return false }
            entry = Int(slot & entryMask) - 1
            return matches(entry)
        }
        return (found ? entry : nil, slot)
    }

    /// Indexes entry `count` (the next one), whose key hashes to `hash`, at `slot` (from `find`).
    /// Returns whether the table is now full: the owner must then call `grow`.
    @inlinable @inline(__always)
    package mutating func insert(_ hash: UInt64, at slot: Int) -> Bool {
        slots.insert(Self.slot(hash, entry: count, entryMask: entryMask), at: slot)
    }

    /// Makes the table half as large again and re-enters every entry; `hash(e)` is entry e's hash.
    package mutating func grow(_ hash: (Int) -> UInt64) {
        let entries = count
        grow { enter in
            for entry in 0..<entries { enter(hash(entry)) }
        }
    }

    /// Makes the table half as large again and re-enters every entry: `forEachHash` must call
    /// its argument with each entry's hash, in entry order (for owners that can walk their keys
    /// faster than look each one up).
    package mutating func grow(rehashing forEachHash: (_ enter: (UInt64) -> Void) -> Void) {
        resize(to: slots.grownCapacity, rehashing: forEachHash)
    }

    /// Makes room for `total` entries in all (`HashTable.capacity(reserving:)`), when the
    /// table would grow before holding them; re-enters every entry as `grow(rehashing:)` does.
    /// An owner that knows about how many entries are coming saves the growths on the way, each
    /// of which re-places every entry at a random address of a new table.
    package mutating func reserve(_ total: Int, rehashing forEachHash: (_ enter: (UInt64) -> Void) -> Void) {
        let capacity = HashTable.capacity(reserving: total)
        guard HashTable.maximumCount(capacity: capacity) > HashTable.maximumCount(capacity: slots.capacity) else {
            return
        }
        resize(to: capacity, rehashing: forEachHash)
    }

    /// Replaces the table by one of `capacity` slots, holding every entry.
    private mutating func resize(to capacity: Int, rehashing forEachHash: (_ enter: (UInt64) -> Void) -> Void) {
        let entries = count
        let entryMask = Self.entryMask(capacity: capacity)
        slots.removeAll(newCapacity: capacity)
        var entered = 0
        forEachHash { hash in
            _ = slots.reinsert(hash, Self.slot(hash, entry: entered, entryMask: entryMask))
            entered += 1
        }
        precondition(entered == entries, "\(entered) of \(entries) entries re-entered")
        self.entryMask = entryMask
    }

    /// The slot of entry `entry` whose key hashes to `hash`: check bits, then the entry + 1.
    @inlinable @inline(__always)
    static func slot(_ hash: UInt64, entry: Int, entryMask: UInt32) -> UInt32 {
        UInt32(truncatingIfNeeded: hash) & ~entryMask | UInt32(truncatingIfNeeded: entry + 1)
    }

    /// The low bits that hold an entry number + 1 in a table of `capacity` slots: entry numbers
    /// + 1 go up to its `maximumCount` + 1 < capacity, so they fit in its bit width.
    private static func entryMask(capacity: Int) -> UInt32 {
        let entryBits = Int.bitWidth - capacity.leadingZeroBitCount
        return entryBits >= 32 ? .max : (1 << UInt32(entryBits)) - 1
    }

    /// The first slot a lookup of `hash` probes, read now so that the lookup finds its cache
    /// line already fetched (see `Deduplicator.touch`).
    @inlinable @inline(__always)
    package func touch(_ hash: UInt64) -> UInt32 { slots.homeSlot(hash) }

    /// The entry held by the first slot a lookup of `hash` probes, whatever its check bits, or
    /// −1 when that slot is empty: for an owner that touches the entry's key as well.
    @inlinable @inline(__always)
    package func entryInHomeSlot(_ hash: UInt64) -> Int { Int(slots.homeSlot(hash) & entryMask) - 1 }

    /// `touch` for many hashes in one tight loop, whose reads the CPU overlaps.
    package func touch(_ hashes: [UInt64]) -> UInt32 { hashes.reduce(0) { $0 ^ touch($1) } }
}
