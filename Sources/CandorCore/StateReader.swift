/// Reads what a `StateWriter` wrote, checking every length against the bytes left, so a
/// truncated or corrupt state is an error and never a crash or a huge allocation.
package struct StateReader {
    private let bytes: [UInt8]
    /// The offset of the next byte to read.
    package private(set) var offset = 0

    /// A reader of `bytes` from their start.
    package init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// Whether every byte was read.
    package var isAtEnd: Bool { offset == bytes.count }

    /// Reads a 64-bit little-endian word.
    package mutating func word() throws(StateDecodingError) -> UInt64 {
        guard bytes.count - offset >= 8 else { throw StateDecodingError(offset: offset, "the state ends early") }
        var value: UInt64 = 0
        for index in 0..<8 { value |= UInt64(bytes[offset + index]) << (8 * UInt64(index)) }
        offset += 8
        return value
    }

    /// Reads an integer.
    package mutating func integer() throws(StateDecodingError) -> Int {
        Int(Int64(bitPattern: try word()))
    }

    /// Reads a count: an integer from 0 to the bytes left divided by `minimumSize` (the fewest
    /// bytes each counted item takes), so a corrupt count cannot ask for a huge allocation.
    package mutating func count(minimumSize: Int = 1) throws(StateDecodingError) -> Int {
        let start = offset
        let value = try integer()
        guard value >= 0, value <= (bytes.count - offset) / max(minimumSize, 1) else {
            throw StateDecodingError(offset: start, "a count of \(value) does not fit the bytes left")
        }
        return value
    }

    /// Reads an integer that must lie in `range`.
    package mutating func integer(in range: ClosedRange<Int>) throws(StateDecodingError) -> Int {
        let start = offset
        let value = try integer()
        guard range.contains(value) else {
            throw StateDecodingError(offset: start, "\(value) is outside \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// Reads a double by its bit pattern.
    package mutating func double() throws(StateDecodingError) -> Double { Double(bitPattern: try word()) }

    /// Reads a one-byte boolean.
    package mutating func bool() throws(StateDecodingError) -> Bool {
        guard offset < bytes.count, bytes[offset] <= 1 else {
            throw StateDecodingError(offset: offset, "expected a boolean byte")
        }
        offset += 1
        return bytes[offset - 1] == 1
    }

    /// Reads a length and that many bytes, passed to `body` (valid only during the call).
    package mutating func bytes<Result>(_ body: (UnsafeRawBufferPointer) -> Result) throws(StateDecodingError)
        -> Result
    {
        let count = try count()
        defer { offset += count }
        return bytes.withUnsafeBytes { body(UnsafeRawBufferPointer(rebasing: $0[offset..<offset + count])) }
    }

    /// Reads a length and a UTF-8 string.
    package mutating func string() throws(StateDecodingError) -> String {
        try bytes { String(decoding: $0, as: UTF8.self) }
    }

    /// Reads a count and that many integers.
    package mutating func integers() throws(StateDecodingError) -> [Int] {
        let count = try count(minimumSize: 8)
        var values: [Int] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try integer()) }
        return values
    }

    /// Reads a count and that many doubles.
    package mutating func doubles() throws(StateDecodingError) -> [Double] {
        let count = try count(minimumSize: 8)
        var values: [Double] = []
        values.reserveCapacity(count)
        for _ in 0..<count { values.append(try double()) }
        return values
    }

    /// Reads a count and that many strings.
    package mutating func strings() throws(StateDecodingError) -> [String] {
        let count = try count(minimumSize: 8)
        var values: [String] = []
        for _ in 0..<count { values.append(try string()) }
        return values
    }

    /// Reads an array of exactly `expected` doubles (a state whose shape the definition fixes).
    package mutating func doubles(count expected: Int) throws(StateDecodingError) -> [Double] {
        let start = offset
        let values = try doubles()
        guard values.count == expected else {
            throw StateDecodingError(offset: start, "\(values.count) values where the definition has \(expected)")
        }
        return values
    }
}

/// A state that could not be read back: where, and what was wrong.
package struct StateDecodingError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The byte offset in the state where reading failed.
    package var offset: Int
    /// What was wrong there.
    package var problem: String

    /// The error at `offset`.
    package init(offset: Int, _ problem: String) {
        self.offset = offset
        self.problem = problem
    }

    /// "at byte N: problem".
    package var description: String { "at byte \(offset) of the state: \(problem)" }
}
