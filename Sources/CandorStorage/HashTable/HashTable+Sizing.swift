extension HashTable {
    /// The fewest buckets a table has.
    package static let minimumCapacity = 16

    /// The most buckets a table has: the home bucket scales 32 bits of the hash, and a
    /// `TaggedSlotIndex` numbers its entries in 32-bit slots.
    package static let maximumCapacity = Int(UInt32.max)

    /// Tables of fewer buckets than this grow at half load, larger ones at four fifths.
    ///
    /// A small table (a Likert item's dozen spellings, a field's cached values) is looked up
    /// for every record and costs little memory, so it stays sparse and a lookup rarely goes
    /// past its home bucket. A large one (the respondent ids, a hundred thousand manager ids)
    /// is mostly memory, and is far larger than the CPU's nearer caches anyway, so it fills to
    /// 80 %, where a lookup that finds its key still visits about three buckets, nearly always
    /// in the home bucket's cache line.
    package static let sparseLimit = 4096

    /// How many entries a table of `capacity` buckets holds before it grows: the load policy.
    package static func maximumCount(capacity: Int) -> Int {
        capacity < sparseLimit ? capacity / 2 : capacity / 5 * 4
    }

    /// The buckets a table grows to: half as many again (multiply-shift homes need no power of
    /// two), which leaves less slack after the last growth than doubling.
    package var grownCapacity: Int {
        precondition(storedCapacity < Self.maximumCapacity, "more than \(storedMaximumCount) entries")
        return min(storedCapacity + storedCapacity / 2, Self.maximumCapacity)
    }

    /// The buckets for `total` entries when about that many are known to be coming: three
    /// quarters full when they are all in (or half, for a small table), so filling it regrows
    /// nothing on the way and leaves some headroom before the 80 % growth.
    package static func capacity(reserving total: Int) -> Int {
        var capacity = max(total + total / 3, minimumCapacity)
        if maximumCount(capacity: capacity) < total { capacity = 2 * total }
        return min(capacity, maximumCapacity)
    }
}
