/// SipHash-2-4 (Aumasson and Bernstein, 2012): a 64-bit hash keyed by a 128-bit secret, so that
/// whoever lacks the key cannot tell which input gave a hash, nor test a guess against it.
///
/// Used for the entries of a `SetSketch`: a respondent's id and answers are kept only as keyed
/// hashes, and the key lives beside the sketches in the history (see `Docs/PIPELINE.md`).
/// Checked against the reference vectors of the SipHash paper's appendix.
package struct KeyedHash: Sendable, Hashable {
    /// The key's two halves, as the paper's k0 and k1 (little-endian words of the 16 key bytes).
    package let key: (UInt64, UInt64)

    /// A hash keyed by `key`.
    package init(key: (UInt64, UInt64)) { self.key = key }

    /// Equal when the keys are.
    package static func == (lhs: KeyedHash, rhs: KeyedHash) -> Bool { lhs.key == rhs.key }

    /// Hashes the key's words.
    package func hash(into hasher: inout Hasher) {
        hasher.combine(key.0)
        hasher.combine(key.1)
    }

    /// A SHA-256 of the key, to name it where the key itself must not go (a cache entry's name,
    /// a partial): two digests are equal when, and only when, the keys are.
    package var keyDigest: String {
        let bytes = [key.0, key.1].flatMap { word in (0..<8).map { UInt8(truncatingIfNeeded: word >> ($0 * 8)) } }
        return SHA256Digest.hex(of: Array("candor-sketch-key\n".utf8) + bytes)
    }

    /// The hash of `bytes`.
    package func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var state = State(key: key)
        let whole = bytes.count / 8
        for index in 0..<whole { state.compress(bytes.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self)) }
        var last = UInt64(truncatingIfNeeded: bytes.count) << 56
        for index in 0..<(bytes.count % 8) { last |= UInt64(bytes[whole * 8 + index]) << (8 * UInt64(index)) }
        state.compress(last)
        return state.finish()
    }

    /// The hash of `words`, each taken as its 8 little-endian bytes.
    package func hash(words: [UInt64]) -> UInt64 {
        // The same as hashing the words' bytes: whole 8-byte blocks, then the length block.
        var state = State(key: key)
        for word in words { state.compress(word) }
        state.compress(UInt64(truncatingIfNeeded: words.count * 8) << 56)
        return state.finish()
    }

    /// The hash of a string's UTF-8 bytes.
    package func hash(_ string: String) -> UInt64 {
        var string = string
        return string.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }

    /// SipHash's four words of state.
    private struct State {
        var v0: UInt64, v1: UInt64, v2: UInt64, v3: UInt64

        init(key: (UInt64, UInt64)) {
            v0 = key.0 ^ 0x736f_6d65_7073_6575
            v1 = key.1 ^ 0x646f_7261_6e64_6f6d
            v2 = key.0 ^ 0x6c79_6765_6e65_7261
            v3 = key.1 ^ 0x7465_6462_7974_6573
        }

        mutating func round() {
            v0 &+= v1
            v1 = v1.rotatedLeft(13) ^ v0
            v0 = v0.rotatedLeft(32)
            v2 &+= v3
            v3 = v3.rotatedLeft(16) ^ v2
            v0 &+= v3
            v3 = v3.rotatedLeft(21) ^ v0
            v2 &+= v1
            v1 = v1.rotatedLeft(17) ^ v2
            v2 = v2.rotatedLeft(32)
        }

        mutating func compress(_ word: UInt64) {
            v3 ^= word
            round()
            round()
            v0 ^= word
        }

        mutating func finish() -> UInt64 {
            v2 ^= 0xff
            for _ in 0..<4 { round() }
            return v0 ^ v1 ^ v2 ^ v3
        }
    }
}

extension UInt64 {
    fileprivate func rotatedLeft(_ count: UInt64) -> UInt64 { (self << count) | (self >> (64 - count)) }
}
