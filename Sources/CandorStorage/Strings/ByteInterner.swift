import CandorCore

/// Maps byte strings to small dense integer codes (0, 1, 2, …, in the order first interned),
/// storing each distinct string once.
///
/// This is how repeated values (categories, a field's long cached values, respondent ids for
/// `keep: latest`) are handled without a `String` per field: a lookup hashes the borrowed
/// bytes (`StorageHash`) and compares them with the stored copy. The strings live back to back
/// in a `ByteStringList` (4 bytes a string besides its bytes) and a `TaggedSlotIndex` finds
/// them (5 to 7.5 bytes a string), so memory rises only with the number of distinct values.
/// Any byte string is a key, the empty one included.
@usableFromInline package struct ByteInterner: Sendable {
    @usableFromInline var strings = ByteStringList()
    @usableFromInline var index: TaggedSlotIndex

    /// Creates an empty interner with room for about `expected` distinct values before it
    /// first grows.
    package init(expected: Int = 0) {
        index = TaggedSlotIndex(capacity: HashTable.capacity(reserving: expected))
    }

    /// Number of distinct values stored.
    @inlinable package var count: Int { strings.count }

    /// The code of `bytes`, if it was stored.
    @inlinable @inline(__always)
    package func code(of bytes: UnsafeRawBufferPointer) -> Int? {
        find(bytes, StorageHash.hash(bytes)).entry
    }

    /// The code of `bytes`, storing it first if it is new; `isNew` says which.
    @inlinable
    package mutating func intern(_ bytes: UnsafeRawBufferPointer) -> (code: Int, isNew: Bool) {
        let hash = StorageHash.hash(bytes)
        let (found, slot) = find(bytes, hash)
        if let found { return (found, false) }
        strings.append(bytes)
        if index.insert(hash, at: slot) { grow() }
        return (strings.count - 1, true)
    }

    /// The bytes stored under `code`, passed to `body`.
    @inlinable
    package func withBytes<Result>(of code: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows
        -> Result
    {
        try strings.withBytes(code, body)
    }

    /// The value stored under `code` as text (invalid UTF-8 repaired; for display only).
    package func string(_ code: Int) -> String { strings.string(code) }

    @inlinable @inline(__always)
    func find(_ bytes: UnsafeRawBufferPointer, _ hash: UInt64) -> (entry: Int?, slot: Int) {
        index.find(hash) { code in strings.withBytes(code) { $0.hasSameBytes(as: bytes) } }
    }

    /// Regrows the index from the stored strings.
    @usableFromInline
    mutating func grow() {
        index.grow { [strings] code in strings.withBytes(code, StorageHash.hash) }
    }
}
