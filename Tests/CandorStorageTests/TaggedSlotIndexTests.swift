import CandorSample
import Testing

@testable import CandorStorage

/// An index over keys kept in an array, as its owners keep them, checked against a
/// `Dictionary`: across growths (both grow paths), a reservation, and with hashes made to
/// collide in both home bucket and check bits.
@Suite struct TaggedSlotIndexTests {
    /// The owner: keys in entry order, an index over them, and a hash (full, or weakened).
    struct Owner {
        var keys: [UInt64] = []
        var index = TaggedSlotIndex(capacity: 16)
        let hash: (UInt64) -> UInt64

        func entry(of key: UInt64) -> Int? { index.find(hash(key)) { keys[$0] == key }.entry }

        mutating func insert(_ key: UInt64, growByEntry: Bool) -> Bool {
            let hash = hash(key)
            let (found, slot) = index.find(hash) { [keys] in keys[$0] == key }
            guard found == nil else { return false }
            keys.append(key)
            if index.insert(hash, at: slot) {
                if growByEntry {
                    index.grow { [keys, hash = self.hash] in hash(keys[$0]) }
                } else {
                    index.grow { [keys, hash = self.hash] enter in keys.forEach { enter(hash($0)) } }
                }
            }
            return true
        }
    }

    func check(_ owner: inout Owner, seed: UInt64, steps: Int, range: UInt64) {
        var random = SplitMix64(seed: seed)
        var reference: [UInt64: Int] = [:]
        for step in 0..<steps {
            let key = random.next() % range
            #expect(owner.entry(of: key) == reference[key])
            let isNew = owner.insert(key, growByEntry: step % 2 == 0)
            #expect(isNew == (reference[key] == nil))
            if isNew { reference[key] = reference.count }
        }
        #expect(owner.index.count == reference.count)
        for (key, entry) in reference { #expect(owner.entry(of: key) == entry) }
        #expect(owner.entry(of: range + 1) == nil)
    }

    @Test func wellHashedKeysAcrossManyGrowths() {
        var owner = Owner(hash: StorageHash.mix)
        check(&owner, seed: 1, steps: 60_000, range: 40_000)
        // From 16 buckets to past the 4,096 where the load policy changes.
        #expect(owner.index.capacity > 40_000)
    }

    /// Sixteen distinct hashes: every probe run is long, and most check bits agree, so the
    /// owner's comparison decides.
    @Test func collidingHashesStayExact() {
        var owner = Owner(hash: { StorageHash.mix($0 & 15) })
        check(&owner, seed: 2, steps: 4000, range: 3000)
    }

    /// Reserving ahead sizes once (3/4 full at the total), keeps every entry, and a smaller
    /// reservation later changes nothing.
    @Test func reservingKeepsEntries() {
        var owner = Owner(hash: StorageHash.mix)
        for key in 1...300 as ClosedRange<UInt64> { _ = owner.insert(key, growByEntry: false) }
        owner.index.reserve(45_000) { [keys = owner.keys] enter in keys.forEach { enter(StorageHash.mix($0)) } }
        #expect(owner.index.capacity == 60_000)
        owner.index.reserve(100) { _ in Issue.record("no rebuild expected") }
        #expect(owner.index.capacity == 60_000)
        for key in 1...300 as ClosedRange<UInt64> { #expect(owner.entry(of: key) == Int(key) - 1) }
        for key in 301...45_000 as ClosedRange<UInt64> { _ = owner.insert(key, growByEntry: false) }
        #expect(owner.index.capacity == 60_000)
        #expect(owner.entry(of: 45_000) == 44_999)
    }

    /// The home slot of a stored key's hash holds some entry; an empty index's holds none.
    @Test func touchingReadsTheHomeSlot() {
        var owner = Owner(hash: StorageHash.mix)
        #expect(owner.index.entryInHomeSlot(StorageHash.mix(7)) == -1)
        #expect(owner.index.touch(StorageHash.mix(7)) == 0)
        _ = owner.insert(7, growByEntry: false)
        #expect(owner.index.entryInHomeSlot(StorageHash.mix(7)) == 0)
        #expect(owner.index.touch([StorageHash.mix(7)]) != 0)
    }
}
