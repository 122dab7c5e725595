#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

extension FileChecksum {
    /// SHA-256 digests of byte ranges of the regular file at `path`, and with `whole` of the
    /// whole file too, in one sequential read: a shard hashes the range it read, and `candor
    /// merge` checks every shard's range while it hashes the whole file for the report.
    /// `nil` when the file cannot be read, is not a regular file, or changed while it was read.
    package static func sha256(
        of path: String, ranges: [Range<Int64>], whole: Bool, chunkSize: Int = 1 << 20
    ) -> (ranges: [String], whole: String?, identity: InputFileIdentity)? {
        guard case .success(let opened) = RegularFileOpening.open(path) else { return nil }
        let descriptor = opened.descriptor
        defer { close(descriptor) }
        let size = opened.identity.size
        guard ranges.allSatisfy({ $0.lowerBound >= 0 && $0.upperBound <= size }) else { return nil }
        let digests = ranges.map { _ in SHA256Digest() }
        let wholeDigest = whole ? SHA256Digest() : nil
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        var position = whole ? 0 : (ranges.map(\.lowerBound).min() ?? 0)
        let end = whole ? size : (ranges.map(\.upperBound).max() ?? 0)
        while position < end {
            let count = pread(descriptor, buffer, min(chunkSize, Int(end - position)), off_t(position))
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            let chunk = position..<position + Int64(count)
            wholeDigest?.update(UnsafeRawBufferPointer(start: buffer, count: count))
            for (range, digest) in zip(ranges, digests) where range.overlaps(chunk) {
                let from = Int(max(range.lowerBound, chunk.lowerBound) - position)
                let to = Int(min(range.upperBound, chunk.upperBound) - position)
                digest.update(UnsafeRawBufferPointer(start: buffer + from, count: to - from))
            }
            position += Int64(count)
        }
        guard opened.identity.change(to: InputFileIdentity(descriptor: descriptor)) == nil else { return nil }
        return (digests.map { $0.finalizeHex() }, wholeDigest?.finalizeHex(), opened.identity)
    }
}
