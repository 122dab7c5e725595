/// Builds RFC 4180 CSV into a bounded buffer that the generator drains in chunks.
///
/// Memory stays flat however many rows are written: the generator drains the buffer once it is
/// `isFull`, and no record it writes comes near the headroom left above the threshold, so no
/// chunk exceeds `SampleGenerator.maximumChunkBytes`.
struct CSVChunkWriter {
    /// Bytes after which the buffer should be drained; leaves 4 KiB of headroom below a chunk.
    static var flushThreshold: Int { SampleGenerator.maximumChunkBytes - 4096 }

    /// The pending bytes, never longer than one chunk.
    private var buffer: [UInt8] = []
    /// Whether the next field is the first of its record (so needs no separator).
    private var atRecordStart = true

    /// Creates an empty writer with one chunk of capacity.
    init() {
        buffer.reserveCapacity(SampleGenerator.maximumChunkBytes)
    }

    /// Whether the buffer has reached the drain threshold.
    var isFull: Bool { buffer.count >= Self.flushThreshold }

    /// Appends raw bytes that are not a field (a byte-order mark).
    mutating func appendRaw(_ bytes: [UInt8]) {
        buffer.append(contentsOf: bytes)
    }

    /// Appends one field, quoted when it holds a comma, a quote, CR or LF (quotes doubled).
    mutating func field(_ text: String) {
        if !atRecordStart { buffer.append(UInt8(ascii: ",")) }
        atRecordStart = false
        let utf8 = text.utf8
        let needsQuotes = utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0D || $0 == 0x0A }
        guard needsQuotes else {
            buffer.append(contentsOf: utf8)
            return
        }
        buffer.append(0x22)
        for byte in utf8 {
            if byte == 0x22 { buffer.append(0x22) }
            buffer.append(byte)
        }
        buffer.append(0x22)
    }

    /// Appends every field of a record and ends it with CRLF.
    mutating func record(_ fields: [String]) {
        for text in fields { field(text) }
        buffer.append(0x0D)
        buffer.append(0x0A)
        atRecordStart = true
    }

    /// Hands any pending bytes to `sink` and empties the buffer.
    mutating func drain<Failure: Error>(
        into sink: (UnsafeRawBufferPointer) throws(Failure) -> Void
    ) throws(Failure) {
        guard !buffer.isEmpty else { return }
        // The pointer is only valid inside this closure; the sink must copy what it keeps.
        let result: Result<Void, Failure> = buffer.withUnsafeBytes { bytes in
            do throws(Failure) {
                try sink(bytes)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
        buffer.removeAll(keepingCapacity: true)
    }
}
