internal import COpenSSLCrypto

/// A streaming SHA-256, fed chunk by chunk while a file is read, over OpenSSL's libcrypto.
///
/// Inputs are hashed as they stream through ingest so a run log can say exactly which bytes a
/// report was computed from, without reading any file twice. libcrypto uses the CPU's SHA
/// extensions where present, so hashing costs far less than parsing.
///
/// This is a class because it owns a `SHA256_CTX` allocation, which must be freed exactly once (in
/// `deinit`). It is deliberately not `Sendable`: the context is mutable C state with no locking,
/// so one digest belongs to one task, like the file handle it is hashing.
///
/// ```swift
/// let digest = SHA256Digest()
/// buffer.withUnsafeBytes { digest.update($0) }
/// let hex = digest.finalizeHex()
/// ```
package final class SHA256Digest {
    /// The OpenSSL digest state, allocated here so its address stays fixed for libcrypto.
    private let context: UnsafeMutablePointer<SHA256_CTX>
    /// The result, once `finalizeHex()` has run; OpenSSL's context cannot be finalised twice.
    private var finishedHex: String?

    /// Starts an empty digest.
    ///
    /// `SHA256_Init` only fills in the initial hash words; it cannot fail for a valid pointer.
    package init() {
        context = .allocate(capacity: 1)
        _ = SHA256_Init(context)
    }

    deinit {
        context.deallocate()
    }

    /// Adds bytes to the message.
    ///
    /// Chunk boundaries do not matter: any split of the same bytes gives the same digest.
    /// - Precondition: `finalizeHex()` has not been called yet.
    package func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(finishedHex == nil, "SHA256Digest.update called after finalizeHex")
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        // The pointer is valid for `bytes.count` bytes for the duration of this call, and
        // libcrypto only reads it before returning. Update cannot fail: it only copies into
        // the block buffer and compresses.
        _ = SHA256_Update(context, base, bytes.count)
    }

    /// Adds the bytes of an array to the message.
    package func update(_ bytes: [UInt8]) {
        bytes.withUnsafeBytes { update($0) }
    }

    /// Finishes the digest and returns it as 64 lowercase hex digits.
    ///
    /// Calling it again returns the same value; feeding more bytes afterwards is a
    /// programming error.
    package func finalizeHex() -> String {
        if let finishedHex { return finishedHex }
        var digest = [UInt8](repeating: 0, count: Int(SHA256_DIGEST_LENGTH))
        _ = digest.withUnsafeMutableBufferPointer { SHA256_Final($0.baseAddress, context) }
        let hex = Self.lowercaseHex(digest[...])
        finishedHex = hex
        return hex
    }

    /// The SHA-256 of `bytes` as 64 lowercase hex digits.
    package static func hex(of bytes: [UInt8]) -> String {
        let digest = SHA256Digest()
        digest.update(bytes)
        return digest.finalizeHex()
    }

    /// Lowercase hex of some bytes, two digits each.
    private static func lowercaseHex(_ bytes: ArraySlice<UInt8>) -> String {
        let digits = Array("0123456789abcdef".utf8)
        var text = [UInt8]()
        text.reserveCapacity(bytes.count * 2)
        for byte in bytes {
            text.append(digits[Int(byte >> 4)])
            text.append(digits[Int(byte & 0x0F)])
        }
        return String(decoding: text, as: UTF8.self)
    }
}
