import Testing

@testable import CandorClean

@Test("a ByteStringSet numbers random byte strings (with repeats, the empty one, across growths) as a dictionary does")
func byteStringSetMatchesDictionary() {
    var state: UInt64 = 5
    func next() -> UInt64 {
        // SplitMix64, so a failure can be replayed.
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
    var set = ByteStringSet()
    var numbers: [[UInt8]: Int] = [:]
    var order: [[UInt8]] = []
    for _ in 0..<30_000 {
        // Short strings over four bytes repeat often; longer random ones rarely.
        let length = Int(next() % 3 == 0 ? next() % 30 : next() % 4)
        let string = (0..<length).map { _ in next() % 3 == 0 ? UInt8(truncatingIfNeeded: next()) : UInt8(next() % 4) }
        let expected = numbers[string]
        let (number, isNew) = string.withUnsafeBytes { set.insert($0) }
        #expect(isNew == (expected == nil))
        #expect(number == expected ?? order.count)
        if expected == nil {
            numbers[string] = order.count
            order.append(string)
        }
    }
    #expect(set.count == order.count)
    for (string, number) in numbers { #expect(string.withUnsafeBytes { set.number(of: $0) } == number) }
    #expect([UInt8](repeating: 9, count: 40).withUnsafeBytes { set.number(of: $0) } == nil)
}

@Test("a ByteStringList gives back each string it was given, in order")
func byteStringListRoundTrips() {
    let strings = ["", "a", "", "Équipe", "M59072", String(repeating: "x", count: 1000)]
    var list = ByteStringList()
    for var string in strings { string.withUTF8 { list.append(UnsafeRawBufferPointer($0)) } }
    #expect(list.count == strings.count)
    #expect((0..<list.count).map(list.string) == strings)
}
