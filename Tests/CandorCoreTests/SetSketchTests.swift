import Testing

@testable import CandorCore

/// The sketch reads back exactly the symmetric difference that `Set` arithmetic gives, up to its
/// capacity, and says `.large` beyond it.
struct SetSketchTests {
    /// A seeded generator (a 64-bit LCG with an xorshift output), so every run draws the same sets.
    struct Draw {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state ^ (state >> 29)
        }
    }

    static func sketch(_ entries: Set<SetSketch.Entry>, capacity: Int) -> SetSketch {
        var sketch = SetSketch(capacity: capacity)
        for entry in entries { sketch.insert(entry) }
        return sketch
    }

    /// Seeded random pairs of sets sharing a large core, differing by 0 to `capacity` entries.
    @Test(arguments: [2, 8, 18])
    func decodesTheExactSymmetricDifference(capacity: Int) {
        var draw = Draw(state: UInt64(capacity))
        var failures = 0
        for _ in 0..<2000 {
            let core = Set((0..<200).map { _ in SetSketch.Entry(id: draw.next(), value: draw.next()) })
            let differing = Int(draw.next() % UInt64(capacity + 1))
            var older = core
            var newer = core
            for _ in 0..<differing {
                let entry = SetSketch.Entry(id: draw.next(), value: draw.next())
                if draw.next() % 3 == 0, let gone = older.first(where: { newer.contains($0) }) {
                    newer.remove(gone)
                } else if draw.next() % 2 == 0 {
                    older.insert(entry)
                } else {
                    newer.insert(entry)
                }
            }
            let difference = Self.sketch(newer, capacity: capacity)
                .difference(from: Self.sketch(older, capacity: capacity))
            guard case .entries(let added, let removed) = difference else {
                failures += 1
                continue
            }
            #expect(Set(added) == newer.subtracting(older))
            #expect(Set(removed) == older.subtracting(newer))
            #expect(added.count == Set(added).count && removed.count == Set(removed).count)
        }
        // A decoding failure is the rare case the sizing leaves (about C(d,2)·(d+6)⁻⁶); none is
        // expected in 2000 draws.
        #expect(failures == 0)
    }

    @Test func aReplacedAnswerIsOneRemovalAndOneAdditionOfTheSameID() {
        let kept = SetSketch.Entry(id: 1, value: 10)
        let before = Self.sketch([kept, SetSketch.Entry(id: 2, value: 20)], capacity: 4)
        let after = Self.sketch([kept, SetSketch.Entry(id: 2, value: 21)], capacity: 4)
        #expect(
            after.difference(from: before)
                == .entries(added: [SetSketch.Entry(id: 2, value: 21)], removed: [SetSketch.Entry(id: 2, value: 20)]))
        #expect(after.difference(from: after) == .entries(added: [], removed: []))
    }

    /// Without an id field two respondents with the same answers are the same entry twice: the
    /// difference reads back a multiset (an entry added 2 or 3 times, beside others).
    @Test func anEntryAddedSeveralTimesReadsBackWithItsMultiplicity() {
        let twin = SetSketch.Entry(id: 7, value: 7)
        var before = SetSketch(capacity: 8)
        var after = SetSketch(capacity: 8)
        for entry in [twin, SetSketch.Entry(id: 1, value: 1)] {
            before.insert(entry)
            after.insert(entry)
        }
        after.insert(twin)
        after.insert(twin)
        after.insert(SetSketch.Entry(id: 9, value: 9))
        #expect(
            after.difference(from: before)
                == .entries(added: [twin, twin, SetSketch.Entry(id: 9, value: 9)], removed: []))
        before.insert(twin)
        before.insert(twin)
        before.insert(twin)
        #expect(after.difference(from: before) == .entries(added: [SetSketch.Entry(id: 9, value: 9)], removed: [twin]))
    }

    /// Far past the capacity (here 60 entries for a sketch of 8, 84 cells) every cell holds
    /// several entries and nothing can be peeled.
    @Test func aDifferenceFarBeyondTheCapacityIsLarge() {
        var draw = Draw(state: 99)
        for _ in 0..<100 {
            let newer = Set((0..<60).map { _ in SetSketch.Entry(id: draw.next(), value: draw.next()) })
            #expect(Self.sketch(newer, capacity: 8).difference(from: SetSketch(capacity: 8)) == .large)
        }
        #expect(SetSketch(capacity: 8).difference(from: SetSketch(capacity: 9)) == .large)
    }

    @Test func mergingEqualsInsertingEverything() {
        var draw = Draw(state: 5)
        let first = Set((0..<50).map { _ in SetSketch.Entry(id: draw.next(), value: draw.next()) })
        let second = Set((0..<50).map { _ in SetSketch.Entry(id: draw.next(), value: draw.next()) })
        var merged = Self.sketch(first, capacity: 8)
        merged.merge(Self.sketch(second, capacity: 8))
        #expect(merged == Self.sketch(first.union(second), capacity: 8))
        #expect(SetSketch(capacity: 8, serialized: merged.serialized) == merged)
        #expect(SetSketch(capacity: 9, serialized: merged.serialized) == nil)
    }
}
