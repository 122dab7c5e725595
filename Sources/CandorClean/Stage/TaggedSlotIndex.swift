import CandorCore

/// A hash index over entries numbered 0, 1, 2, … in insertion order, whose keys live elsewhere
/// (the `Deduplicator`'s ids, a `CategoryTable`'s folded values): about 6 bytes an entry.
///
/// - A slot is 32 bits: the entry number + 1 in the low bits (as many as the table's size needs,
///   0 for empty) and bits of the key's hash above them, so a probe compares a stored key only
///   when those bits agree (1 in 2,048 by chance at a million entries). The owner compares the
///   keys, so lookup is exact.
/// - Linear probing, the home slot taken from the hash by multiply-shift, so the table can grow
///   by half (not double) at 80 % load.
/// - Growing drops the old table before allocating the new one and refills it from the owner's
///   keys (rehashing each), so two tables never live at once.
struct TaggedSlotIndex: Sendable {
    private var slots: [UInt32] = []
    /// The low bits of a slot that hold the entry number + 1.
    private var entryMask: UInt32 = 0
    /// The table grows when it holds more entries than this.
    private var maximumCount = 0
    /// Entries indexed.
    private(set) var count = 0
    /// Slots in the table.
    var capacity: Int { slots.count }

    /// Creates an empty index.
    init() { allocate(1024) }

    /// The entry whose key `matches` says is the one sought (its hash `hash`), or else the slot
    /// where that key would go (for `insert`).
    @inline(__always)
    func find(_ hash: UInt64, _ matches: (Int) -> Bool) -> (entry: Int?, slot: Int) {
        let entryMask = entryMask
        let tag = UInt32(truncatingIfNeeded: hash) & ~entryMask
        return slots.withUnsafeBufferPointer { slots in
            var index = Self.home(hash, capacity: slots.count)
            while true {
                let slot = slots[index]
                if slot == 0 { return (nil, index) }
                if slot & ~entryMask == tag {
                    let entry = Int(slot & entryMask) - 1
                    if matches(entry) { return (entry, index) }
                }
                index += 1
                if index == slots.count { index = 0 }
            }
        }
    }

    /// Indexes entry `count` (the next one), whose key hashes to `hash`, at `slot` (from `find`).
    /// Returns whether the table is now full: the owner must then call `grow`.
    @inline(__always)
    mutating func insert(_ hash: UInt64, at slot: Int) -> Bool {
        count += 1
        slots[slot] = UInt32(truncatingIfNeeded: hash) & ~entryMask | UInt32(count)
        return count > maximumCount
    }

    /// Makes the table half as large again and re-enters every entry; `hash(e)` is entry e's hash.
    mutating func grow(_ hash: (Int) -> UInt64) {
        let entries = count
        grow { enter in
            for entry in 0..<entries { enter(hash(entry)) }
        }
    }

    /// Makes the table half as large again and re-enters every entry: `forEachHash` must call
    /// its argument with each entry's hash, in entry order (for owners that can walk their keys
    /// faster than look each one up).
    mutating func grow(rehashing forEachHash: (_ enter: (UInt64) -> Void) -> Void) {
        precondition(slots.count < Int(UInt32.max), "more than \(maximumCount) entries")
        resize(to: min(slots.count + slots.count / 2, Int(UInt32.max)), rehashing: forEachHash)
    }

    /// Makes room for `total` entries in all, at three-quarters load, when the table would
    /// grow before holding them; re-enters every entry as `grow(rehashing:)` does. An owner that
    /// knows about how many entries are coming saves the growths on the way, each of which
    /// re-places every entry at a random address of a new table.
    mutating func reserve(_ total: Int, rehashing forEachHash: (_ enter: (UInt64) -> Void) -> Void) {
        guard total > maximumCount else { return }
        resize(to: min(total + total / 3, Int(UInt32.max)), rehashing: forEachHash)
    }

    /// Replaces the table by one of `capacity` slots, holding every entry.
    private mutating func resize(to capacity: Int, rehashing forEachHash: (_ enter: (UInt64) -> Void) -> Void) {
        let entries = count
        // The old table goes first, so growing never holds two.
        slots = []
        allocate(capacity)
        let entryMask = entryMask
        slots.withUnsafeMutableBufferPointer { slots in
            var entered = 0
            forEachHash { hash in
                var index = Self.home(hash, capacity: slots.count)
                while slots[index] != 0 {
                    index += 1
                    if index == slots.count { index = 0 }
                }
                entered += 1
                slots[index] = UInt32(truncatingIfNeeded: hash) & ~entryMask | UInt32(entered)
            }
            precondition(entered == entries, "\(entered) of \(entries) entries re-entered")
        }
    }

    /// An empty table of `capacity` slots.
    private mutating func allocate(_ capacity: Int) {
        slots = Array(repeating: 0, count: capacity)
        // Entry numbers + 1 go up to `maximumCount` + 1 < capacity, so they fit in its bit width.
        let entryBits = Int.bitWidth - capacity.leadingZeroBitCount
        entryMask = entryBits >= 32 ? .max : (1 << UInt32(entryBits)) - 1
        maximumCount = capacity / 5 * 4
    }

    /// The first slot a lookup of `hash` probes, read now so that the lookup finds its cache
    /// line already fetched (see `Deduplicator.touch`).
    @inline(__always)
    func touch(_ hash: UInt64) -> UInt32 {
        slots.isEmpty ? 0 : slots[Self.home(hash, capacity: slots.count)]
    }

    /// The entry held by the first slot a lookup of `hash` probes, whatever its check bits, or
    /// −1 when that slot is empty: for an owner that touches the entry's key as well.
    @inline(__always)
    func entryInHomeSlot(_ hash: UInt64) -> Int {
        Int(slots[Self.home(hash, capacity: slots.count)] & entryMask) - 1
    }

    /// `touch` for many hashes in one tight loop, whose reads the CPU overlaps.
    func touch(_ hashes: [UInt64]) -> UInt32 { hashes.reduce(0) { $0 ^ touch($1) } }

    /// The first slot probed for `hash`: its high 32 bits scaled to the table.
    @inline(__always)
    private static func home(_ hash: UInt64, capacity: Int) -> Int {
        Int(truncatingIfNeeded: ((hash >> 32) &* UInt64(capacity)) >> 32)
    }

    /// A 64-bit hash of a short byte string: its `foldedWords`, then a full avalanche, as the
    /// index uses the high half for the home slot and the low half for the slot's check bits.
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 { hash(word: bytes.foldedWords()) }

    /// A 64-bit hash of one word (a packed key), avalanched as `hash` avalanches a byte string's.
    @inline(__always)
    static func hash(word: UInt64) -> UInt64 {
        var h = word
        // The finalizer of MurmurHash3 (fmix64).
        h ^= h >> 33
        h = h &* 0xFF51_AFD7_ED55_8CCD
        h ^= h >> 33
        h = h &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 33)
    }
}
