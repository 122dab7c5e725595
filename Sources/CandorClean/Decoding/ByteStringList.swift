/// Byte strings appended one after another into one array, numbered 0, 1, 2, …: 4 bytes of
/// bookkeeping a string (its end), for the hundred thousand values an open category can hold.
struct ByteStringList: Sendable {
    private var bytes: [UInt8] = []
    /// String `i` ends at `ends[i]` and starts where string `i − 1` ends.
    private var ends: [UInt32] = []

    /// Creates an empty list.
    init() {}

    /// Strings stored.
    var count: Int { ends.count }

    /// Appends `string`.
    mutating func append(_ string: UnsafeRawBufferPointer) {
        precondition(bytes.count + string.count <= Int(UInt32.max), "more than 4 GiB of category values")
        bytes.append(contentsOf: string)
        ends.append(UInt32(bytes.count))
    }

    /// String `index`'s bytes, passed to `body`.
    @inline(__always)
    func withBytes<Result>(_ index: Int, _ body: (UnsafeRawBufferPointer) -> Result) -> Result {
        let start = index == 0 ? 0 : Int(ends[index - 1])
        let end = Int(ends[index])
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[start..<end])) }
    }

    /// String `index` as text (invalid UTF-8 repaired).
    func string(_ index: Int) -> String { withBytes(index) { String(decoding: $0, as: UTF8.self) } }
}
