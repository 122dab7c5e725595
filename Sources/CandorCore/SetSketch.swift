/// A fixed-size summary of a set of entries from which the difference between two such sets can
/// be read back when it is small: an invertible Bloom lookup table (Goodrich and Mitzenmacher,
/// 2011; its use for set reconciliation: Eppstein et al., "What's the difference?", 2011).
///
/// An entry is two 64-bit words, here a keyed hash of a respondent's id and one of their answers
/// (see `KeyedHash`). Each entry is added to one cell in each of `partitions` equal parts of the
/// table; a cell keeps the entries' count and the sums (modulo 2⁶⁴) of their words and of a check
/// word. Subtracting one sketch from another cancels the common entries; the difference is then
/// read by peeling cells that hold one entry, once or several times: sums rather than the usual
/// exclusive-or, so that a multiset reads back too (two respondents with the same answers in a
/// pipeline without an id field are the same entry twice). Its size never depends on the set's: only on the
/// difference it must be able to read, `capacity` entries.
///
/// With six parts of `capacity + 6` cells, a difference of up to `capacity` entries fails to decode
/// about once in a million or fewer (chiefly when two entries share all six cells, probability
/// about C(d, 2)·(capacity + 6)⁻⁶); a failure is reported as a large difference (see
/// `SetSketchTests` for the measured rate).
package struct SetSketch: Sendable, Equatable {
    /// One entry of a set.
    package struct Entry: Sendable, Hashable {
        /// The first word (a respondent id's hash).
        package var id: UInt64
        /// The second word (the hash of the respondent's answers).
        package var value: UInt64

        /// Creates an entry.
        package init(id: UInt64, value: UInt64) {
            self.id = id
            self.value = value
        }
    }

    /// What subtracting one sketch from another shows.
    package enum Difference: Sendable, Equatable {
        /// The entries only the newer set has, and those only the older one has.
        case entries(added: [Entry], removed: [Entry])
        /// The difference is larger than the sketch can read back.
        case large
    }

    /// Number of parts; every entry goes to one cell in each.
    static let partitions = 6
    /// The difference the sketch is sized to read back, in entries.
    package let capacity: Int
    /// Cells per part.
    private var partSize: Int { capacity + 6 }
    /// Per cell: count, sums of ids, of values and of check words, four words a cell.
    private(set) var words: [UInt64]

    /// An empty sketch that reads back differences of up to `capacity` entries.
    package init(capacity: Int) {
        self.capacity = max(1, capacity)
        words = Array(repeating: 0, count: Self.partitions * (self.capacity + 6) * 4)
    }

    /// A sketch from what `serialized` gave; `nil` when the bytes are no sketch of `capacity`.
    package init?(capacity: Int, serialized: [UInt8]) {
        self.init(capacity: capacity)
        guard serialized.count == words.count * 8 else { return nil }
        for index in words.indices {
            var word: UInt64 = 0
            for byte in 0..<8 { word |= UInt64(serialized[index * 8 + byte]) << (8 * UInt64(byte)) }
            words[index] = word
        }
    }

    /// The sketch as little-endian bytes, for the history.
    package var serialized: [UInt8] {
        words.flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> (8 * UInt64($0))) } }
    }

    /// Whether no entry is in the sketch (or every entry added was removed again).
    package var isEmpty: Bool { words.allSatisfy { $0 == 0 } }

    /// Adds `entry`.
    package mutating func insert(_ entry: Entry) { toggle(entry, count: 1) }

    /// Adds every entry of `other` (a sketch of the same capacity), as if inserted here.
    package mutating func merge(_ other: SetSketch) {
        guard other.capacity == capacity else { return }
        for index in words.indices { words[index] &+= other.words[index] }
    }

    /// The entries this sketch's set has and `older`'s lacks, and the reverse; `.large` when
    /// they cannot be read back (more than about `capacity` entries, or sketches of different
    /// sizes).
    package func difference(from older: SetSketch) -> Difference {
        guard older.capacity == capacity else { return .large }
        var table = self
        for index in words.indices { table.words[index] &-= older.words[index] }
        var added: [Entry] = []
        var removed: [Entry] = []
        var progress = true
        while progress {
            progress = false
            for cell in 0..<(words.count / 4) {
                let count = Int64(bitPattern: table.words[cell * 4])
                guard count != 0, count.magnitude <= UInt64(capacity),
                    let entry = Self.pure(count: count, table.words[(cell * 4 + 1)...(cell * 4 + 3)])
                else { continue }
                for _ in 0..<Int(count.magnitude) {
                    if count > 0 { added.append(entry) } else { removed.append(entry) }
                }
                table.toggle(entry, count: -count)
                progress = true
            }
        }
        guard table.isEmpty else { return .large }
        return .entries(added: added.sorted(by: Self.order), removed: removed.sorted(by: Self.order))
    }

    /// The entry a cell holds `count` times, if that is all it holds: the solutions of
    /// count·id = id sum and count·value = value sum (modulo 2⁶⁴; several when count is even)
    /// whose check word times count is the check sum.
    private static func pure(count: Int64, _ sums: ArraySlice<UInt64>) -> Entry? {
        let factor = UInt64(bitPattern: count)
        let start = sums.startIndex
        for id in solutions(factor, sums[start]) {
            for value in solutions(factor, sums[start + 1]) {
                let entry = Entry(id: id, value: value)
                if factor &* check(entry) == sums[start + 2] { return entry }
            }
        }
        return nil
    }

    /// Every x with factor·x = sum modulo 2⁶⁴ (factor ≠ 0): none unless 2^a divides the sum,
    /// where 2^a is the largest power of two dividing factor; then 2^a of them.
    private static func solutions(_ factor: UInt64, _ sum: UInt64) -> [UInt64] {
        let shift = UInt64(factor.trailingZeroBitCount)
        guard sum.trailingZeroBitCount >= shift else { return [] }
        let odd = factor >> shift
        // The inverse of an odd number modulo 2⁶⁴ by Newton's iteration (each step doubles the
        // correct low bits: 3 → 6 → … → 96).
        var inverse = odd
        for _ in 0..<5 { inverse = inverse &* (2 &- odd &* inverse) }
        let low = (sum >> shift) &* inverse
        let step: UInt64 = shift == 0 ? 0 : 1 << (64 - shift)
        let lowMask: UInt64 = shift == 0 ? .max : step - 1
        return (0..<(1 << shift)).map { (low & lowMask) &+ UInt64($0) &* step }
    }

    /// Adds `entry` `count` times (taking it away when negative) in its cell of every part.
    private mutating func toggle(_ entry: Entry, count: Int64) {
        let check = Self.check(entry)
        var seed = entry.id ^ Self.mix(entry.value)
        for part in 0..<Self.partitions {
            seed = Self.mix(seed &+ 0x9e37_79b9_7f4a_7c15)
            let cell = part * partSize + Int(seed % UInt64(partSize))
            let factor = UInt64(bitPattern: count)
            words[cell * 4] &+= factor
            words[cell * 4 + 1] &+= factor &* entry.id
            words[cell * 4 + 2] &+= factor &* entry.value
            words[cell * 4 + 3] &+= factor &* check
        }
    }

    /// The word that tells a cell holding exactly one entry from one holding several.
    private static func check(_ entry: Entry) -> UInt64 { mix(mix(entry.id) ^ entry.value ^ 0x5851_f42d_4c95_7f2d) }

    /// SplitMix64's finaliser: spreads every input bit over the word. The entries are keyed hashes
    /// already, so cell positions need no key of their own.
    private static func mix(_ word: UInt64) -> UInt64 {
        var z = word
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }

    private static func order(_ lhs: Entry, _ rhs: Entry) -> Bool { (lhs.id, lhs.value) < (rhs.id, rhs.value) }
}
