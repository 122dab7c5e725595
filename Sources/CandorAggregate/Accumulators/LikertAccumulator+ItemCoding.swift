import CandorClean

extension LikertAccumulator {
    /// The items' answer → counter lookups as two flat integer tables, read through pointers
    /// once per batch (items hold arrays and enums, whose per-response copies cost retains).
    struct ItemCoding: Equatable, Sendable {
        /// Values per item in `plan`.
        static let planStride = 6
        /// Bits of a `lookup` entry below the counter's offset: the scored point's class.
        static let classBits = 2
        /// Set in a `lookup` entry whose answer scores favourable.
        static let favourableBit = 1
        /// Set in a `lookup` entry whose answer scores unfavourable.
        static let unfavourableBit = 2
        /// Per item: field, lowest stored value, start and length of its `lookup` run, offset of
        /// its `ItemTally` within a state, and offset of its `pointSum` within that tally.
        let plan: [Int]
        /// Per item, by `stored value − lowest`: −1 when the value is no point of the scale, else
        /// `(offset within a state of the counter of the point answered) << 2 | class bits`.
        /// A reverse-coded item stores `min + max − answer`, so its counters are found by
        /// turning the value back, while the class is the stored (scored) point's.
        let lookup: [Int]

        /// Lays out `items` as `LikertAccumulator.Tally` does.
        init(items: [Item]) {
            var plan: [Int] = []
            var lookup: [Int] = []
            var itemOffset = 0
            for item in items {
                let scale = item.scale
                let pointCount = scale.points.count
                let lowest = scale.points.min() ?? 0
                let highest = scale.points.max() ?? 0
                // A scale spanning more than 1,024 values counts the lowest 1,025 only.
                let length = min(highest - lowest, 1024) + 1
                var table = Array(repeating: -1, count: length)
                for index in scale.points.indices {
                    let stored = item.scoredPoints[index]
                    guard stored - lowest >= 0, stored - lowest < length else { continue }
                    let classBits =
                        item.classes[index] == 1
                        ? Self.favourableBit : (item.classes[index] == -1 ? Self.unfavourableBit : 0)
                    table[stored - lowest] = (itemOffset + 5 + index) << Self.classBits | classBits
                }
                plan += [item.field, lowest, lookup.count, length, itemOffset, 5 + pointCount]
                lookup += table
                itemOffset += 6 + pointCount
            }
            self.plan = plan
            self.lookup = lookup
        }

        /// Item `item`'s lookup entry for the response `row`, −1 when it has no answer.
        @inline(__always)
        static func entry(
            of row: UnsafeBufferPointer<Int64>, item: Int, plan: UnsafeBufferPointer<Int>,
            lookup: UnsafeBufferPointer<Int>
        ) -> Int {
            let start = item * planStride
            let value = row[plan[start]]
            guard value != Response.missing else { return -1 }
            let offset = value &- Int64(plan[start + 1])
            guard offset >= 0, offset < Int64(plan[start + 3]) else { return -1 }
            return lookup[plan[start + 2] + Int(offset)]
        }
    }
}
