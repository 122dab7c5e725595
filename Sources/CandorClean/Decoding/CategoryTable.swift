import CandorStorage
import Synchronization

/// The values a category field has taken: the declared ones first, then (for an open set) new
/// ones in order of first appearance. A value's code is its index here.
///
/// An open field such as a manager id can hold a hundred thousand values, so they are kept as
/// bytes rather than a `String` and a dictionary entry each, in `CategoryLabels`: a value that
/// is 1 to 7 ASCII bytes (most ids and codes) is one word holding both its label and its
/// case-folded key, found through a hash index. The keys of declared values and aliases (which
/// can share codes) and of other values are kept beside it: in a `PackedKeyTable` when they
/// are 1 to 7 bytes long, in a `ByteInterner` otherwise. About 14 bytes a value (W1, 111k
/// managers) instead of about 160 for a `String`, a dictionary entry and a decoder cache entry.
/// A value of plain ASCII is looked up from its bytes (`knownCode(ofASCII:)`), so the decoder
/// need not cache it.
package struct CategoryTable: Sendable {
    /// Labels by code.
    package var labels: [String] { (0..<labelStore.count).map(labelStore.string) }
    /// Number of values (codes).
    package var count: Int { labelStore.count }
    private var labelStore = CategoryLabels()

    /// Calls `body` with the label of `code` as its UTF-8 bytes (no `String` made).
    package func withLabelBytes<Result>(_ code: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        labelStore.withBytes(code, body)
    }
    /// Case-folded, trimmed declared labels and aliases of 1 to 7 bytes, and the keys of that
    /// length of open values `labelStore` does not find, with the code each stands for.
    private var shortKeys = PackedKeyTable<Int32>()
    /// The longer keys; `codes[k]` is the code key `k` stands for.
    private var keys = ByteInterner()
    private var codes: [Int32] = []
    private let closed: Bool

    init(_ spec: CategorySpec) {
        closed = spec.closed
        for value in spec.values { appendLabel(value) }
        // As in a dictionary of keys: a later declared value or alias with the same key wins.
        for (index, value) in spec.values.enumerated() { setCode(index, forKey: Self.fold(value)) }
        for (alias, target) in spec.aliases {
            if let index = code(ofKey: Self.fold(target)) { setCode(index, forKey: Self.fold(alias)) }
        }
    }

    private mutating func appendLabel(_ label: String) {
        var label = label
        label.withUTF8 { labelStore.append(UnsafeRawBufferPointer($0)) }
    }

    /// Adds an open value as the next code: its label `label` (trimmed), whose folded key is
    /// `key`. The label store finds a short ASCII one by itself; any other keeps its key here.
    private mutating func appendOpenValue(label: UnsafeRawBufferPointer, key: UnsafeRawBufferPointer) {
        let code = count
        if !labelStore.append(label) { setCode(code, forKey: key) }
    }

    private mutating func appendOpenValue(label: String, key: String) {
        var label = label
        var key = key
        label.withUTF8 { label in
            key.withUTF8 { key in
                appendOpenValue(label: UnsafeRawBufferPointer(label), key: UnsafeRawBufferPointer(key))
            }
        }
    }

    /// The code folded key `key` stands for.
    private func code(ofKey key: String) -> Int? {
        var key = key
        return key.withUTF8 { code(ofKey: UnsafeRawBufferPointer($0)) }
    }

    /// The code the folded key with bytes `key` stands for.
    @inline(__always)
    private func code(ofKey key: UnsafeRawBufferPointer) -> Int? {
        if Self.packs(key) { return code(ofPackedKey: PackedKey.pack(key)).map(Int.init) }
        return keys.code(of: key).map { Int(codes[$0]) }
    }

    /// Whether `key` is kept in `shortKeys`.
    @inline(__always)
    private static func packs(_ key: UnsafeRawBufferPointer) -> Bool {
        key.count >= 1 && key.count <= PackedKey.maxLength
    }

    private mutating func setCode(_ code: Int, forKey key: String) {
        var key = key
        key.withUTF8 { setCode(code, forKey: UnsafeRawBufferPointer($0)) }
    }

    private mutating func setCode(_ code: Int, forKey key: UnsafeRawBufferPointer) {
        precondition(code < Int(Int32.max), "more than 2^31 category values")
        if Self.packs(key) {
            shortKeys.set(PackedKey.pack(key), Int32(code))
            return
        }
        let (number, isNew) = keys.intern(key)
        if isNew { codes.append(Int32(code)) } else { codes[number] = Int32(code) }
    }

    /// How values are compared: trimmed, case-insensitive.
    static func fold(_ text: String) -> String {
        trimmed(text).lowercased()
    }

    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80
            ? (scalar == " " || scalar == "\t" || scalar == "\n" || scalar == "\r") : scalar.properties.isWhitespace
    }

    /// `text` without leading and trailing white space. Pure Swift: Foundation's
    /// `trimmingCharacters(in:)` bridges through `NSString` and costs thousands of instructions
    /// per call, which an open category with 100,000 distinct managers pays once per value.
    static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = scalars.lastIndex(where: { !isSpace($0) })!
        if first == scalars.startIndex && last == scalars.index(before: scalars.endIndex) { return text }
        return String(scalars[first...last])
    }

    /// The code of `text`, adding it to an open set.
    mutating func code(of text: String) -> DecodedValue {
        let folded = Self.fold(text)
        if folded.isEmpty { return .blank }
        if let code = code(ofKey: folded) { return .value(Int64(code)) }
        if closed {
            let shown = (0..<min(count, 8)).map(labelStore.string).joined(separator: ", ") + (count > 8 ? ", …" : "")
            return .invalid("'\(text)' is not one of the declared values (\(shown))")
        }
        appendOpenValue(label: Self.trimmed(text), key: folded)
        return .value(Int64(count - 1))
    }

    /// What `knownCode(ofASCII:)` found.
    enum ASCIILookup: Equatable {
        /// The value's code.
        case code(Int64)
        /// The value is plain ASCII but not in the table (or blank): `code(of:)` decides.
        case absent
        /// The value has non-ASCII bytes or is long: only `code(of:)` can fold it.
        case notASCII
    }

    /// Values longer than this are not folded on the fast path.
    static let asciiLimit = 64

    /// The code of a raw value of plain ASCII, folded from its bytes as `fold` would fold its
    /// text (for ASCII: trimming space, tab, CR and LF, and lowering A–Z), so no `String` is made.
    @inline(__always)
    func knownCode(ofASCII bytes: UnsafeRawBufferPointer) -> ASCIILookup {
        let found = Self.withFoldedASCII(bytes) { key -> Int? in key.isEmpty ? nil : code(ofKey: key) }
        guard let found else { return .notASCII }
        return found.map { .code(Int64($0)) } ?? .absent
    }

    /// `body` applied to the folded bytes of a raw value of plain ASCII, or `nil` when the value
    /// has non-ASCII bytes or is longer than `asciiLimit` once trimmed.
    @inline(__always)
    private static func withFoldedASCII<Result>(
        _ bytes: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) -> Result
    ) -> Result? {
        let trimmed = trimmedASCII(bytes)
        guard trimmed.count <= asciiLimit else { return nil }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: asciiLimit) { folded in
            var isASCII = true
            for (index, byte) in trimmed.enumerated() {
                isASCII = isASCII && byte < 0x80
                folded[index] = lowered(byte)
            }
            guard isASCII else { return nil }
            return body(UnsafeRawBufferPointer(UnsafeBufferPointer(rebasing: folded[0..<trimmed.count])))
        }
    }

    /// The folded key of a raw value of plain ASCII packed into one word (`PackedKey`), or 0
    /// when the value is not ASCII, is blank, or folds to more than `PackedKey.maxLength` bytes.
    @inline(__always)
    static func packedKey(ofASCII bytes: UnsafeRawBufferPointer) -> UInt64 {
        withFoldedASCII(bytes) { key in packs(key) ? PackedKey.pack(key) : 0 } ?? 0
    }

    /// The code of the value whose folded key packs (`PackedKey`) to `word` (nonzero), if known.
    /// Declared values and aliases come first: their keys say which code a key stands for.
    @inline(__always)
    func code(ofPackedKey word: UInt64) -> Int64? {
        if shortKeys.count > 0, let code = shortKeys.value(for: word) { return Int64(code) }
        return labelStore.code(ofPackedKey: word).map(Int64.init)
    }

    /// Reads where each nonzero word of `words` (from `packedKey(ofASCII:)`) would be found, so
    /// that `code(ofPackedKey:)` right after finds it in the CPU's cache; see
    /// `CategoryLabels.touch`. (Declared values' keys are few, and stay cached.)
    func touch(_ words: [UInt64]) -> UInt64 { labelStore.touch(words) }

    /// `code(of:)` for a raw value of plain ASCII that `knownCode(ofASCII:)` found absent, from
    /// its bytes: an open set adds it (its trimmed bytes as the label, folded as `fold` folds)
    /// without making a `String`, which a hundred thousand new manager ids would each cost.
    /// `nil` for a closed set, whose refusal message `code(of:)` words.
    mutating func addASCII(_ bytes: UnsafeRawBufferPointer) -> DecodedValue? {
        guard !closed else { return nil }
        let label = Self.trimmedASCII(bytes)
        guard !label.isEmpty else { return .blank }
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: label.count) { folded in
            for (index, byte) in label.enumerated() { folded[index] = Self.lowered(byte) }
            appendOpenValue(label: label, key: UnsafeRawBufferPointer(folded))
        }
        return .value(Int64(count - 1))
    }

    /// `bytes` without leading and trailing space, tab, CR and LF: how `fold` trims ASCII.
    @inline(__always)
    private static func trimmedASCII(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end, isASCIISpace(bytes[start]) { start += 1 }
        while end > start, isASCIISpace(bytes[end - 1]) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// An ASCII byte as `fold` lowers it: A–Z to a–z, every other byte as it is.
    @inline(__always)
    private static func lowered(_ byte: UInt8) -> UInt8 { byte &- 0x41 < 26 ? byte | 0x20 : byte }

    @inline(__always)
    private static func isASCIISpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }
}

