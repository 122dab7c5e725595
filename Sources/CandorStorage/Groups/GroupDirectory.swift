/// Hands out a small integer id to each group a breakdown has state for: 0 is everyone, then
/// one id per segment group and per pair cell, in order of first appearance.
///
/// Ids let every group's state sit at `id × stride` in one flat array. The one-way lookup is a
/// flat table (segment × capacity) so resolving a batch reads it through one pointer; segment
/// codes are small and dense (category codes), so the table is as large as the codes seen.
/// Pair cells, which can be sparse in two large code ranges, go through one `PackedKeyTable`
/// per pair, keyed by both codes in one word.
package struct GroupDirectory: Equatable, Sendable {
    /// Which group an id stands for.
    package struct Owner: Equatable, Sendable {
        /// The segment (`0..<segmentCount`) or `segmentCount + pair`; −1 for everyone.
        package let slot: Int
        /// The segment's code, or the pair's first code.
        package let first: Int
        /// The pair's second code (0 for a segment).
        package let second: Int

        /// The group of segment or pair `slot` with codes `first` and `second`.
        package init(slot: Int, first: Int, second: Int) {
            (self.slot, self.first, self.second) = (slot, first, second)
        }
    }

    /// Segment fields.
    package let segmentCount: Int
    /// Segment pairs.
    package let pairCount: Int
    /// Owner of each id handed out; `owners[0]` is everyone.
    package private(set) var owners = [Owner(slot: -1, first: 0, second: 0)]
    /// `oneWay[segment × capacity + code]`: the id, or −1.
    private var oneWay: [Int] = []
    /// Codes each segment's table region holds.
    private var capacity = 0
    /// Per pair, `pairKey(first, second)` → id.
    private var pairIDs: [PackedKeyTable<Int>]

    /// Creates a directory holding only the everyone group.
    package init(segmentCount: Int, pairCount: Int) {
        self.segmentCount = segmentCount
        self.pairCount = pairCount
        pairIDs = Array(repeating: PackedKeyTable(), count: pairCount)
    }

    /// Two directories are equal when they hand out the same ids: the owners, in order, say all.
    package static func == (left: GroupDirectory, right: GroupDirectory) -> Bool {
        left.segmentCount == right.segmentCount && left.pairCount == right.pairCount && left.owners == right.owners
    }

    /// Ids handed out.
    package var count: Int { owners.count }

    /// Ids per row that `resolve` writes: one per segment, one per pair.
    package var groupSlots: Int { segmentCount + pairCount }

    /// The key of pair cell (`first`, `second`), codes of 0 to 2³¹ − 1: both in one word, plus
    /// one so that no key is zero (an empty bucket).
    @inline(__always)
    private static func pairKey(_ first: Int, _ second: Int) -> UInt64 {
        (UInt64(truncatingIfNeeded: first) << 32 | UInt64(truncatingIfNeeded: second)) &+ 1
    }

    /// The id of a group, if it has one.
    package func existingID(_ owner: Owner) -> Int? {
        if owner.slot < 0 { return 0 }
        if owner.slot < segmentCount {
            guard owner.first >= 0, owner.first < capacity else { return nil }
            let id = oneWay[owner.slot * capacity + owner.first]
            return id >= 0 ? id : nil
        }
        return pairIDs[owner.slot - segmentCount].value(for: Self.pairKey(owner.first, owner.second))
    }

    /// The id of a group, handing out a new one when it has none.
    package mutating func id(_ owner: Owner) -> Int {
        if let id = existingID(owner) { return id }
        let id = owners.count
        owners.append(owner)
        if owner.slot < segmentCount {
            if owner.first >= capacity { grow(toHold: owner.first) }
            oneWay[owner.slot * capacity + owner.first] = id
        } else {
            precondition(
                (0..<1 << 31).contains(owner.first) && (0..<1 << 31).contains(owner.second),
                "pair codes \(owner.first), \(owner.second)")
            pairIDs[owner.slot - segmentCount].set(Self.pairKey(owner.first, owner.second), id)
        }
        return id
    }

    /// Re-lays the one-way table so each segment's region holds `code`.
    private mutating func grow(toHold code: Int) {
        var newCapacity = max(capacity, 16)
        while newCapacity <= code { newCapacity *= 2 }
        var table = Array(repeating: -1, count: segmentCount * newCapacity)
        for segment in 0..<segmentCount {
            for code in 0..<capacity { table[segment * newCapacity + code] = oneWay[segment * capacity + code] }
        }
        oneWay = table
        capacity = newCapacity
    }

    /// Writes each row's group ids (`groupSlots` per row, −1 where the row is in no group of that
    /// segment or pair), first handing out ids to groups the batch is the first to show.
    ///
    /// - Parameters:
    ///   - codes: segment codes (≥ 0, or −1 for none), `codeSlots` per row: one per segment, then
    ///     two per pair.
    package mutating func resolve(
        codes: UnsafeBufferPointer<Int>, codeSlots: Int, rows: Int, into ids: UnsafeMutableBufferPointer<Int>
    ) {
        if lookUp(codes: codes, codeSlots: codeSlots, rows: rows, into: ids) { return }
        // Rare (a batch with a new group): hand out ids one by one, then look up again.
        for row in 0..<rows {
            for segment in 0..<segmentCount where codes[row * codeSlots + segment] >= 0 {
                _ = id(Owner(slot: segment, first: codes[row * codeSlots + segment], second: 0))
            }
            for pair in 0..<pairCount {
                let first = codes[row * codeSlots + segmentCount + 2 * pair]
                let second = codes[row * codeSlots + segmentCount + 2 * pair + 1]
                guard first >= 0, second >= 0 else { continue }
                _ = id(Owner(slot: segmentCount + pair, first: first, second: second))
            }
        }
        _ = lookUp(codes: codes, codeSlots: codeSlots, rows: rows, into: ids)
    }

    /// `resolve` without handing out ids; `false` as soon as a group has none.
    private func lookUp(
        codes: UnsafeBufferPointer<Int>, codeSlots: Int, rows: Int, into ids: UnsafeMutableBufferPointer<Int>
    ) -> Bool {
        let slots = groupSlots
        let segments = segmentCount
        let capacity = capacity
        let resolvedSegments = oneWay.withUnsafeBufferPointer { table -> Bool in
            for row in 0..<rows {
                for segment in 0..<segments {
                    let code = codes[row * codeSlots + segment]
                    var id = -1
                    if code >= 0 {
                        guard code < capacity else { return false }
                        id = table[segment * capacity + code]
                        guard id >= 0 else { return false }
                    }
                    ids[row * slots + segment] = id
                }
            }
            return true
        }
        guard resolvedSegments else { return false }
        for pair in 0..<pairCount {
            let cells = pairIDs[pair]
            for row in 0..<rows {
                let first = codes[row * codeSlots + segments + 2 * pair]
                let second = codes[row * codeSlots + segments + 2 * pair + 1]
                var id = -1
                if first >= 0, second >= 0 {
                    guard let known = cells.value(for: Self.pairKey(first, second)) else { return false }
                    id = known
                }
                ids[row * slots + segments + pair] = id
            }
        }
        return true
    }
}
