/// The growable buffers behind a `RecordBatch`, kept as raw pointers so the libcsv callbacks can
/// append to them without Swift array uniqueness checks or class exclusivity checks on the
/// hot path.
struct BatchStorage {
    var bytes: UnsafeMutablePointer<UInt8>
    var byteCount = 0
    var byteCapacity: Int
    /// Field boundaries: field i spans `bytes[fieldBounds[i]..<fieldBounds[i + 1]]`, so
    /// `fieldCount + 1` entries, the first 0. The leading 0 spares every reader a test for the
    /// batch's first field.
    var fieldBounds: UnsafeMutablePointer<UInt32>
    var fieldCount = 0
    /// Fields `fieldBounds` has room for (it holds one entry more).
    var fieldCapacity: Int
    /// Record boundaries: record r's fields are `recordBounds[r]..<recordBounds[r + 1]`, so
    /// `recordCount + 1` entries, the first 0.
    var recordBounds: UnsafeMutablePointer<UInt32>
    var recordCount = 0
    /// Records `recordBounds` has room for (it holds one entry more).
    var recordCapacity: Int
    // Per-record provenance and problems: touched once per record, so plain arrays are fine.
    var lines: [Int] = []
    var recordNumbers: [Int] = []
    var byteOffsets: [Int64] = []
    var problems: [RecordProblem?] = []
    /// Records with a problem, so a clean batch (nearly all) is known clean without looking.
    var problemCount = 0

    init(byteCapacity: Int, recordCapacity: Int) {
        self.byteCapacity = byteCapacity
        self.fieldCapacity = recordCapacity * 16
        self.recordCapacity = recordCapacity
        bytes = .allocate(capacity: byteCapacity)
        fieldBounds = .allocate(capacity: fieldCapacity + 1)
        fieldBounds[0] = 0
        recordBounds = .allocate(capacity: recordCapacity + 1)
        recordBounds[0] = 0
        lines.reserveCapacity(recordCapacity)
        recordNumbers.reserveCapacity(recordCapacity)
        byteOffsets.reserveCapacity(recordCapacity)
        problems.reserveCapacity(recordCapacity)
    }

    func deallocate() {
        bytes.deallocate()
        fieldBounds.deallocate()
        recordBounds.deallocate()
    }

    /// Whether the batch has reached the size at which it should be handed on.
    var isFull: Bool { recordCount >= recordCapacity || byteCount >= byteCapacity - (byteCapacity >> 3) }

    /// Appends one field's bytes to the record being built.
    @inline(__always) mutating func appendField(_ source: UnsafeRawPointer?, _ length: Int) {
        if byteCount + length > byteCapacity { growBytes(byteCount + length) }
        if fieldCount == fieldCapacity { growFields() }
        if length > 0, let source {
            let destination = UnsafeMutableRawPointer(bytes + byteCount)
            if length <= 16 {
                Self.copyShort(from: source, to: destination, count: length)
            } else if length <= 32 {
                Self.copyMedium(from: source, to: destination, count: length)
            } else {
                destination.copyMemory(from: source, byteCount: length)
            }
        }
        byteCount += length
        fieldCount += 1
        fieldBounds[fieldCount] = UInt32(truncatingIfNeeded: byteCount)
    }

    /// Copies 1 to 16 bytes with two overlapping loads and stores, inline: nearly every field is
    /// this short, and a call into `memcpy` per field cost more than the copy.
    @inline(__always)
    private static func copyShort(from source: UnsafeRawPointer, to destination: UnsafeMutableRawPointer, count: Int) {
        if count >= 8 {
            let head = source.loadUnaligned(as: UInt64.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
            destination.storeBytes(of: head, as: UInt64.self)
            destination.storeBytes(of: tail, toByteOffset: count - 8, as: UInt64.self)
        } else if count >= 4 {
            let head = source.loadUnaligned(as: UInt32.self)
            let tail = source.loadUnaligned(fromByteOffset: count - 4, as: UInt32.self)
            destination.storeBytes(of: head, as: UInt32.self)
            destination.storeBytes(of: tail, toByteOffset: count - 4, as: UInt32.self)
        } else {
            // 1 to 3 bytes: the first, the middle and the last (some of them the same byte).
            let first = source.load(as: UInt8.self)
            let middle = source.load(fromByteOffset: count >> 1, as: UInt8.self)
            let last = source.load(fromByteOffset: count - 1, as: UInt8.self)
            destination.storeBytes(of: first, as: UInt8.self)
            destination.storeBytes(of: middle, toByteOffset: count >> 1, as: UInt8.self)
            destination.storeBytes(of: last, toByteOffset: count - 1, as: UInt8.self)
        }
    }

    /// Copies 17 to 32 bytes with four overlapping loads and stores, inline: labels, timestamps
    /// and multiselect answers are this long, several a record.
    @inline(__always)
    private static func copyMedium(from source: UnsafeRawPointer, to destination: UnsafeMutableRawPointer, count: Int) {
        let first = source.loadUnaligned(as: UInt64.self)
        let second = source.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
        let secondLast = source.loadUnaligned(fromByteOffset: count - 16, as: UInt64.self)
        let last = source.loadUnaligned(fromByteOffset: count - 8, as: UInt64.self)
        destination.storeBytes(of: first, as: UInt64.self)
        destination.storeBytes(of: second, toByteOffset: 8, as: UInt64.self)
        destination.storeBytes(of: secondLast, toByteOffset: count - 16, as: UInt64.self)
        destination.storeBytes(of: last, toByteOffset: count - 8, as: UInt64.self)
    }

    /// Closes the record whose fields were appended since the last call.
    @inline(__always) mutating func endRecord(line: Int, recordNumber: Int, byteOffset: Int64, problem: RecordProblem?)
    {
        if recordCount == recordCapacity { growRecords() }
        recordCount += 1
        recordBounds[recordCount] = UInt32(truncatingIfNeeded: fieldCount)
        lines.append(line)
        recordNumbers.append(recordNumber)
        byteOffsets.append(byteOffset)
        problems.append(problem)
        if problem != nil { problemCount += 1 }
    }

    private mutating func growBytes(_ needed: Int) {
        var capacity = byteCapacity * 2
        while capacity < needed { capacity *= 2 }
        bytes = Self.moved(bytes, count: byteCount, toCapacity: capacity)
        byteCapacity = capacity
    }

    private mutating func growFields() {
        fieldBounds = Self.moved(fieldBounds, count: fieldCount + 1, toCapacity: fieldCapacity * 2 + 1)
        fieldCapacity *= 2
    }

    private mutating func growRecords() {
        recordBounds = Self.moved(recordBounds, count: recordCount + 1, toCapacity: recordCapacity * 2 + 1)
        recordCapacity *= 2
    }

    /// A new buffer of `capacity` holding the first `count` elements of `buffer`, which is freed.
    private static func moved<Element>(
        _ buffer: UnsafeMutablePointer<Element>, count: Int, toCapacity capacity: Int
    ) -> UnsafeMutablePointer<Element> {
        let grown = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        grown.update(from: buffer, count: count)
        buffer.deallocate()
        return grown
    }
}
