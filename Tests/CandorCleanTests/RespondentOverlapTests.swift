import Testing

@testable import CandorClean

/// The check whether a later part shares a respondent id with the earlier one, which looks ids
/// up a chunk at a time and in two halves at once: every position of the shared id counts.
@Suite struct RespondentOverlapTests {
    static func ids(_ prefix: String, _ count: Int, suffix: String = "") -> Deduplicator {
        var set = Deduplicator()
        for number in 0..<count {
            var id = "\(prefix)\(number)\(suffix)"
            _ = id.withUTF8 { set.register(UnsafeRawBufferPointer($0), input: 0, line: number + 2, record: number + 1) }
        }
        return set
    }

    @Test func disjointSetsShareNothing() {
        let overlap = RespondentOverlap(earlier: Self.ids("A", 5_000), later: Self.ids("B", 5_000))
        #expect(!overlap.isFound())
        #expect(!RespondentOverlap(earlier: Self.ids("A", 10), later: Deduplicator()).isFound())
    }

    /// The shared id first, last, at the edges of a 512-id chunk and at the middle where the
    /// two halves meet.
    @Test(arguments: [0, 511, 512, 513, 2_499, 2_500, 4_999])
    func oneSharedIdIsFoundWhereverItIs(position: Int) {
        var later = Deduplicator()
        for number in 0..<5_000 {
            var id = number == position ? "A123" : "B\(number)"
            _ = id.withUTF8 { later.register(UnsafeRawBufferPointer($0), input: 0, line: 1, record: number + 1) }
        }
        #expect(RespondentOverlap(earlier: Self.ids("A", 5_000), later: later).isFound())
    }

    /// Ids of each form the log keeps (digits, 6-bit letters, long ones in its arena): the
    /// check compares entry words, or a long id's bytes, so each form must be found, and ids
    /// that differ only past a long id's first bytes must not be.
    @Test(arguments: [("1000000", ""), ("IDX-", "x"), ("", "-of-a-long-respondent-id-kept-in-the-arena")])
    func idsOfEachFormAreComparedExactly(prefix: String, suffix: String) {
        let earlier = Self.ids(prefix + "1", 3_000, suffix: suffix)
        #expect(!RespondentOverlap(earlier: earlier, later: Self.ids(prefix + "2", 3_000, suffix: suffix)).isFound())
        #expect(RespondentOverlap(earlier: earlier, later: Self.ids(prefix + "1", 1, suffix: suffix)).isFound())
        let shifted = Self.ids(prefix + "1", 3_000, suffix: suffix + "!")
        #expect(!RespondentOverlap(earlier: earlier, later: shifted).isFound())
    }
}
