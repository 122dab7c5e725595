import CandorCore

/// Per group (a manager, say): the respondent count, Σw, and per score bucket (see
/// `ScoreReader`) Σw × numerator and Σw × numerator², in 16 bytes a group while the sums are
/// small integers (24 after, 32 when weighted).
///
/// A mean of 12 items has 12 buckets (one per number of answered items), but a group nearly
/// always uses one: where every respondent answers every item, or where a team's few
/// respondents answer alike. So each group stores the sums of the first bucket it uses; the
/// sums of any other bucket go to a sparse side table, made only for the groups that need
/// them. Every bucket's sums are added in the order responses arrive, as when each group held
/// every bucket, so results and merges are the same bit for bit.
///
/// Σw is kept only once a weight other than 1 is seen: until then it is the count, exactly (a
/// sum of ones), so an unweighted run does not store it; the first other weight starts the
/// weight pages from the counts, which is what they would have held.
///
/// Numerators are integers (`ScoreReader`), so while every weight is 1 each sum is an integer,
/// held exactly by a `Double` and as exactly by a narrower integer: the groups start `compact`,
/// a group's two sums in one word (`CompactGroup`), and are widened to `Group`s, with the same
/// values, at the first weight other than 1, numerator out of range, or sum too large for it.
/// A hundred thousand managers in each of a run's two halves then cost 1.6 MB less.
struct GroupScoreSums: Sendable {
    /// One group's count and the sums of its first bucket.
    struct Group: Sendable {
        /// Respondents (low 40 bits) and the group's first bucket + 1 (high 24 bits; 0: none yet).
        var countAndBucket: UInt64 = 0
        /// Σw × numerator for the first bucket.
        var sum = 0.0
        /// Σw × numerator² for the first bucket.
        var sumOfSquares = 0.0
    }

    /// One group while the sums are small integers: `Group` in 16 bytes.
    struct CompactGroup: Sendable {
        /// As `Group.countAndBucket`.
        var countAndBucket: UInt64 = 0
        /// The first bucket's Σ numerator (an `Int32`, low 32 bits) and Σ numerator² (a
        /// `UInt32`, high 32 bits).
        var sums: UInt64 = 0

        /// The group as a `Group`, its sums as `Double`s (exactly).
        var wide: Group {
            Group(
                countAndBucket: countAndBucket, sum: Double(Int32(truncatingIfNeeded: sums)),
                sumOfSquares: Double(sums >> 32))
        }
    }

    /// The sums of one bucket of one group.
    struct BucketSums: Equatable, Sendable {
        /// Σw × numerator.
        var sum = 0.0
        /// Σw × numerator².
        var sumOfSquares = 0.0
    }

    /// Buckets a group can have.
    let bucketCount: Int
    /// The groups, `groupsPerPage` a page. Pages are allocated whole and never grow, so a run
    /// with a hundred thousand managers holds no doubling slack and never copies the sums.
    private var pages: [[Group]] = []
    /// The groups while `isCompact`, paged like `pages` (which is then empty).
    private var compactPages: [[CompactGroup]] = []
    /// Whether the groups are `compactPages`.
    private(set) var isCompact = true
    /// Σw per group, paged like `pages`; empty while every weight has been 1.
    private var weightPages: [[Double]] = []
    /// Whether a weight other than 1 was seen (`weightPages` is kept).
    private(set) var isWeighted = false
    /// Sums of the buckets that are not their group's first, by group × `bucketCount` + bucket.
    private var otherBuckets: [Int: BucketSums] = [:]
    /// Groups added so far.
    private(set) var count = 0

    static let groupsPerPage = 1024
    private static let countMask: UInt64 = (1 << 40) - 1

    /// Creates an empty store for a score with `bucketCount` buckets.
    init(bucketCount: Int) {
        precondition(bucketCount < 1 << 24 - 1, "a score of \(bucketCount) buckets")
        self.bucketCount = bucketCount
    }

    /// Adds empty groups until there are `newCount` (none when there are as many already).
    @inline(__always)
    mutating func extend(toCount newCount: Int) {
        guard newCount > count else { return }
        while newCount > max(pages.count, compactPages.count) * Self.groupsPerPage {
            if isCompact {
                compactPages.append(Array(repeating: CompactGroup(), count: Self.groupsPerPage))
            } else {
                pages.append(Array(repeating: Group(), count: Self.groupsPerPage))
            }
            if isWeighted { weightPages.append(Array(repeating: 0, count: Self.groupsPerPage)) }
        }
        count = newCount
    }

