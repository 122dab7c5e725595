import CandorSample
import CandorStorage
import Testing

@testable import CandorClean

/// `PackedKey.pack` of `text`'s bytes: the key a lookup of the folded value uses.
private func packedKey(_ text: String) -> UInt64 {
    Array(text.utf8).withUnsafeBytes { PackedKey.pack($0) }
}

@Suite struct CategoryLabelsTests {
    @Test func aPackedLabelHoldsItsKeyAndGivesBackItsBytes() {
        // Every printable ASCII byte, and the ones either side of A–Z and a–z, at every position.
        let bytes = Array(UInt8(0x01)...UInt8(0x7F))
        for length in 1...7 {
            for first in stride(from: 0, to: bytes.count, by: 3) {
                let label = (0..<length).map { bytes[(first + 11 * $0) % bytes.count] }
                let lowered = label.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
                let word = label.withUnsafeBytes { PackedLabel.word($0) }
                #expect(word.map(PackedLabel.key) == lowered.withUnsafeBytes { PackedKey.pack($0) }, "\(label)")
                #expect(word.map { PackedLabel.withBytes($0) { Array($0) } } == label, "\(label)")
            }
        }
        #expect(Array("Équipe".utf8).withUnsafeBytes { PackedLabel.word($0) } == nil)
        #expect(Array("Manager".utf8).withUnsafeBytes { PackedLabel.word($0) } != nil)
        #expect(Array("Managers".utf8).withUnsafeBytes { PackedLabel.word($0) } == nil)
        #expect([UInt8]().withUnsafeBytes { PackedLabel.word($0) } == nil)
    }

    @Test func labelsAndLookupsMatchADictionaryAcrossGrowths() {
        var random = SplitMix64(seed: 5)
        var store = CategoryLabels()
        var labels: [String] = []
        var firstCode: [UInt64: Int] = [:]
        let alphabet = Array("aAzZ09-_ @[`{é".unicodeScalars)
        for code in 0..<30_000 {
            var view = String.UnicodeScalarView()
            for _ in 0..<Int.random(in: 1...9, using: &random) { view.append(alphabet.randomElement(using: &random)!) }
            let label = String(view)
            let found = Array(label.utf8).withUnsafeBytes { store.append($0) }
            let packs = label.utf8.count <= 7 && label.utf8.allSatisfy { $0 < 0x80 }
            #expect(found == packs, "\(label)")
            // A label whose key an earlier one has is still stored; lookups find the earlier one.
            if packs, firstCode[packedKey(label.lowercased())] == nil {
                firstCode[packedKey(label.lowercased())] = code
            }
            labels.append(label)
        }
        #expect(store.count == labels.count)
        let wrong = labels.indices.first { store.string($0) != labels[$0] }
        #expect(
            wrong == nil, "label \(wrong ?? 0): \(wrong.map(store.string) ?? "") for \(wrong.map { labels[$0] } ?? "")")
        for (key, code) in firstCode { #expect(store.code(ofPackedKey: key) == code) }
        // Keys of long and non-ASCII labels, and keys never stored, are not found.
        #expect(store.code(ofPackedKey: packedKey("é")) == nil)
        #expect(store.code(ofPackedKey: packedKey("zzzzzzz")) == firstCode[packedKey("zzzzzzz")])
        #expect(store.code(ofPackedKey: packedKey("{{{{{{{")) == firstCode[packedKey("{{{{{{{")])
        #expect(store.code(ofPackedKey: packedKey("q")) == nil)
    }
}
