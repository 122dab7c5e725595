import Testing

@testable import CandorCore

/// SipHash-2-4 against the reference vectors of the SipHash paper (Aumasson and Bernstein, 2012,
/// appendix A; also `vectors.h` of the reference implementation): key 00 01 … 0f, message the
/// first n bytes of 00 01 02 ….
struct KeyedHashTests {
    let hash = KeyedHash(key: (0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908))

    @Test(arguments: [
        (0, 0x726f_db47_dd0e_0e31 as UInt64), (1, 0x74f8_39c5_93dc_67fd), (7, 0xab02_00f5_8b01_d137),
        (8, 0x93f5_f579_9a93_2462), (15, 0xa129_ca61_49be_45e5),
    ])
    func matchesTheReferenceVectors(length: Int, expected: UInt64) {
        let message = (0..<length).map { UInt8($0) }
        #expect(message.withUnsafeBytes { hash.hash($0) } == expected)
    }

    /// Words hash as their little-endian bytes: the reference vector of bytes 00 … 0f.
    @Test func wordsHashAsTheirBytes() {
        #expect(hash.hash(words: [0x0706_0504_0302_0100, 0x0f0e_0d0c_0b0a_0908]) == 0x3f2a_cc7f_57c2_9bdb)
    }

    @Test func anotherKeyGivesAnotherHash() {
        #expect(KeyedHash(key: (1, 2)).hash("Sales") != KeyedHash(key: (1, 3)).hash("Sales"))
        #expect(hash.hash("Sales") == hash.hash("Sales"))
    }
}
