import CandorCore

/// Distinct byte strings, numbered 0, 1, 2, … in the order first inserted, found by hash: a
/// `ByteStringList` and a `TaggedSlotIndex` over it, about 10 bytes a string besides its bytes.
struct ByteStringSet: Sendable {
    private var strings = ByteStringList()
    private var index = TaggedSlotIndex()

    /// Creates an empty set.
    init() {}

    /// Strings stored.
    var count: Int { strings.count }

    /// The number of `string`, if it was inserted.
    @inline(__always)
    func number(of string: UnsafeRawBufferPointer) -> Int? {
        find(string, TaggedSlotIndex.hash(string)).entry
    }

    /// The number of `string`, inserting it first if it is new; `isNew` says which.
    mutating func insert(_ string: UnsafeRawBufferPointer) -> (number: Int, isNew: Bool) {
        let hash = TaggedSlotIndex.hash(string)
        let (found, slot) = find(string, hash)
        if let found { return (found, false) }
        strings.append(string)
        if index.insert(hash, at: slot) {
            index.grow { [strings] number in strings.withBytes(number, TaggedSlotIndex.hash) }
        }
        return (strings.count - 1, true)
    }

    @inline(__always)
    private func find(_ string: UnsafeRawBufferPointer, _ hash: UInt64) -> (entry: Int?, slot: Int) {
        index.find(hash) { number in
            strings.withBytes(number) { $0.hasSameBytes(as: string) }
        }
    }
}
