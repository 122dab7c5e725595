import CandorStorage

/// A category table's labels by code, with the index that finds a short plain-ASCII label's
/// code from its folded key: about 14 bytes a label, for the hundred thousand manager ids an
/// open category can hold (a `ByteStringList` label and a `PackedKeyTable` key cost about 34).
///
/// - A label of 1 to 7 ASCII bytes is one word that holds its folded key and its case at once
///   (`PackedLabel`), so the label needs no other storage and a lookup compares the word with
///   one mask.
/// - Any other label is kept in a `ByteStringList`; its word is a marker with its number there.
/// - Every code is in a `TaggedSlotIndex` (entry number = code), hashed by its label's folded
///   key, so an index probe lands on a code whose word is then compared.
struct CategoryLabels: Sendable {
    /// One word per code: a `PackedLabel`, or `longMarker` | the label's number in `longLabels`.
    private var words: [UInt64] = []
    /// The labels that do not pack.
    private var longLabels = ByteStringList()
    private var index = TaggedSlotIndex()

    /// The top byte of a long label's word (a packed label's holds its length, 1 to 7).
    private static let longMarker: UInt64 = 0xFF << 56

    /// Creates an empty store.
    init() {}

    /// Labels stored: the next code.
    var count: Int { words.count }

    /// Appends `label` as the next code. Returns whether `code(ofPackedKey:)` finds it by its
    /// folded key, which it does when the label is 1 to 7 ASCII bytes and its key is the label
    /// with A–Z lowered (a trimmed label, as open values are). Otherwise the caller keeps its key.
    @discardableResult
    mutating func append(_ label: UnsafeRawBufferPointer) -> Bool {
        let packed = PackedLabel.word(label)
        let word: UInt64
        if let packed {
            word = packed
        } else {
            word = Self.longMarker | UInt64(longLabels.count)
            longLabels.append(label)
        }
        words.append(word)
        let hash = Self.hash(ofWord: word)
        let slot = index.find(hash) { _ in false }.slot
        if index.insert(hash, at: slot) {
            words.withUnsafeBufferPointer { words in index.grow { Self.hash(ofWord: words[$0]) } }
        }
        return packed != nil
    }

    /// Label `code`'s bytes, passed to `body`.
    @inline(__always)
    func withBytes<Result>(_ code: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let word = words[code]
        guard word & Self.longMarker != Self.longMarker else {
            return longLabels.withBytes(Int(truncatingIfNeeded: word & 0xFFFF_FFFF), body)
        }
        return PackedLabel.withBytes(word, body)
    }

    /// The key (`PackedKey`) of label `code` with A–Z lowered, when the label packs; else `nil`.
    @inline(__always)
    func loweredKey(ofCode code: Int) -> UInt64? {
        let word = words[code]
        return word & Self.longMarker == Self.longMarker ? nil : PackedLabel.key(word)
    }

    /// Label `code` as text (invalid UTF-8 repaired).
    func string(_ code: Int) -> String { withBytes(code) { String(decoding: $0, as: UTF8.self) } }

    /// The code of the label whose folded key packs (`PackedKey`) to `key`, among the labels
    /// `append` said it finds.
    @inline(__always)
    func code(ofPackedKey key: UInt64) -> Int? {
        words.withUnsafeBufferPointer { words in
            index.find(Self.hash(ofKey: key)) { PackedLabel.key(words[$0]) == key }.entry
        }
    }

    /// Reads the index's home slot of every nonzero key of `keys`, and the word of the code it
    /// holds, so that `code(ofPackedKey:)` right after finds both in the CPU's cache (see
    /// `PackedKeyTable.touch`). Returns what it read, for the caller to keep.
    func touch(_ keys: [UInt64]) -> UInt64 {
        words.withUnsafeBufferPointer { words in
            var seen: UInt64 = 0
            for key in keys where key != 0 {
                let entry = index.entryInHomeSlot(Self.hash(ofKey: key))
                seen ^= entry < 0 ? 1 : words[entry]
            }
            return seen
        }
    }

    /// The index hash of a code's word: its folded key's hash (a long label's marker, which no
    /// key equals, is hashed as it is).
    @inline(__always)
    private static func hash(ofWord word: UInt64) -> UInt64 {
        hash(ofKey: word & longMarker == longMarker ? word : PackedLabel.key(word))
    }

    @inline(__always)
    private static func hash(ofKey key: UInt64) -> UInt64 { StorageHash.mix(key) }
}

/// A label of 1 to 7 ASCII bytes as one word: its folded key (`PackedKey` of the label with
/// A–Z lowered), with bit 7 of each byte set where the label's letter was upper case (an ASCII
/// byte leaves that bit free). Masking those bits off gives the key; setting them back gives
/// the label.
enum PackedLabel {
    /// Bit 7 of each of the seven byte positions.
    private static let caseBits: UInt64 = 0x0080_8080_8080_8080

    /// The word for `label`, or `nil` when it is empty, longer than 7 bytes or not plain ASCII.
    @inline(__always)
    static func word(_ label: UnsafeRawBufferPointer) -> UInt64? {
        guard label.count >= 1, label.count <= PackedKey.maxLength else { return nil }
        var word = UInt64(label.count) << 56
        for (position, byte) in label.enumerated() {
            guard byte < 0x80 else { return nil }
            let isUpper = byte &- 0x41 < 26
            word |= UInt64(isUpper ? (byte | 0x20) | 0x80 : byte) << (8 * position)
        }
        return word
    }

    /// The folded key `word` holds.
    @inline(__always)
    static func key(_ word: UInt64) -> UInt64 { word & ~caseBits }

    /// `word`'s label bytes, passed to `body`.
    static func withBytes<Result>(_ word: UInt64, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let count = Int(word >> 56)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: PackedKey.maxLength) { bytes in
            for position in 0..<count {
                let byte = UInt8(truncatingIfNeeded: word >> (8 * position))
                bytes[position] = byte & 0x80 == 0 ? byte : (byte & 0x7F) - 0x20
            }
            return body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: bytes[0..<count])))
        }
    }
}