    /// Counts one response of group `number`: weight `weight`, numerator `numerator` in bucket
    /// `bucket`.
    @inline(__always)
    mutating func add(group number: Int, bucket: Int, weight: Double, numerator: Double) {
        if isCompact {
            if weight == 1, addCompact(group: number, bucket: bucket, numerator: numerator) { return }
            widen()
        }
        if weight != 1 && !isWeighted { startWeights() }
        let stored = pages[number / Self.groupsPerPage].withUnsafeMutableBufferPointer { page in
            let index = number % Self.groupsPerPage
            var word = page[index].countAndBucket
            precondition(word & Self.countMask != Self.countMask, "more than 2^40 respondents in one group")
            if word >> 40 == 0 { word |= UInt64(bucket + 1) << 40 }
            page[index].countAndBucket = word + 1
            guard word >> 40 == bucket + 1 else { return false }
            page[index].sum += weight * numerator
            page[index].sumOfSquares += weight * numerator * numerator
            return true
        }
        if isWeighted { weightPages[number / Self.groupsPerPage][number % Self.groupsPerPage] += weight }
        if !stored {
            otherBuckets[number * bucketCount + bucket, default: BucketSums()].sum += weight * numerator
            otherBuckets[number * bucketCount + bucket]!.sumOfSquares += weight * numerator * numerator
        }
    }

    /// Adds the count and sums of `other`'s group `theirs` to group `mine`, bucket by bucket.
    mutating func add(group mine: Int, from other: GroupScoreSums, group theirs: Int) {
        // Sums that are not all small integers cannot be added to compact ones.
        if isCompact && !other.isCompact { widen() }
        if other.isWeighted && !isWeighted { startWeights() }
        let group = other.group(theirs)
        let theirBucket = Int(group.countAndBucket >> 40) - 1
        guard theirBucket >= 0 else { return }  // No response yet: nothing to add.
        var word = countAndBucket(ofGroup: mine)
        if word >> 40 == 0 { word |= UInt64(theirBucket + 1) << 40 }
        let total = (word & Self.countMask) + (group.countAndBucket & Self.countMask)
        precondition(total < Self.countMask, "more than 2^40 respondents in one group")
        setCountAndBucket(word & ~Self.countMask | total, ofGroup: mine)
        let ownBucket = Int(word >> 40) - 1
        if isWeighted {
            weightPages[mine / Self.groupsPerPage][mine % Self.groupsPerPage] += other.weight(ofGroup: theirs)
        }
        add(
            group: mine, bucket: theirBucket, ownBucket: ownBucket,
            BucketSums(sum: group.sum, sumOfSquares: group.sumOfSquares))
        for bucket in 0..<bucketCount {
            guard let sums = other.otherBuckets[theirs * bucketCount + bucket] else { continue }
            add(group: mine, bucket: bucket, ownBucket: ownBucket, sums)
        }
    }

    /// Adds `sums` to bucket `bucket` of group `number`, whose first bucket is `ownBucket`.
    private mutating func add(group number: Int, bucket: Int, ownBucket: Int, _ sums: BucketSums) {
        if bucket == ownBucket {
            if isCompact, addCompact(sums, toGroup: number) { return }
            if isCompact { widen() }
            pages[number / Self.groupsPerPage][number % Self.groupsPerPage].sum += sums.sum
            pages[number / Self.groupsPerPage][number % Self.groupsPerPage].sumOfSquares += sums.sumOfSquares
        } else {
            otherBuckets[number * bucketCount + bucket, default: BucketSums()].sum += sums.sum
            otherBuckets[number * bucketCount + bucket]!.sumOfSquares += sums.sumOfSquares
        }
    }

    /// Group `number`'s record.
    @inline(__always)
    private func group(_ number: Int) -> Group {
        isCompact
            ? compactPages[number / Self.groupsPerPage][number % Self.groupsPerPage].wide
            : pages[number / Self.groupsPerPage][number % Self.groupsPerPage]
    }

    /// Starts keeping Σw: each group's so far is its count (every weight was 1).
    private mutating func startWeights() {
        if isCompact { widen() }
        isWeighted = true
        weightPages = pages.map { page in page.map { Double($0.countAndBucket & Self.countMask) } }
    }

