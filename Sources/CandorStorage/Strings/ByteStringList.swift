/// Byte strings appended one after another into one array, numbered 0, 1, 2, …: 4 bytes of
/// bookkeeping a string (its end), for the hundred thousand values an open category can hold.
@usableFromInline package struct ByteStringList: Sendable {
    @usableFromInline var bytes: [UInt8] = []
    /// String `i` ends at `ends[i]` and starts where string `i − 1` ends.
    @usableFromInline var ends: [UInt32] = []

    /// Creates an empty list.
    package init() {}

    /// Strings stored.
    @inlinable package var count: Int { ends.count }

    /// Appends `string`.
    @usableFromInline package mutating func append(_ string: UnsafeRawBufferPointer) {
        precondition(bytes.count + string.count <= Int(UInt32.max), "more than 4 GiB of strings")
        bytes.append(contentsOf: string)
        ends.append(UInt32(bytes.count))
    }

    /// String `index`'s bytes, passed to `body`.
    @inlinable @inline(__always)
    package func withBytes<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows
        -> Result
    {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let end = Int(ends[index])
        return try bytes.withUnsafeBytes { try body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// String `index` as text (invalid UTF-8 repaired).
    package func string(_ index: Int) -> String { withBytes(index) { String(decoding: $0, as: UTF8.self) } }
}
