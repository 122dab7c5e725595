import CandorSample
import Testing

@testable import CandorStorage

/// The packed table finds exactly the values stored, whatever their bytes.
@Suite struct PackedKeyTableTests {
    static func pack(_ bytes: [UInt8]) -> UInt64 { bytes.withUnsafeBytes { PackedKey.pack($0) } }

    @Test func packingKeepsEveryByteAndTheLength() {
        #expect(Self.pack([0x41]) == 0x0100_0000_0000_0041)
        #expect(Self.pack([0x41, 0x00]) == 0x0200_0000_0000_0041)
        #expect(Self.pack([1, 2, 3]) == 0x0300_0000_0003_0201)
        #expect(Self.pack([1, 2, 3, 4]) == 0x0400_0000_0403_0201)
        #expect(Self.pack([1, 2, 3, 4, 5, 6, 7]) == 0x0707_0605_0403_0201)
        #expect(Self.pack(Array("M59072".utf8)) == 0x0600_3237_3039_354D)
    }

    /// Random keys from few distinct bytes (zeros among them, so prefixes and zero-padded
    /// look-alikes occur), set and overwritten, against a dictionary; enough of them to make
    /// the table grow many times.
    @Test func aTableAgreesWithADictionary() {
        var generator = SplitMix64(seed: 7)
        var reference: [[UInt8]: Int32] = [:]
        var table = PackedKeyTable<Int32>()
        for step in 0..<40_000 {
            let length = Int(generator.next() % 7) + 1
            let bytes = (0..<length).map { _ in UInt8([0, 1, 0x41, 0xFF][Int(generator.next() % 4)]) }
            let word = Self.pack(bytes)
            #expect(table.value(for: word) == reference[bytes])
            if reference[bytes] == nil || step % 5 == 0 {
                reference[bytes] = Int32(step) - 20_000
                table.set(word, Int32(step) - 20_000)
            }
        }
        #expect(table.count == reference.count)
        for (bytes, result) in reference { #expect(table.value(for: Self.pack(bytes)) == result) }
        #expect(table.value(for: Self.pack([2, 2, 2])) == nil)
    }

    /// Any nonzero word is a key (as a pair of codes is for `GroupDirectory`): words from a
    /// range small enough to repeat, past the 4,096 buckets where the load policy changes.
    @Test func anyNonzeroWordIsAKey() {
        var generator = SplitMix64(seed: 9)
        var reference: [UInt64: Int] = [:]
        var table = PackedKeyTable<Int>()
        for step in 0..<30_000 {
            let word = (generator.next() % 12_000 + 1) << (generator.next() % 2 == 0 ? 0 : 40)
            #expect(table.value(for: word) == reference[word])
            if reference[word] == nil {
                reference[word] = step
                table.set(word, step)
            }
        }
        #expect(table.count == reference.count)
        #expect(table.count > 4096)
        for (word, result) in reference { #expect(table.value(for: word) == result) }
        // Touching reads what is there; on an empty table, nothing.
        #expect(PackedKeyTable<Int>().touch([1, 2, 3]) == 0)
    }
}