    /// Group `number`'s Σw.
    private func weight(ofGroup number: Int) -> Double {
        isWeighted
            ? weightPages[number / Self.groupsPerPage][number % Self.groupsPerPage]
            : Double(group(number).countAndBucket & Self.countMask)
    }

    /// Respondents counted in group `number`.
    func respondents(ofGroup number: Int) -> Int { Int(group(number).countAndBucket & Self.countMask) }

    /// Group `number`'s Σw and, through `score`, its score total and total of squares: what
    /// `score.total` and `score.totalOfSquares` give for its `sums`. When no group used a second
    /// bucket (every respondent answered the same number of items, as usual) they are read off
    /// the one bucket directly, bit for bit the same (the other buckets only add zeros), without
    /// building a group's sums: a hundred thousand managers' results are then no serial tail.
    func scoreTotals(ofGroup number: Int, score: ScoreReader) -> (weight: Double, total: Double, squares: Double) {
        let group = group(number)
        let first = Int(group.countAndBucket >> 40) - 1
        guard otherBuckets.isEmpty, first >= 0 else {
            let sums = sums(ofGroup: number)
            return (
                sums[1], score.total(Array(sums[2..<2 + bucketCount])),
                score.totalOfSquares(Array(sums[2 + bucketCount..<2 + 2 * bucketCount]))
            )
        }
        let divisor = score.divisor(first)
        return (weight(ofGroup: number), group.sum / divisor, group.sumOfSquares / (divisor * divisor))
    }

    /// Group `number`'s sums in full: respondents, Σw, then per bucket Σw × numerator, then per
    /// bucket Σw × numerator² (0 for the buckets it does not use).
    func sums(ofGroup number: Int) -> [Double] {
        let group = group(number)
        var sums = Array(repeating: 0.0, count: 2 + 2 * bucketCount)
        sums[0] = Double(group.countAndBucket & Self.countMask)
        sums[1] = weight(ofGroup: number)
        let first = Int(group.countAndBucket >> 40) - 1
        guard first >= 0 else { return sums }
        for bucket in 0..<bucketCount {
            let bucketSums =
                bucket == first
                ? BucketSums(sum: group.sum, sumOfSquares: group.sumOfSquares)
                : otherBuckets[number * bucketCount + bucket] ?? BucketSums()
            sums[2 + bucket] = bucketSums.sum
            sums[2 + bucketCount + bucket] = bucketSums.sumOfSquares
        }
        return sums
    }
}

/// A store as bytes, for a partial file: the layout flags, then each group wide (its count and
/// first bucket word, first bucket's sums and, when weighted, Σw), then the other buckets' sums
/// by key in ascending order.
extension GroupScoreSums {
    /// Writes the store.
    func encodeState(into writer: inout StateWriter) {
        writer.integer(count)
        writer.bool(isCompact)
        writer.bool(isWeighted)
        for number in 0..<count {
            let group = group(number)
            writer.word(group.countAndBucket)
            writer.double(group.sum)
            writer.double(group.sumOfSquares)
            if isWeighted { writer.double(weight(ofGroup: number)) }
        }
        writer.integer(otherBuckets.count)
        for key in otherBuckets.keys.sorted() {
            writer.integer(key)
            writer.double(otherBuckets[key]!.sum)
            writer.double(otherBuckets[key]!.sumOfSquares)
        }
    }

    /// Reads what `encodeState` wrote into this empty store.
    mutating func decodeState(from reader: inout StateReader) throws(StateDecodingError) {
        extend(toCount: try reader.count(minimumSize: 24))
        if !(try reader.bool()) { widen() }
        if try reader.bool() { startWeights() }
        for number in 0..<count {
            let page = number / Self.groupsPerPage
            let index = number % Self.groupsPerPage
            let group = Group(
                countAndBucket: try reader.word(), sum: try reader.double(), sumOfSquares: try reader.double())
            guard group.countAndBucket >> 40 <= bucketCount else {
                throw StateDecodingError(offset: reader.offset, "group \(number) names a bucket past the score's")
            }
            if isCompact {
                guard let sums = Self.compactSums(0, plus: group.sum, squares: group.sumOfSquares) else {
                    throw StateDecodingError(offset: reader.offset, "group \(number) does not fit the compact layout")
                }
                compactPages[page][index] = CompactGroup(countAndBucket: group.countAndBucket, sums: sums)
            } else {
                pages[page][index] = group
            }
            if isWeighted { weightPages[page][index] = try reader.double() }
        }
        for _ in 0..<(try reader.count(minimumSize: 24)) {
            let key = try reader.integer(in: 0...max(count * bucketCount - 1, 0))
            otherBuckets[key] = BucketSums(sum: try reader.double(), sumOfSquares: try reader.double())
        }
    }
}