extension CategoryTable {
    /// For each of `later`'s codes, the code its value has here, or would have once `append`
    /// adds the values this table lacks (numbered after this table's, in `later`'s order): a
    /// table that saw records before `later`'s then holds what one table seeing all of them in
    /// order holds. Changes nothing, so it can be worked out before the merge is decided.
    func codes(of later: CategoryTable) -> [Int32] {
        var next = Int32(count)
        var codes: [Int32] = []
        codes.reserveCapacity(later.count)
        // A chunk at a time, the chunk's keys touched first: a hundred thousand managers' lookups
        // one by one would each wait on memory alone.
        let chunk = 512
        var keys: [UInt64] = []
        var touched: UInt64 = 0
        for start in stride(from: 0, to: later.count, by: chunk) {
            let labels = start..<min(start + chunk, later.count)
            keys = labels.map { later.trimmedKey(ofLabel: $0) ?? 0 }
            touched ^= touch(keys)
            for (index, key) in zip(labels, keys) {
                let known = key != 0 ? code(ofPackedKey: key).map(Int.init) : existingCode(ofLabel: index, in: later)
                if let known {
                    codes.append(Int32(known))
                } else {
                    // Only a value of a closed set can be missing here, and both tables share that set.
                    codes.append(closed ? -1 : next)
                    if !closed { next += 1 }
                }
            }
        }
        Self.touchedSink.store(touched, ordering: .relaxed)
        return codes
    }

