/// The open-addressing core under every hash table in this module: how many buckets there are,
/// how many are used, when to grow, and the order a lookup visits buckets in.
///
/// It keeps no buckets itself. Each table above it lays its buckets out for what it stores
/// (`HashSlots`: one word a bucket, as a `TaggedSlotIndex` or `PackedKeyTable` uses it;
/// `ShortValueCache`: six words a bucket) and marks an empty bucket in-band, with a zero word,
/// so a lookup reads one cache line and no occupancy bitmap beside it. The table answers the
/// core's one question, "what is in bucket b?" (`Probe`), and the core does all the probing:
/// - the home bucket is the hash's high 32 bits scaled to the bucket count (multiply-shift),
///   so any count works and a table grows by half rather than doubling;
/// - linear probing, wrapping at the end, so the buckets a lookup visits after its home are the
///   next ones in memory, mostly in the same cache line;
/// - one load policy and one growth step (`HashTable+Sizing.swift`).
///
/// Every type here that Clean or Aggregate looks things up in per record is
/// `@usableFromInline package` with `@inlinable` lookups: without the attribute the compiler
/// keeps a package type's function bodies inside this module, and each lookup in a stage's hot
/// loop would be a call (measured: 3 % more instructions on W1). Nothing here is public. For
/// the same reason the limits those lookups test (`ShortValueCache.maxLength`, an id's forms)
/// are computed constants, not stored `static let`s, which another module reads through an
/// accessor call.
///
/// Tables hash with `StorageHash`, whose high half is as well mixed as its low half; a table
/// that keeps bits of the hash in its buckets takes them from the low half, which the home
/// bucket does not use.
@usableFromInline package struct HashTable: Sendable {
    @usableFromInline var storedCapacity: Int
    @usableFromInline var storedCount = 0
    @usableFromInline var storedMaximumCount: Int

    /// What a table finds in one bucket, for `find`.
    @usableFromInline package enum Probe {
        /// The bucket is empty: what is sought is not stored, and would go here.
        case empty
        /// The bucket holds what is sought.
        case match
        /// The bucket holds something else: probing goes on.
        case other
    }

    /// A core for `capacity` buckets (at least `minimumCapacity`), none of them used.
    package init(capacity: Int) {
        let capacity = max(capacity, Self.minimumCapacity)
        precondition(capacity <= Self.maximumCapacity, "a hash table of \(capacity) buckets")
        storedCapacity = capacity
        storedMaximumCount = Self.maximumCount(capacity: capacity)
    }

    /// A core with room for `expected` entries before it first grows.
    package init(expected: Int) { self.init(capacity: Self.capacity(reserving: expected)) }

    /// Buckets in the table.
    @inlinable package var capacity: Int { storedCapacity }

    /// Buckets in use.
    @inlinable package var count: Int { storedCount }

    /// The table grows when it holds more entries than this.
    @inlinable package var maximumCount: Int { storedMaximumCount }

    /// The first bucket a lookup of `hash` visits.
    @inlinable @inline(__always)
    package func home(_ hash: UInt64) -> Int {
        Int(truncatingIfNeeded: ((hash >> 32) &* UInt64(truncatingIfNeeded: storedCapacity)) >> 32)
    }

    /// The bucket after `bucket` in probe order.
    @inlinable @inline(__always)
    package func next(_ bucket: Int) -> Int {
        let next = bucket + 1
        return next == storedCapacity ? 0 : next
    }

    /// Counts one more bucket in use (the table just filled the bucket `find` gave it). Returns
    /// whether the table is now over its load: it must then grow (`resetting(capacity:)` to
    /// `grownCapacity`) before the next lookup.
    @inlinable @inline(__always)
    package mutating func noteInsertion() -> Bool {
        storedCount += 1
        return storedCount > storedMaximumCount
    }

    /// An empty core of `capacity` buckets, for a table that then re-places every entry
    /// (`find`, then `noteInsertion`) in its new buckets.
    package func resetting(capacity: Int) -> HashTable { HashTable(capacity: capacity) }
}
