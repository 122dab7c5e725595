import Testing

@testable import CandorCore

/// The short-value comparison agrees with comparing the bytes one by one, at every length.
@Suite struct ByteComparisonTests {
    @Test(arguments: 0...40)
    func agreesWithAByteByByteComparison(length: Int) {
        let base = (0..<length).map { UInt8(truncatingIfNeeded: $0 &* 37 &+ 11) }
        var variants = [base]
        // The same bytes but one, at each position, and a value one byte shorter or longer.
        for position in 0..<length {
            var changed = base
            changed[position] ^= 0x20
            variants.append(changed)
        }
        variants.append(Array(base.dropLast()))
        variants.append(base + [0])
        for other in variants {
            let same = base.withUnsafeBytes { left in other.withUnsafeBytes { left.hasSameBytes(as: $0) } }
            #expect(same == (base == other), "length \(length), other \(other)")
        }
    }
}
