import CandorSample
import Testing

@testable import CandorStorage

/// A random value of 1 to 32 bytes over a small alphabet, so that some repeat and many share
/// a length and their first or last eight bytes.
private func randomValue(_ random: inout SplitMix64) -> [UInt8] {
    (0..<Int.random(in: 1...32, using: &random)).map { _ in UInt8.random(in: 0x61...0x63, using: &random) }
}

@Test("values of 1 to 32 bytes, across several growths, give back what a dictionary gives")
func shortValueCacheMatchesDictionary() {
    var random = SplitMix64(seed: 11)
    var cache = ShortValueCache()
    var reference: [[UInt8]: Int64] = [:]
    for step in 0..<20_000 {
        let value = randomValue(&random)
        let found = value.withUnsafeBytes { cache.lookup($0) }
        #expect(found == reference[value], "lookup \(value) at step \(step)")
        if found == nil {
            let result = Int64(step) - 10_000
            value.withUnsafeBytes { cache.insert($0, result) }
            reference[value] = result
        }
    }
    #expect(cache.count == reference.count)
    #expect(reference.count > 5_000)
    for (value, result) in reference { #expect(value.withUnsafeBytes { cache.lookup($0) } == result) }
    // Never stored: values of a byte outside the alphabet, at lengths around the 8-byte words.
    for length in [8, 16, 31, 32] {
        #expect([UInt8](repeating: 0x7A, count: length).withUnsafeBytes { cache.lookup($0) } == nil)
    }
}

@Test("values of any bytes (zeros included) at every length from 1 to 32 are kept apart")
func shortValueCacheKeepsEveryLengthApart() {
    var random = SplitMix64(seed: 12)
    var cache = ShortValueCache(expected: 4)
    var reference: [[UInt8]: Int64] = [:]
    for step in 0..<6000 {
        let length = step % 32 + 1
        // Mostly zeros, so values differ from their zero-padded and shorter look-alikes only
        // in length or in one byte.
        let value = (0..<length).map { _ in random.next() % 4 == 0 ? UInt8(truncatingIfNeeded: random.next()) : 0 }
        let found = value.withUnsafeBytes { cache.lookup($0) }
        #expect(found == reference[value], "lookup \(value)")
        if found == nil {
            value.withUnsafeBytes { cache.insert($0, Int64(step)) }
            reference[value] = Int64(step)
        }
    }
    #expect(cache.count == reference.count)
    for (value, result) in reference { #expect(value.withUnsafeBytes { cache.lookup($0) } == result) }
}
