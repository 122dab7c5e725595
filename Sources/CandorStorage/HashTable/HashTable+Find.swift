extension HashTable {
    /// The one probe loop: visits buckets from `hash`'s home in probe order, asking `probe`
    /// what each holds, and stops at the first match or empty bucket.
    ///
    /// A table's load stays below `maximumCount`, so an empty bucket always ends the loop.
    /// Inlined into each table, `probe` becomes the table's own comparison, so the loop costs
    /// what a hand-written one would.
    ///
    /// - Returns: the bucket where probing stopped, and whether it holds a match (else it is the
    ///   empty bucket where the entry sought would go).
    @inlinable @inline(__always)
    package func find(_ hash: UInt64, _ probe: (Int) -> Probe) -> (bucket: Int, found: Bool) {
        var bucket = home(hash)
        while true {
            switch probe(bucket) {
            case .empty: return (bucket, false)
            case .match: return (bucket, true)
            case .other: bucket = next(bucket)
            }
        }
    }

    /// The first empty bucket from `hash`'s home, where an entry known to be absent goes (as
    /// when a table re-places its entries after growing). `isEmpty(b)` says whether bucket b is.
    @inlinable @inline(__always)
    package func emptyBucket(_ hash: UInt64, _ isEmpty: (Int) -> Bool) -> Int {
        find(hash) { isEmpty($0) ? .empty : .other }.bucket
    }
}
