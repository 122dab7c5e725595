internal import COpenSSLCrypto

/// A streaming SHA-256, fed chunk by chunk while a file is read, over OpenSSL's libcrypto.
///
/// Inputs are hashed as they stream through ingest so a run log can say exactly which bytes a
/// report was computed from, without reading any file twice. libcrypto uses the CPU's SHA
/// extensions where present, so hashing costs far less than parsing.
///
/// This is a class because it owns an `EVP_MD_CTX`, which must be freed exactly once (in
/// `deinit`). It is deliberately not `Sendable`: the context is mutable C state with no locking,
/// so one digest belongs to one task, like the file handle it is hashing.
///
/// ```swift
/// let digest = SHA256Digest()
/// buffer.withUnsafeBytes { digest.update($0) }
/// let hex = digest.finalizeHex()
/// ```
package final class SHA256Digest {
    /// The OpenSSL digest context; never nil after `init`.
    private let context: OpaquePointer
    /// The result, once `finalizeHex()` has run; OpenSSL's context cannot be finalised twice.
    private var finishedHex: String?

    /// Starts an empty digest.
    ///
    /// Setting up the context fails only if memory is exhausted or the OpenSSL installation
    /// cannot provide SHA-256 at all; neither depends on the data, so this traps rather than
    /// making every caller handle an error that no input can cause.
    package init() {
        guard let context = EVP_MD_CTX_new() else {
            fatalError("OpenSSL could not allocate a digest context (out of memory)")
        }
        // EVP_sha256() is a static method table, valid for the life of the process.
        guard EVP_DigestInit_ex(context, EVP_sha256(), nil) == 1 else {
            EVP_MD_CTX_free(context)
            fatalError("OpenSSL could not initialise SHA-256; check the libcrypto installation")
        }
        self.context = context
    }

    deinit {
        EVP_MD_CTX_free(context)
    }

    /// Adds bytes to the message.
    ///
    /// Chunk boundaries do not matter: any split of the same bytes gives the same digest.
    /// - Precondition: `finalizeHex()` has not been called yet.
    package func update(_ bytes: UnsafeRawBufferPointer) {
        precondition(finishedHex == nil, "SHA256Digest.update called after finalizeHex")
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        // The pointer is valid for `bytes.count` bytes for the duration of this call, and
        // libcrypto only reads it before returning. Update cannot fail for an initialised
        // SHA-256 context (it only copies into the block buffer and compresses).
        _ = EVP_DigestUpdate(context, base, bytes.count)
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
        // 32 bytes is SHA-256's fixed output size; EVP_MAX_MD_SIZE (64) leaves room anyway.
        var digest = [UInt8](repeating: 0, count: 64)
        var length: UInt32 = 0
        _ = digest.withUnsafeMutableBufferPointer { buffer in
            // The buffer holds EVP_MAX_MD_SIZE bytes, the most any digest writes.
            EVP_DigestFinal_ex(context, buffer.baseAddress, &length)
        }
        let hex = Self.lowercaseHex(digest.prefix(Int(length)))
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
