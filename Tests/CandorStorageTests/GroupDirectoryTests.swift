import CandorSample
import Testing

@testable import CandorStorage

/// A directory against a dictionary from (slot, first, second) to the id handed out in order
/// of first appearance: segment codes that grow the one-way table several times, and sparse
/// pair codes up to 2³¹ − 1.
@Suite struct GroupDirectoryTests {
    typealias Group = GroupDirectory.Owner

    struct Reference {
        var ids: [[Int]: Int] = [[-1, 0, 0]: 0]
        mutating func id(_ owner: Group) -> Int {
            let key = [owner.slot, owner.first, owner.second]
            if let id = ids[key] { return id }
            ids[key] = ids.count
            return ids.count - 1
        }
    }

    @Test func idsFollowFirstAppearanceAsADictionarySays() {
        var random = SplitMix64(seed: 3)
        var directory = GroupDirectory(segmentCount: 2, pairCount: 2)
        var reference = Reference()
        for _ in 0..<20_000 {
            let slot = Int(random.next() % 4)
            let first = slot < 2 ? Int(random.next() % 600) : Int(random.next() % 50) * 40_000_000
            let second = slot < 2 ? 0 : Int(random.next() % 30) * 70_000_000
            let owner = Group(slot: slot, first: first, second: second)
            let known = reference.ids[[slot, first, second]]
            #expect(directory.existingID(owner) == known)
            #expect(directory.id(owner) == reference.id(owner))
        }
        #expect(directory.count == reference.ids.count)
        #expect(directory.existingID(Group(slot: -1, first: 0, second: 0)) == 0)
        #expect(directory.existingID(Group(slot: 0, first: 10_000, second: 0)) == nil)
        for (id, owner) in directory.owners.enumerated() {
            #expect(reference.ids[[owner.slot, owner.first, owner.second]] == id)
        }
    }

    /// `resolve` writes each row's ids (−1 where a code is missing), handing out new ones in
    /// row order, segments before pairs: worked out by hand for three rows.
    @Test func resolvingABatch() {
        var directory = GroupDirectory(segmentCount: 1, pairCount: 1)
        // Per row: segment code, then the pair's two codes.
        let codes = [
            5, 1, 2,
            -1, 1, 2,
            5, 3, -1,
        ]
        var ids = [Int](repeating: 0, count: 6)
        codes.withUnsafeBufferPointer { codes in
            ids.withUnsafeMutableBufferPointer { ids in
                directory.resolve(codes: codes, codeSlots: 3, rows: 3, into: ids)
            }
        }
        // Row 0: segment 5 → 1, pair (1, 2) → 2. Row 1: no segment, pair (1, 2) → 2.
        // Row 2: segment 5 → 1, pair missing its second code → −1.
        #expect(ids == [1, 2, -1, 2, 1, -1])
        #expect(directory.count == 3)
        var same = GroupDirectory(segmentCount: 1, pairCount: 1)
        _ = same.id(Group(slot: 0, first: 5, second: 0))
        _ = same.id(Group(slot: 1, first: 1, second: 2))
        #expect(same == directory)
        _ = same.id(Group(slot: 1, first: 2, second: 1))
        #expect(same != directory)
    }
}
