import Testing

@testable import CandorAggregate

/// `GroupScoreSums` starts compact (integer sums in 32 bits) and widens to `Double` sums at the
/// first weight other than 1, numerator out of range or total too large. Either way, its sums
/// must be what plain `Double` sums, added response by response, give: the reference here.
@Suite struct GroupScoreSumsLayoutTests {
    /// One response: group, bucket, weight, numerator.
    typealias Response = (group: Int, bucket: Int, weight: Double, numerator: Double)

    static let buckets = 3

    /// Respondents, Σw, Σw × numerator per bucket, Σw × numerator² per bucket, per group: the
    /// layout of `GroupScoreSums.sums(ofGroup:)`, summed plainly in response order.
    static func reference(_ responses: [Response], groups: Int) -> [[Double]] {
        var sums = Array(repeating: Array(repeating: 0.0, count: 2 + 2 * buckets), count: groups)
        for response in responses {
            sums[response.group][0] += 1
            sums[response.group][1] += response.weight
            sums[response.group][2 + response.bucket] += response.weight * response.numerator
            sums[response.group][2 + buckets + response.bucket] +=
                response.weight * response.numerator * response.numerator
        }
        return sums
    }

    static func store(_ responses: [Response], groups: Int) -> GroupScoreSums {
        var store = GroupScoreSums(bucketCount: buckets)
        store.extend(toCount: groups)
        for response in responses {
            store.add(
                group: response.group, bucket: response.bucket, weight: response.weight, numerator: response.numerator)
        }
        return store
    }

    static func sums(_ store: GroupScoreSums, groups: Int) -> [[Double]] { (0..<groups).map(store.sums(ofGroup:)) }

    /// Random responses of integer numerators 0...60 in mostly one bucket a group.
    static func responses(_ count: Int, groups: Int, seed: UInt64) -> [Response] {
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let group = random.int(in: 0...groups - 1)
            let bucket = random.int(in: 0...9) == 0 ? 1 : (group % 2) * 2
            return (group, bucket, 1, Double(random.int(in: 0...60)))
        }
    }

    @Test func smallIntegerSumsStayCompactAndExact() {
        let responses = Self.responses(20_000, groups: 300, seed: 1)
        let store = Self.store(responses, groups: 300)
        #expect(store.isCompact)
        #expect(Self.sums(store, groups: 300) == Self.reference(responses, groups: 300))
    }

    @Test(
        arguments: [
            ("a weight other than 1", (group: 7, bucket: 0, weight: 0.5, numerator: 3.0)),
            ("a numerator that is no integer", (group: 7, bucket: 0, weight: 1, numerator: 2.5)),
            ("a numerator past 2^31", (group: 7, bucket: 0, weight: 1, numerator: 3e9)),
            ("a square past 2^32", (group: 8, bucket: 0, weight: 1, numerator: 70_000)),
            ("a negative numerator", (group: 8, bucket: 0, weight: 1, numerator: -4)),
        ] as [(String, Response)])
    func widensWithTheSameSums(_ why: String, _ odd: Response) {
        var responses = Self.responses(5_000, groups: 20, seed: 2)
        responses.insert(odd, at: 2_500)
        let store = Self.store(responses, groups: 20)
        // A negative numerator fits (its square does too), so only it leaves the store compact.
        #expect(store.isCompact == (odd.numerator == -4), "\(why)")
        #expect(Self.sums(store, groups: 20) == Self.reference(responses, groups: 20), "\(why)")
    }

    @Test func negativeSumsStayCompactAndExact() {
        // A score on a scale below zero: numerators −60…0, so every group's sum is negative.
        let responses = Self.responses(4_000, groups: 40, seed: 5).map { response in
            (response.group, response.bucket, response.weight, -response.numerator)
        }
        let store = Self.store(responses, groups: 40)
        #expect(store.isCompact)
        #expect(Self.sums(store, groups: 40) == Self.reference(responses, groups: 40))
    }

    @Test func aSumThatOutgrowsItsBitsWidens() {
        // 60² = 3,600 a response: the squares pass 2^32 after 1,193,047 responses of one group.
        let responses = Array(repeating: (group: 0, bucket: 0, weight: 1.0, numerator: 60.0), count: 1_193_100)
        let store = Self.store(responses, groups: 1)
        #expect(!store.isCompact)
        #expect(store.sums(ofGroup: 0) == [1_193_100, 1_193_100, 71_586_000, 0, 0, 4_295_160_000, 0, 0])
    }

    @Test(arguments: [(false, false), (false, true), (true, false), (true, true)])
    func mergesAcrossLayoutsGiveTheSumsOfAllResponses(firstWide: Bool, secondWide: Bool) {
        var first = Self.responses(3_000, groups: 50, seed: 3)
        var second = Self.responses(3_000, groups: 50, seed: 4)
        if firstWide { first.append((group: 1, bucket: 0, weight: 2, numerator: 5)) }
        if secondWide { second.append((group: 2, bucket: 1, weight: 1, numerator: 0.25)) }
        var merged = Self.store(first, groups: 50)
        let other = Self.store(second, groups: 50)
        #expect(merged.isCompact == !firstWide && other.isCompact == !secondWide)
        for group in 0..<50 { merged.add(group: group, from: other, group: group) }
        #expect(merged.isCompact == (!firstWide && !secondWide))
        // The merge adds per group and bucket, so compare against the two references added.
        let expected = zip(Self.reference(first, groups: 50), Self.reference(second, groups: 50)).map {
            zip($0, $1).map(+)
        }
        #expect(Self.sums(merged, groups: 50) == expected)
    }
}
