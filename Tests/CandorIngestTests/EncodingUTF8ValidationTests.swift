import Testing

@testable import CandorIngest

/// Strict UTF-8 validation: a hand-worked table, then a cross-check against Swift's own decoder.
struct EncodingUTF8ValidationTests {
    private func hex(_ text: String) -> [UInt8] {
        text.split(separator: " ").compactMap { UInt8($0, radix: 16) }
    }

    /// Expected offsets worked out from Unicode Table 3-7 by hand, and confirmed with
    /// python3 -c "b=bytes.fromhex('...'); b.decode('utf-8')"  (UnicodeDecodeError.start; None when valid).
    @Test(
        arguments: [
            ("41", nil), ("", nil),
            ("c0 80", 0), ("c1 bf", 0),  // overlong 2-byte
            ("c2 80", nil), ("df bf", nil),
            ("e0 80 80", 0), ("e0 9f bf", 0),  // overlong 3-byte
            ("e0 a0 80", nil), ("ed 9f bf", nil),
            ("ed a0 80", 0), ("ed bf bf", 0),  // surrogates
            ("ee 80 80", nil),
            ("f0 8f bf bf", 0),  // overlong 4-byte
            ("f0 90 80 80", nil), ("f4 8f bf bf", nil),
            ("f4 90 80 80", 0), ("f5 80 80 80", 0),  // above U+10FFFF
            ("ff", 0), ("80", 0),  // never valid / stray continuation
            ("41 42 43 44 45 46 47 48 e2 82", 8),  // truncated after the 8-byte fast path
            ("41 42 43 44 45 46 47 48 49 e2 82 ac 80", 12),  // stray continuation after a valid euro sign
            ("e2 82 41", 0), ("f0 9f 98", 0),  // cut short by ASCII / by the end
            ("41 42 43 44 45 46 47 48 49 4a 4b 4c 4d 4e 4f 50 c3", 16),
            ("e2 82 ac 41 42 43 44 45 46 47 48 49 fe", 12),
        ] as [(String, Int?)])
    func handWorkedTable(bytes: String, expected: Int?) {
        #expect(UTF8Validation.firstInvalidByte(in: hex(bytes)) == expected)
    }

    /// The offset by a second, independent method: the longest prefix Swift's standard library
    /// accepts as UTF-8 ends exactly where the first ill-formed sequence starts.
    private func referenceOffset(_ bytes: [UInt8]) -> Int? {
        if String(validating: bytes, as: UTF8.self) != nil { return nil }
        var length = bytes.count - 1
        while length > 0, String(validating: bytes[..<length], as: UTF8.self) == nil { length -= 1 }
        return length
    }

    /// SplitMix64, so the random cases are the same on every run.
    private struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func agreesWithStandardLibraryOnRandomByteStrings() {
        var random = SeededGenerator(state: 20_260_101)
        // Pieces biased toward the edges of Table 3-7, so most strings get past their first byte.
        let pieces: [[UInt8]] = [
            [0x41], [0x7F], [0x00], [0x80], [0xBF], [0xC0], [0xC2], [0xDF], [0xE0], [0xED], [0xEF],
            [0xF0], [0xF4], [0xF5], [0xFF], [0xA0], [0x9F], [0x90], [0x8F],
            Array("é".utf8), Array("€".utf8), Array("😀".utf8), Array("\u{10FFFF}".utf8), Array("\u{D7FF}".utf8),
            Array("ABCDEFGHIJ".utf8),
        ]
        var invalidSeen = 0
        for _ in 0..<1000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...12, using: &random) {
                if Bool.random(using: &random) {
                    bytes += pieces.randomElement(using: &random) ?? []
                } else {
                    bytes.append(UInt8.random(in: 0...255, using: &random))
                }
            }
            let expected = referenceOffset(bytes)
            if expected != nil { invalidSeen += 1 }
            #expect(UTF8Validation.firstInvalidByte(in: bytes) == expected, "\(bytes)")
        }
        // Both outcomes must be exercised for the comparison to mean anything.
        #expect(invalidSeen > 100 && invalidSeen < 990)
    }

    /// `scan` (one pass: NUL or ill-formed UTF-8) against two separate checks: the first NUL by
    /// a plain search, the first ill-formed sequence by `firstInvalidByte`; the earlier wins.
    /// Long strings of mostly ASCII put NULs and non-ASCII bytes at every position of the
    /// eight-byte words and in the tail after them.
    @Test func scanFindsWhatTheSeparateChecksFind() {
        var random = SeededGenerator(state: 20_261_201)
        let pieces: [[UInt8]] = [
            [0x00], [0x80], [0xC3], [0xE2, 0x82], [0xFF], Array("é".utf8), Array("€".utf8), Array("😀".utf8),
        ]
        var outcomes: Set<String> = []
        for _ in 0..<3000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...40, using: &random) {
                if Int.random(in: 0..<12, using: &random) == 0 {
                    bytes += pieces.randomElement(using: &random) ?? []
                } else {
                    bytes.append(UInt8.random(in: 0x01...0x7F, using: &random))
                }
            }
            let firstNUL = bytes.firstIndex(of: 0)
            let firstInvalid = UTF8Validation.firstInvalidByte(in: bytes)
            let expected = [firstNUL, firstInvalid].compactMap { $0 }.min()
            let scan = bytes.withUnsafeBytes { UTF8Validation.scan($0) }
            #expect(scan.firstProblem == expected, "\(bytes)")
            if expected == nil {
                #expect(scan.hasNonASCII == bytes.contains { $0 >= 0x80 }, "\(bytes)")
            }
            outcomes.insert(
                expected == nil
                    ? (bytes.contains { $0 >= 0x80 } ? "valid non-ASCII" : "ASCII")
                    : (expected == firstNUL ? "NUL" : "ill-formed"))
        }
        // Every outcome must occur for the comparison to mean anything.
        #expect(outcomes == ["ASCII", "valid non-ASCII", "NUL", "ill-formed"])
    }
}
