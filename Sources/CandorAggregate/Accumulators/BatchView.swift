import CandorClean

/// One batch of responses as the accumulators read it: raw pointers valid for one `add`, with
/// every response's segment codes worked out once for all accumulators.
///
/// Not `Sendable` and never stored: the pointers die with the `Aggregator.add` call.
struct BatchView {
    /// The values, `count × width`.
    let values: UnsafeBufferPointer<Int64>
    /// One weight per response.
    let weights: UnsafeBufferPointer<Double>
    /// Values per response.
    let width: Int
    /// Responses.
    let count: Int
    /// `SegmentLayout` codes, `codeSlots` per response.
    let codes: UnsafeBufferPointer<Int>
    /// Codes per response.
    let codeSlots: Int

    /// Response `index`'s values.
    @inline(__always)
    func row(_ index: Int) -> UnsafeBufferPointer<Int64> {
        UnsafeBufferPointer(rebasing: values[index * width..<(index + 1) * width])
    }

    /// Calls `body` with the offset of each state response `index` is recorded in: everyone's
    /// (0), then each group's, from the ids `Breakdown.prepare` wrote.
    @inline(__always)
    func forEachState(
        of index: Int, ids: UnsafeMutableBufferPointer<Int>, groupSlots: Int, stride: Int, _ body: (Int) -> Void
    ) {
        body(0)
        let start = index * groupSlots
        for slot in start..<start + groupSlots {
            let id = ids[slot]
            if id >= 0 { body(id * stride) }
        }
    }
}
