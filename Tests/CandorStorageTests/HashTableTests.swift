import CandorSample
import Testing

@testable import CandorStorage

/// The core's policy, worked out by hand from its documented rules, and its probing, through
/// `HashSlots` with hashes chosen to collide.
@Suite struct HashTableTests {
    /// Half load below 4,096 buckets, four fifths from there: 16 → 8, 1,024 → 512,
    /// 4,095 → 2,047, 4,096 → 4,096 / 5 × 4 = 819 × 4 = 3,276, 10,000 → 8,000.
    @Test func theLoadPolicyIsHalfThenFourFifths() {
        let pairs = [(16, 8), (1024, 512), (4095, 2047), (4096, 3276), (10_000, 8000)]
        for (capacity, maximum) in pairs { #expect(HashTable.maximumCount(capacity: capacity) == maximum) }
        #expect(HashTable(capacity: 1).capacity == 16)
        #expect(HashTable(capacity: 1000).maximumCount == 500)
    }

    /// 16 → 24 → 36 → 54: half as large again each time.
    @Test func growthIsByHalf() {
        var table = HashTable(capacity: 16)
        var capacities: [Int] = []
        for _ in 0..<3 {
            table = table.resetting(capacity: table.grownCapacity)
            capacities.append(table.capacity)
        }
        #expect(capacities == [24, 36, 54])
    }

    /// Reserving: 0 → 16 (the minimum); 100 → 133 holds only 66 at half load, so 200;
    /// 3,000 → 4,000 holds 2,000, so 6,000 (which holds 4,800); 45,000 → 60,000 (48,000).
    @Test func reservingLeavesRoomForTheTotal() {
        let pairs = [(0, 16), (100, 200), (3000, 6000), (45_000, 60_000)]
        for (total, capacity) in pairs {
            #expect(HashTable.capacity(reserving: total) == capacity)
            #expect(HashTable.maximumCount(capacity: capacity) >= total)
        }
    }

    /// The home bucket scales the hash's high 32 bits: 2³¹ of 2³² is halfway (16 → 8), the top
    /// value is the last bucket (24 → 23), and the low half plays no part.
    @Test func theHomeBucketComesFromTheHighHalf() {
        #expect(HashTable(capacity: 16).home(0x8000_0000_0000_0000) == 8)
        #expect(HashTable(capacity: 24).home(0xFFFF_FFFF_0000_0000) == 23)
        #expect(HashTable(capacity: 24).home(0x0000_0000_FFFF_FFFF) == 0)
    }

    /// fmix64, checked against Python:
    /// `M=(1<<64)-1; h=v; h^=h>>33; h=h*0xFF51AFD7ED558CCD&M; h^=h>>33; h=h*0xC4CEB9FE1A85EC53&M; h^h>>33`.
    @Test func theMixIsMurmur3sFinalizer() {
        #expect(StorageHash.mix(0) == 0)
        #expect(StorageHash.mix(1) == 0xB456_BCFC_34C2_CB2C)
        #expect(StorageHash.mix(0x0100_0000_0000_0041) == 0x0154_DE0F_0E58_5614)
        #expect(StorageHash.mix(.max) == 0x64B5_720B_4B82_5F21)
    }

    /// Words whose hashes share a few home buckets at the end of the table, so probe runs are
    /// long and wrap to bucket 0, against a `Set`, across growths and a rebuild.
    @Test func collidingWordsWrapAndAreAllFound() {
        var random = SplitMix64(seed: 21)
        var slots = HashSlots<UInt64>(capacity: 16)
        var reference: Set<UInt64> = []
        // Four possible hashes, all homing in the table's last quarter.
        func hash(_ word: UInt64) -> UInt64 { (0xF000_0000 | (word & 3) << 24) << 32 }
        for _ in 0..<3000 {
            let word = random.next() % 5000 + 1
            let (bucket, found) = slots.find(hash(word)) { $0 == word }
            #expect(found == reference.contains(word))
            if !found {
                reference.insert(word)
                if slots.insert(word, at: bucket) {
                    let old = slots
                    slots.removeAll(newCapacity: old.grownCapacity)
                    old.forEachSlot { _, word in _ = slots.reinsert(hash(word), word) }
                }
            }
        }
        #expect(slots.count == reference.count)
        #expect(slots.capacity > 16)
        var seen: Set<UInt64> = []
        slots.forEachSlot { _, word in seen.insert(word) }
        #expect(seen == reference)
        for word in reference { #expect(slots.find(hash(word)) { $0 == word }.found) }
        #expect(!slots.find(hash(5001)) { $0 == 5001 }.found)
        // A lookup's home bucket holds a word whenever anything is stored under its hash.
        #expect(slots.homeSlot(hash(1)) != 0)
    }
}
