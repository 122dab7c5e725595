#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Maps byte strings to small dense integer codes (0, 1, 2, …), storing each distinct string
/// once.
///
/// This is how repeated values (categories, labels, manager ids, respondent ids) are handled
/// without a `String` per field: a lookup hashes the borrowed bytes and compares them with the
/// stored copy. Open addressing with linear probing over `(hash, code)` slots; the strings live
/// back to back in one arena, so memory rises only with the number of distinct values.
package struct ByteInterner: Sendable {
    /// High 32 bits: the hash; low 32 bits: code + 1 (0 marks an empty slot).
    private var slots: [UInt64]
    private var mask: Int
    /// Per code: offset (high 32 bits) and length (low 32 bits) in `arena`.
    private var extents: [UInt64] = []
    private var arena: [UInt8] = []

    /// Creates an empty interner sized for about `expected` distinct values.
    package init(expected: Int = 16) {
        var capacity = 16
        while capacity * 7 / 10 < expected { capacity <<= 1 }
        slots = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Number of distinct values stored.
    package var count: Int { extents.count }

    /// The code of `bytes`, if it was stored.
    @inline(__always)
    package func code(of bytes: UnsafeRawBufferPointer) -> Int? {
        probe(bytes, hash: Self.hash(bytes)).code
    }

    /// The code of `bytes`, storing it first if it is new; `isNew` says which.
    @inline(__always)
    package mutating func intern(_ bytes: UnsafeRawBufferPointer) -> (code: Int, isNew: Bool) {
        let hash = Self.hash(bytes)
        let (found, index) = probe(bytes, hash: hash)
        if let found { return (found, false) }
        let code = extents.count
        extents.append(UInt64(arena.count) << 32 | UInt64(bytes.count))
        arena.append(contentsOf: bytes)
        slots[index] = UInt64(hash) << 32 | UInt64(code + 1)
        if extents.count * 10 > slots.count * 7 { grow() }
        return (code, true)
    }

    /// Where `bytes` is: its code if stored, else the empty slot where it would go.
    @inline(__always)
    private func probe(_ bytes: UnsafeRawBufferPointer, hash: UInt32) -> (code: Int?, index: Int) {
        let tag = UInt64(hash) << 32
        return slots.withUnsafeBufferPointer { slots in
            arena.withUnsafeBufferPointer { arena in
                var index = Int(hash) & mask
                while true {
                    let slot = slots[index]
                    if slot == 0 { return (nil, index) }
                    if slot & 0xFFFF_FFFF_0000_0000 == tag {
                        let code = Int(slot & 0xFFFF_FFFF) - 1
                        if matches(code, bytes, arena) { return (code, index) }
                    }
                    index = (index + 1) & mask
                }
            }
        }
    }

    /// The bytes stored under `code`, passed to `body`.
    package func withBytes<Result>(of code: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let extent = extents[code]
        let offset = Int(extent >> 32)
        let length = Int(extent & 0xFFFF_FFFF)
        return try arena.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + length])) }
    }

    /// The value stored under `code` as text (invalid UTF-8 repaired; for display only).
    package func string(_ code: Int) -> String { withBytes(of: code) { String(decoding: $0, as: UTF8.self) } }

    @inline(__always)
    private func matches(_ code: Int, _ bytes: UnsafeRawBufferPointer, _ arena: UnsafeBufferPointer<UInt8>) -> Bool {
        let extent = extents[code]
        guard Int(extent & 0xFFFF_FFFF) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        return UnsafeRawBufferPointer(start: arena.baseAddress! + Int(extent >> 32), count: bytes.count)
            .hasSameBytes(as: bytes)
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var grown = [UInt64](repeating: 0, count: capacity)
        let newMask = capacity - 1
        for slot in slots where slot != 0 {
            var index = Int(slot >> 32) & newMask
            while grown[index] != 0 { index = (index + 1) & newMask }
            grown[index] = slot
        }
        slots = grown
        mask = newMask
    }

    /// A fast 32-bit hash of short byte strings (`foldedWords`, then a short avalanche).
    @inline(__always)
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var h = bytes.foldedWords()
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
}