    /// Where `codes(of:)` leaves what touching read: a store the optimiser must keep, so the
    /// reads stay.
    private static let touchedSink = Atomic<UInt64>(0)

    /// Adds the values of `later` that `codes(of: later)` numbered past this table's end.
    mutating func append(_ later: CategoryTable, codes planned: [Int32]) {
        for (index, code) in planned.enumerated() where code >= count {
            precondition(Int(code) == count, "codes planned out of order")
            let label = later.labelStore.string(index)
            appendOpenValue(label: label, key: Self.fold(label))
        }
    }

    /// The folded key (`PackedKey`) of label `code` when it packs and has no white space at
    /// either end for `fold` to trim: then its bytes with A–Z lowered are what folding gives.
    private func trimmedKey(ofLabel code: Int) -> UInt64? {
        guard let key = labelStore.loweredKey(ofCode: code) else { return nil }
        let first = UInt8(truncatingIfNeeded: key)
        let last = UInt8(truncatingIfNeeded: key >> (8 * ((key >> 56) - 1)))
        return Self.isASCIISpace(first) || Self.isASCIISpace(last) ? nil : key
    }

    /// The code here of `later`'s label `index`, looked up from its bytes when it is plain ASCII.
    private func existingCode(ofLabel index: Int, in later: CategoryTable) -> Int? {
        let lookup = later.labelStore.withBytes(index) { knownCode(ofASCII: $0) }
        switch lookup {
        case .code(let code): return Int(code)
        case .absent: return nil
        case .notASCII: return code(ofKey: Self.fold(later.labelStore.string(index)))
        }
    }
}