/// The compact layout of `GroupScoreSums`: while it lasts, and the widening that ends it.
extension GroupScoreSums {
    /// Counts one response of weight 1 in compact group `number`, unless its numerator, or the
    /// group's sums with it, do not fit a `CompactGroup`: then changes nothing and returns false.
    @inline(__always)
    mutating func addCompact(group number: Int, bucket: Int, numerator: Double) -> Bool {
        guard let numerator = Self.compactInteger(numerator), numerator.magnitude < 0x1p31 else { return false }
        let square = numerator * numerator
        let stored = compactPages[number / Self.groupsPerPage].withUnsafeMutableBufferPointer { page -> Bool? in
            let index = number % Self.groupsPerPage
            var word = page[index].countAndBucket
            precondition(word & Self.countMask != Self.countMask, "more than 2^40 respondents in one group")
            if word >> 40 == 0 { word |= UInt64(bucket + 1) << 40 }
            guard word >> 40 == bucket + 1 else {
                page[index].countAndBucket = word + 1
                return false
            }
            guard let sums = Self.compactSums(page[index].sums, plus: numerator, squares: square) else { return nil }
            page[index].countAndBucket = word + 1
            page[index].sums = sums
            return true
        }
        guard let stored else { return false }
        if !stored {
            // Another bucket than the group's first: its sums are `Double`s, as in the wide layout.
            otherBuckets[number * bucketCount + bucket, default: BucketSums()].sum += numerator
            otherBuckets[number * bucketCount + bucket]!.sumOfSquares += square
        }
        return true
    }

    /// Adds `sums` (of another store's compact group) to compact group `number`'s first bucket,
    /// unless the result does not fit: then changes nothing and returns false.
    mutating func addCompact(_ sums: BucketSums, toGroup number: Int) -> Bool {
        guard let sum = Self.compactInteger(sums.sum), let squares = Self.compactInteger(sums.sumOfSquares) else {
            return false
        }
        let page = number / Self.groupsPerPage
        let index = number % Self.groupsPerPage
        guard let added = Self.compactSums(compactPages[page][index].sums, plus: sum, squares: squares) else {
            return false
        }
        compactPages[page][index].sums = added
        return true
    }

    /// `value` as an integer, when it is one (and not beyond ±2^62).
    @inline(__always)
    private static func compactInteger(_ value: Double) -> Double? {
        value == value.rounded(.towardZero) && value.magnitude < 0x1p62 ? value : nil
    }

    /// `word`'s sums (as `CompactGroup.sums`) with `sum` and `squares` added, or `nil` when
    /// either total leaves its 32 bits.
    @inline(__always)
    private static func compactSums(_ word: UInt64, plus sum: Double, squares: Double) -> UInt64? {
        let newSum = Double(Int32(truncatingIfNeeded: word)) + sum
        let newSquares = Double(word >> 32) + squares
        guard newSum >= Double(Int32.min), newSum <= Double(Int32.max), newSquares >= 0,
            newSquares <= Double(UInt32.max)
        else { return nil }
        return UInt64(UInt32(bitPattern: Int32(newSum))) | UInt64(newSquares) << 32
    }

    /// Group `number`'s count and first bucket, in either layout. Also what a batch's groups
    /// are touched by (see `VarianceShareAccumulator.touchThreshold`).
    @inline(__always)
    func countAndBucket(ofGroup number: Int) -> UInt64 {
        isCompact
            ? compactPages[number / Self.groupsPerPage][number % Self.groupsPerPage].countAndBucket
            : pages[number / Self.groupsPerPage][number % Self.groupsPerPage].countAndBucket
    }

    /// Sets group `number`'s count and first bucket, in either layout.
    mutating func setCountAndBucket(_ word: UInt64, ofGroup number: Int) {
        if isCompact {
            compactPages[number / Self.groupsPerPage][number % Self.groupsPerPage].countAndBucket = word
        } else {
            pages[number / Self.groupsPerPage][number % Self.groupsPerPage].countAndBucket = word
        }
    }

    /// Moves every group to the wide layout, with the same values.
    mutating func widen() {
        guard isCompact else { return }
        pages = compactPages.map { page in page.map(\.wide) }
        compactPages = []
        isCompact = false
    }
}
