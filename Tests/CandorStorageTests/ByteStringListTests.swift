import CandorSample
import Testing

@testable import CandorStorage

@Suite struct ByteStringListTests {
    @Test("a ByteStringList gives back each string it was given, in order")
    func roundTrips() {
        let strings = ["", "a", "", "Équipe", "M59072", String(repeating: "x", count: 1000)]
        var list = ByteStringList()
        for var string in strings { string.withUTF8 { list.append(UnsafeRawBufferPointer($0)) } }
        #expect(list.count == strings.count)
        #expect((0..<list.count).map(list.string) == strings)
    }

    /// Random byte strings (any byte, empty ones among them) against an array of arrays.
    @Test func randomStringsMatchAnArray() {
        var random = SplitMix64(seed: 8)
        var list = ByteStringList()
        var reference: [[UInt8]] = []
        for _ in 0..<5000 {
            let string = (0..<Int(random.next() % 40)).map { _ in UInt8(truncatingIfNeeded: random.next()) }
            string.withUnsafeBytes { list.append($0) }
            reference.append(string)
        }
        #expect(list.count == reference.count)
        for (index, string) in reference.enumerated() { #expect(list.withBytes(index) { Array($0) } == string) }
    }
}
