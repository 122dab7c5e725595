import CandorSample
import Testing

@testable import CandorStorage

@Suite struct ByteInternerTests {
    /// Seeded, so a failure can be replayed: short strings over four bytes repeat often, longer
    /// random ones (any byte, so non-UTF-8 and non-ASCII too) rarely; the empty one is among them.
    @Test(
        "a ByteInterner numbers random byte strings (with repeats, the empty one, across growths) as a dictionary does")
    func matchesADictionary() {
        var random = SplitMix64(seed: 5)
        func next() -> UInt64 { random.next() }
        var interner = ByteInterner()
        var codes: [[UInt8]: Int] = [:]
        var order: [[UInt8]] = []
        for _ in 0..<30_000 {
            let length = Int(next() % 3 == 0 ? next() % 30 : next() % 4)
            let string = (0..<length).map { _ in
                next() % 3 == 0 ? UInt8(truncatingIfNeeded: next()) : UInt8(next() % 4)
            }
            let expected = codes[string]
            #expect(string.withUnsafeBytes { interner.code(of: $0) } == expected)
            let (code, isNew) = string.withUnsafeBytes { interner.intern($0) }
            #expect(isNew == (expected == nil))
            #expect(code == expected ?? order.count)
            if expected == nil {
                codes[string] = order.count
                order.append(string)
            }
        }
        #expect(interner.count == order.count)
        #expect(codes[[]] != nil)
        for (string, code) in codes { #expect(string.withUnsafeBytes { interner.code(of: $0) } == code) }
        for (code, string) in order.enumerated() { #expect(interner.withBytes(of: code) { Array($0) } == string) }
        #expect([UInt8](repeating: 9, count: 40).withUnsafeBytes { interner.code(of: $0) } == nil)
    }

    /// Every id form the id store distinguishes, as plain strings here, and strings that differ
    /// only past their first 8 or 16 bytes.
    @Test func everyFormRoundTrips() {
        let values = [
            "", "a", "R1234", "12345678", "1234567890123456", "R00012345", "EMP0012345", "abcdefghijk",
            "Équipe Nord", "東京", String(repeating: "x", count: 100), String(repeating: "x", count: 99) + "y",
            "prefix-same-0001", "prefix-same-0002", "prefix-same-00010", "prefix-same-00020",
        ]
        var interner = ByteInterner(expected: 4)
        for (code, value) in values.enumerated() {
            var value = value
            #expect(value.withUTF8 { interner.intern(UnsafeRawBufferPointer($0)) } == (code, true))
        }
        for (code, value) in values.enumerated() {
            var value = value
            #expect(value.withUTF8 { interner.intern(UnsafeRawBufferPointer($0)) } == (code, false))
            #expect(interner.string(code) == value)
        }
    }
}
