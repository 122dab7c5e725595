/// Writes a state as bytes for a partial file (`StateReader` reads it back): integers and
/// doubles as 8 little-endian bytes (doubles by their bit pattern, so a sum comes back bit for
/// bit), strings and byte strings as a length and their bytes.
///
/// The layout carries no field names or types: a writer and its reader are one pair of
/// functions per state, next to the state's type, and the file's format version changes when
/// any pair does.
package struct StateWriter: Sendable {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []

    /// An empty writer.
    package init() {}

    /// Writes `value` as 8 little-endian bytes.
    package mutating func integer(_ value: Int) { word(UInt64(bitPattern: Int64(value))) }

    /// Writes a 64-bit word, little-endian.
    package mutating func word(_ value: UInt64) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    /// Writes `value` by its bit pattern.
    package mutating func double(_ value: Double) { word(value.bitPattern) }

    /// Writes `value` as one byte.
    package mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }

    /// Writes a length and the bytes.
    package mutating func bytes(_ value: UnsafeRawBufferPointer) {
        integer(value.count)
        bytes.append(contentsOf: value)
    }

    /// Writes a length and the string's UTF-8 bytes.
    package mutating func string(_ value: String) {
        var value = value
        value.withUTF8 { bytes(UnsafeRawBufferPointer($0)) }
    }

    /// Writes a count and each integer.
    package mutating func integers(_ values: [Int]) {
        integer(values.count)
        for value in values { integer(value) }
    }

    /// Writes a count and each double.
    package mutating func doubles(_ values: [Double]) {
        integer(values.count)
        for value in values { double(value) }
    }

    /// Writes a count and each string.
    package mutating func strings(_ values: [String]) {
        integer(values.count)
        for value in values { string(value) }
    }
}
