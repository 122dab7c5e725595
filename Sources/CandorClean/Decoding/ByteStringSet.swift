#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
            strings.withBytes(number) { stored in
                guard stored.count == string.count else { return false }
                // Category values are short: a byte loop beats a call to memcmp.
                guard string.count > 16 else {
                    for index in 0..<string.count where stored[index] != string[index] { return false }
                    return true
                }
                // Equal lengths past 16: both have a base address.
                return memcmp(stored.baseAddress!, string.baseAddress!, string.count) == 0
            }
        }
    }
}
