import CandorSample
import Testing

@testable import CandorStorage

@Test("a ByteInterner numbers random byte strings (with repeats, the empty one, across growths) as a dictionary does")
func byteInternerMatchesDictionary() {
    // Seeded, so a failure can be replayed.
    var random = SplitMix64(seed: 5)
    func next() -> UInt64 { random.next() }
    var set = ByteInterner()
    var numbers: [[UInt8]: Int] = [:]
    var order: [[UInt8]] = []
    for _ in 0..<30_000 {
        // Short strings over four bytes repeat often; longer random ones rarely.
        let length = Int(next() % 3 == 0 ? next() % 30 : next() % 4)
        let string = (0..<length).map { _ in next() % 3 == 0 ? UInt8(truncatingIfNeeded: next()) : UInt8(next() % 4) }
        let expected = numbers[string]
        let (number, isNew) = string.withUnsafeBytes { set.intern($0) }
        #expect(isNew == (expected == nil))
        #expect(number == expected ?? order.count)
        if expected == nil {
            numbers[string] = order.count
            order.append(string)
        }
    }
    #expect(set.count == order.count)
    for (string, number) in numbers { #expect(string.withUnsafeBytes { set.code(of: $0) } == number) }
    #expect([UInt8](repeating: 9, count: 40).withUnsafeBytes { set.code(of: $0) } == nil)
}

@Test("a ByteStringList gives back each string it was given, in order")
func byteStringListRoundTrips() {
    let strings = ["", "a", "", "Équipe", "M59072", String(repeating: "x", count: 1000)]
    var list = ByteStringList()
    for var string in strings { string.withUTF8 { list.append(UnsafeRawBufferPointer($0)) } }
    #expect(list.count == strings.count)
    #expect((0..<list.count).map(list.string) == strings)
}
