import CandorSample
import Testing

@testable import CandorClean

/// New plain-ASCII values added from their bytes give the table one reading them as text gives.
@Suite struct CategoryTableAddASCIITests {
    @Test func addingFromBytesMatchesAddingText() {
        var random = SplitMix64(seed: 3)
        let spec = CategorySpec(values: ["Sales"], aliases: ["Biz": "Sales"])
        var fromBytes = CategoryTable(spec)
        var fromText = CategoryTable(spec)
        // Case, surrounding space, tab, CR and LF, and repeats of each other.
        let letters = Array("aAbB  \t\r\nm0".utf8)
        for _ in 0..<5_000 {
            let raw = (0..<Int.random(in: 1...6, using: &random)).map { _ in letters.randomElement(using: &random)! }
            let text = String(decoding: raw, as: UTF8.self)
            let expected = fromText.code(of: text)
            let got: DecodedValue = raw.withUnsafeBytes { bytes in
                switch fromBytes.knownCode(ofASCII: bytes) {
                case .code(let code): return .value(code)
                case .absent: return fromBytes.addASCII(bytes) ?? .invalid("refused")
                case .notASCII: return .invalid("not ASCII")
                }
            }
            #expect(String(describing: got) == String(describing: expected), "\(raw)")
        }
        #expect(fromBytes.labels == fromText.labels)
        #expect(fromBytes.count > 20)
    }

    @Test func aClosedSetLeavesTheRefusalToText() {
        var table = CategoryTable(CategorySpec(values: ["Sales"], closed: true))
        let added = Array("Ops".utf8).withUnsafeBytes { table.addASCII($0) }
        #expect(added == nil)
        #expect(table.count == 1)
    }
}
