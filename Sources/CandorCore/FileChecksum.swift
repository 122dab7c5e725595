#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SHA-256 of a whole file read on its own: for `--if-changed` (which must decide before
/// reading the data) and for inputs parsed in parallel parts (no one part sees every byte).
package enum FileChecksum {
    /// The lowercase hex digest, size and identity of the regular file at `path`; `nil` when it
    /// cannot be read, is not a regular file (a FIFO would block), or changed while it was read
    /// (the digest would then describe no version of it).
    package static func sha256(
        of path: String, chunkSize: Int = 1 << 20
    ) -> (sha256: String, bytes: Int64, identity: InputFileIdentity)? {
        guard case .success(let opened) = RegularFileOpening.open(path) else { return nil }
        let descriptor = opened.descriptor
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
            total += Int64(count)
            // Past the size at opening: a growing (or size-less /proc) file.
            guard total <= opened.identity.size else { return nil }
            digest.update(UnsafeRawBufferPointer(start: buffer, count: count))
        }
        guard total == opened.identity.size,
            opened.identity.change(to: InputFileIdentity(descriptor: descriptor)) == nil
        else { return nil }
        return (digest.finalizeHex(), total, opened.identity)
    }
}
