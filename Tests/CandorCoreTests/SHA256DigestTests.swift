import Testing

@testable import CandorCore

/// SHA-256 against published vectors and against Python's hashlib for a long, chunked input.
@Suite struct SHA256DigestTests {
    /// NIST FIPS 180-2 examples (empty, one block, the two-block 448-bit message). Confirmed with
    /// `python3 -c 'import hashlib; print(hashlib.sha256(b"...").hexdigest())'` for each message.
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func nistVectors(message: String, expected: String) {
        #expect(SHA256Digest.hex(of: Array(message.utf8)) == expected)
    }

    /// The pseudo-random message below: byte i is (i * 31 + 7) % 251, 1 MiB + 123 bytes long.
    private static let longMessage: [UInt8] = (0..<(1_048_576 + 123)).map { UInt8(($0 * 31 + 7) % 251) }

    /// Computed with:
    /// `python3 -c 'import hashlib; n=1048576+123; print(hashlib.sha256(bytes((i*31+7)%251 for i in range(n))).hexdigest())'`
    private static let longMessageDigest = "c68471891db800c38489aaf36edeca12f6686d5ea50aee79ce88fc37bd688e85"

    /// Chunk sizes that straddle SHA-256's 64-byte blocks in different ways, including empty chunks.
    @Test(arguments: [1_048_699, 65_536, 4_093, 63, 1])
    func longInputInOddChunks(chunkSize: Int) {
        let digest = SHA256Digest()
        Self.longMessage.withUnsafeBytes { all in
            var start = 0
            while start < all.count {
                let end = min(start + chunkSize, all.count)
                digest.update(UnsafeRawBufferPointer(rebasing: all[start..<end]))
                digest.update(UnsafeRawBufferPointer(rebasing: all[end..<end]))  // an empty chunk is a no-op
                start = end
            }
        }
        #expect(digest.finalizeHex() == Self.longMessageDigest)
    }

    @Test func unevenChunkSequence() {
        // Sizes that never repeat, so every block boundary falls at a different offset in a chunk.
        let digest = SHA256Digest()
        var start = 0
        var size = 1
        while start < Self.longMessage.count {
            let end = min(start + size, Self.longMessage.count)
            digest.update(Array(Self.longMessage[start..<end]))
            start = end
            size = size * 7 % 9_973 + 1
        }
        #expect(digest.finalizeHex() == Self.longMessageDigest)
    }

    @Test func finalizeTwiceReturnsTheSameDigest() {
        let digest = SHA256Digest()
        digest.update(Array("abc".utf8))
        let first = digest.finalizeHex()
        #expect(digest.finalizeHex() == first)
        #expect(first == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
