/// Hands out a small integer id to each group a breakdown has state for: 0 is everyone, then
/// one id per segment group and per pair cell, in order of first appearance.
///
/// Ids let every group's state sit at `id × stride` in one flat array. The one-way lookup is a
/// flat table (segment × capacity) so resolving a batch reads it through one pointer; pair cells,
/// which can be sparse in two large code ranges, go through a dictionary.
struct GroupDirectory: Equatable, Sendable {
    /// Which group an id stands for.
    struct Owner: Equatable, Sendable {
        /// The segment (`0..<segmentCount`) or `segmentCount + pair`; −1 for everyone.
        let slot: Int
        /// The segment's code, or the pair's first code.
        let first: Int
        /// The pair's second code (0 for a segment).
        let second: Int
    }

    /// Segment fields.
    let segmentCount: Int
    /// Segment pairs.
    let pairCount: Int
    /// Owner of each id handed out; `owners[0]` is everyone.
    private(set) var owners = [Owner(slot: -1, first: 0, second: 0)]
    /// `oneWay[segment × capacity + code]`: the id, or −1.
    private var oneWay: [Int] = []
    /// Codes each segment's table region holds.
    private var capacity = 0
    /// Per pair, `first × codeLimit + second` → id.
    private var pairIDs: [[Int: Int]]

    /// Creates a directory holding only the everyone group.
    init(segmentCount: Int, pairCount: Int) {
        self.segmentCount = segmentCount
        self.pairCount = pairCount
        pairIDs = Array(repeating: [:], count: pairCount)
    }

    /// Ids handed out.
    var count: Int { owners.count }

    /// Ids per row that `resolve` writes: one per segment, one per pair.
    var groupSlots: Int { segmentCount + pairCount }

    /// The id of a group, if it has one.
    func existingID(_ owner: Owner) -> Int? {
        if owner.slot < 0 { return 0 }
        if owner.slot < segmentCount {
            guard owner.first >= 0, owner.first < capacity else { return nil }
            let id = oneWay[owner.slot * capacity + owner.first]
            return id >= 0 ? id : nil
        }
        return pairIDs[owner.slot - segmentCount][owner.first * SegmentLayout.codeLimit + owner.second]
    }

    /// The id of a group, handing out a new one when it has none.
    mutating func id(_ owner: Owner) -> Int {
        if let id = existingID(owner) { return id }
        let id = owners.count
        owners.append(owner)
        if owner.slot < segmentCount {
            if owner.first >= capacity { grow(toHold: owner.first) }
            oneWay[owner.slot * capacity + owner.first] = id
        } else {
            pairIDs[owner.slot - segmentCount][owner.first * SegmentLayout.codeLimit + owner.second] = id
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
    ///   - codes: `SegmentLayout` codes, `codeSlots` per row.
    mutating func resolve(
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
                    guard let known = cells[first * SegmentLayout.codeLimit + second] else { return false }
                    id = known
                }
                ids[row * slots + segments + pair] = id
            }
        }
        return true
    }
}
