/// Maps byte strings to small dense integer codes (0, 1, 2, …), storing each distinct string
/// once.
///
/// This is how repeated values (categories, labels, manager ids, respondent ids) are handled
/// without a `String` per field: a lookup hashes the borrowed bytes and compares them with the
/// stored copy. Open addressing with linear probing over `(hash, code)` slots; strings live in
/// fixed-size chunks, so growing never copies them and memory rises only with the number of
/// distinct values.
package struct ByteInterner: Sendable {
    private struct Slot: Sendable {
        var hash: UInt32
        /// Code + 1; 0 marks an empty slot.
        var codePlusOne: UInt32
    }

    private var slots: [Slot]
    private var mask: Int
    /// Per code: where its bytes are (chunk index << 32 | offset) and how long they are.
    private var locations: [UInt64] = []
    private var lengths: [UInt32] = []
    private var chunks: [[UInt8]] = []
    private static let chunkSize = 1 << 20

    /// Creates an empty interner sized for about `expected` distinct values.
    package init(expected: Int = 16) {
        var capacity = 16
        while capacity * 7 / 10 < expected { capacity <<= 1 }
        slots = Array(repeating: Slot(hash: 0, codePlusOne: 0), count: capacity)
        mask = capacity - 1
    }

    /// Number of distinct values stored.
    package var count: Int { lengths.count }

    /// The code of `bytes`, if it was stored.
    @inline(__always)
    package func code(of bytes: UnsafeRawBufferPointer) -> Int? {
        let hash = Self.hash(bytes)
        var index = Int(hash) & mask
        while true {
            let slot = slots[index]
            if slot.codePlusOne == 0 { return nil }
            if slot.hash == hash && equals(Int(slot.codePlusOne - 1), bytes) { return Int(slot.codePlusOne - 1) }
            index = (index + 1) & mask
        }
    }

    /// The code of `bytes`, storing it first if it is new; `isNew` says which.
    @inline(__always)
    package mutating func intern(_ bytes: UnsafeRawBufferPointer) -> (code: Int, isNew: Bool) {
        let hash = Self.hash(bytes)
        var index = Int(hash) & mask
        while true {
            let slot = slots[index]
            if slot.codePlusOne == 0 { break }
            if slot.hash == hash && equals(Int(slot.codePlusOne - 1), bytes) { return (Int(slot.codePlusOne - 1), false) }
            index = (index + 1) & mask
        }
        let code = store(bytes)
        slots[index] = Slot(hash: hash, codePlusOne: UInt32(code + 1))
        if lengths.count * 10 > slots.count * 7 { grow() }
        return (code, true)
    }

    /// The bytes stored under `code`, passed to `body`.
    package func withBytes<Result>(of code: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        let location = locations[code]
        let chunk = Int(location >> 32)
        let offset = Int(location & 0xFFFF_FFFF)
        return try chunks[chunk].withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + Int(lengths[code])])) }
    }

    /// The value stored under `code` as text (invalid UTF-8 repaired; for display only).
    package func string(_ code: Int) -> String { withBytes(of: code) { String(decoding: $0, as: UTF8.self) } }

    @inline(__always)
    private func equals(_ code: Int, _ bytes: UnsafeRawBufferPointer) -> Bool {
        guard Int(lengths[code]) == bytes.count else { return false }
        if bytes.isEmpty { return true }
        let location = locations[code]
        let offset = Int(location & 0xFFFF_FFFF)
        return chunks[Int(location >> 32)].withUnsafeBytes { stored in
            memcmpEqual(stored.baseAddress! + offset, bytes.baseAddress!, bytes.count)
        }
    }

    private mutating func store(_ bytes: UnsafeRawBufferPointer) -> Int {
        if chunks.isEmpty || chunks[chunks.count - 1].count + bytes.count > chunks[chunks.count - 1].capacity {
            var chunk: [UInt8] = []
            chunk.reserveCapacity(max(Self.chunkSize, bytes.count))
            chunks.append(chunk)
        }
        let chunkIndex = chunks.count - 1
        let offset = chunks[chunkIndex].count
        chunks[chunkIndex].append(contentsOf: bytes)
        locations.append(UInt64(chunkIndex) << 32 | UInt64(offset))
        lengths.append(UInt32(bytes.count))
        return lengths.count - 1
    }

    private mutating func grow() {
        let capacity = slots.count * 2
        var grown = Array(repeating: Slot(hash: 0, codePlusOne: 0), count: capacity)
        let newMask = capacity - 1
        for slot in slots where slot.codePlusOne != 0 {
            var index = Int(slot.hash) & newMask
            while grown[index].codePlusOne != 0 { index = (index + 1) & newMask }
            grown[index] = slot
        }
        slots = grown
        mask = newMask
    }

    /// A fast 32-bit hash of short byte strings: eight bytes at a time, multiply-mix.
    @inline(__always)
    package static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt32 {
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(bytes.count)
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            h = (h ^ bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 31
            index += 8
        }
        if index < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            h = (h ^ tail) &* 0x94D0_49BB_1331_11EB
        }
        h ^= h >> 29
        h = h &* 0xBF58_476D_1CE4_E5B9
        return UInt32(truncatingIfNeeded: h ^ (h >> 32))
    }
}

@inline(__always)
private func memcmpEqual(_ a: UnsafeRawPointer, _ b: UnsafeRawPointer, _ count: Int) -> Bool {
    var index = 0
    while index + 8 <= count {
        if a.loadUnaligned(fromByteOffset: index, as: UInt64.self) != b.loadUnaligned(fromByteOffset: index, as: UInt64.self) {
            return false
        }
        index += 8
    }
    while index < count {
        if a.load(fromByteOffset: index, as: UInt8.self) != b.load(fromByteOffset: index, as: UInt8.self) { return false }
        index += 1
    }
    return true
}
