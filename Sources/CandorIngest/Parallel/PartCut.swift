import CandorCore
#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Where to cut an input's data records in two: the start of the first line at or after the
/// middle. This is only a candidate; `ParallelIngest` accepts it once the first part's parser
/// has reached it between records.
enum PartCut {
    /// Bytes searched for a line feed past the middle before giving up on cutting.
    static let searchLimit = 1 << 20

    /// The decoded offset of the line start to cut at, or `nil` when there is none worth it.
    /// - Parameters:
    ///   - dataStart: decoded offset of the first data record.
    ///   - bomLength: bytes of byte-order mark before decoded offset 0 (the input is UTF-8
    ///     read without transcoding, so decoded offsets are file offsets less the mark).
    static func find(path: String, dataStart: Int64, bomLength: Int, fileSize: Int64) -> Int64? {
        let dataEnd = fileSize - Int64(bomLength)
        let middle = dataStart + (dataEnd - dataStart) / 2
        guard middle > dataStart else { return nil }
        return lineStart(path: path, from: middle, dataEnd: dataEnd, bomLength: bomLength)
    }

    /// The decoded offset just after the first LF at or after `position` (searching at most
    /// `searchLimit` bytes), when that is before `dataEnd`.
    static func lineStart(path: String, from position: Int64, dataEnd: Int64, bomLength: Int) -> Int64? {
        // Not a plain open(2): a name swapped for a FIFO since the first reader opened it must
        // not block here.
        guard case .success(let opened) = RegularFileOpening.open(path) else { return nil }
        let descriptor = opened.descriptor
        defer { close(descriptor) }
        let window = 64 * 1024
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: window, alignment: 64)
        defer { buffer.deallocate() }
        let start = position
        var position = position
        while position < min(dataEnd, start + Int64(searchLimit)) {
            let count = pread(descriptor, buffer, window, off_t(position + Int64(bomLength)))
            guard count > 0 else { return nil }
            if let found = memchr(buffer, 0x0A, count) {
                let cut = position + Int64(found - buffer) + 1
                return cut < dataEnd ? cut : nil
            }
            position += Int64(count)
        }
        return nil
    }
}
