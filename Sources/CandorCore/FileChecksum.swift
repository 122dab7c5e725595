#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SHA-256 of a whole file read on its own: for `--if-changed` (which must decide before
/// reading the data) and for inputs parsed in parallel parts (no one part sees every byte).
package enum FileChecksum {
    /// The lowercase hex digest and size of the file at `path`; `nil` when it cannot be read.
    package static func sha256(of path: String, chunkSize: Int = 1 << 20) -> (sha256: String, bytes: Int64)? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { return nil }
        defer { close(descriptor) }
        let digest = SHA256Digest()
        let buffer = UnsafeMutableRawPointer.allocate(byteCount: chunkSize, alignment: 64)
        defer { buffer.deallocate() }
        var total: Int64 = 0
        while true {
            let count = read(descriptor, buffer, chunkSize)
            if count < 0 && errno == EINTR { continue }
            guard count >= 0 else { return nil }
            if count == 0 { break }
            digest.update(UnsafeRawBufferPointer(start: buffer, count: count))
            total += Int64(count)
        }
        return (digest.finalizeHex(), total)
    }
}
