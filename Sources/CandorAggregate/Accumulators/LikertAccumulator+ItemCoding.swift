import CandorClean

extension LikertAccumulator {
    /// The items' answer → counter lookups as two flat integer tables, read through pointers
    /// once per batch (items hold arrays and enums, whose per-response copies cost retains).
    struct ItemCoding: Equatable, Sendable {
        /// Values per item in `plan`.
        static let planStride = 6
        /// Per item: field, lowest point, start and length of its `lookup` run, offset of its
        /// `ItemTally` within a state, and offset of its `pointSum` within that tally.
        let plan: [Int]
        /// Per item, by `value − lowest point`: −1 when the value is no point of the scale, else
        /// `(offset of the point's counter within a state) << 1 | favourable`.
        let lookup: [Int]

        /// Lays out `items` as `LikertAccumulator.Tally` does.
        init(items: [Item]) {
            var plan: [Int] = []
            var lookup: [Int] = []
            var itemOffset = 0
            for item in items {
                let pointCount = item.scale.points.count
                guard case .likert(let minimum, let pointIndex) = SegmentLayout.likertCoder(item.scale) else {
                    continue
                }
                plan += [item.field, Int(minimum), lookup.count, pointIndex.count, itemOffset, 5 + pointCount]
                lookup += pointIndex.map { point in
                    guard point >= 0, point < item.classes.count else { return -1 }
                    return (itemOffset + 5 + point) << 1 | (item.classes[point] == 1 ? 1 : 0)
                }
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
