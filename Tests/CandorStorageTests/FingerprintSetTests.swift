import CandorSample
import Testing

@testable import CandorStorage

/// The fingerprint set holds exactly the pairs inserted, against a `Set`.
@Suite struct FingerprintSetTests {
    /// Pairs from small ranges, so low words repeat with different high words, enough to make
    /// the table grow many times. A zero low word is stored as 1 (zero marks an empty bucket),
    /// so the reference holds it as 1 too.
    @Test func aSetAgreesWithASwiftSet() {
        var generator = SplitMix64(seed: 11)
        var reference: Set<[UInt64]> = []
        var set = FingerprintSet()
        for _ in 0..<30_000 {
            let low = generator.next() % 3_000
            let high = generator.next() % 7
            let key = [max(low, 1), high]
            #expect(set.contains((low, high)) == reference.contains(key))
            #expect(set.insert((low, high)) == reference.insert(key).inserted)
        }
        #expect(set.count == reference.count)
        #expect(set.count > 4096)
        var seen: Set<[UInt64]> = []
        set.forEach { seen.insert([$0.low, $0.high]) }
        #expect(seen == reference)
        #expect(!set.contains((5_000, 0)))
    }
}
