/// Estimates how many distinct values a column holds in fixed memory: a k-minimum-values
/// sketch (Bar-Yossef et al., 2002) over 64-bit FNV-1a hashes of the values.
///
/// It keeps the `capacity` smallest hashes seen. Below capacity the count is exact (barring a
/// hash collision); above it, if the k-th smallest hash is h, the hashes are spread evenly,
/// so about (k − 1) · 2⁶⁴ / h values are distinct (relative error about 1/√k: 3% at k = 1024).
/// This is what tells an id column (distinct in nearly every row) from a category with many
/// values (a manager id) without remembering every value.
package struct DistinctSketch: Sendable, Hashable {
    /// How many of the smallest hashes are kept.
    package let capacity: Int
    /// The smallest hashes seen, sorted ascending, at most `capacity`.
    private var smallest: [UInt64] = []

    /// An empty sketch keeping `capacity` hashes.
    package init(capacity: Int = 1024) { self.capacity = capacity }

    /// Adds one value.
    package mutating func add(_ bytes: some Sequence<UInt8>) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        // FNV-1a leaves the high bits poorly mixed for short values; a final avalanche
        // (splitmix64's) spreads them so the smallest hashes are a fair sample.
        hash = (hash ^ (hash >> 30)) &* 0xbf58_476d_1ce4_e5b9
        hash = (hash ^ (hash >> 27)) &* 0x94d0_49bb_1331_11eb
        hash ^= hash >> 31
        if smallest.count == capacity, let largest = smallest.last, hash >= largest { return }
        var low = 0
        var high = smallest.count
        while low < high {
            let middle = (low + high) / 2
            if smallest[middle] < hash { low = middle + 1 } else { high = middle }
        }
        if low < smallest.count, smallest[low] == hash { return }
        smallest.insert(hash, at: low)
        if smallest.count > capacity { smallest.removeLast() }
    }

    /// The estimated number of distinct values added.
    package var estimate: Int {
        guard smallest.count == capacity, let kth = smallest.last, kth > 0 else { return smallest.count }
        return Int((Double(capacity - 1) * 18_446_744_073_709_551_616.0 / Double(kth)).rounded())
    }
}
