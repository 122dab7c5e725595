/// What the bytes of an input without a byte order mark or a declared encoding say about
/// whether it is UTF-8 or Windows-1252, gathered chunk by chunk in one pass.
///
/// Excel on Windows saves CSV in Windows-1252, where an accented letter is one byte (`é` is
/// 0xE9) that is never valid UTF-8. Real Windows-1252 text almost never holds a well-formed
/// multi-byte UTF-8 sequence (that would be mojibake such as `Ã©`), and never the five bytes the
/// code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D). So: invalid UTF-8 with neither of
/// those is Windows-1252; invalid UTF-8 with either cannot be told, and a person must say.
///
/// Well-formedness follows the Unicode Standard's Table 3-7, as `UTF8Validation` does.
package struct EncodingEvidence: Sendable, Equatable {
    /// A byte at an offset (counted from the first byte scanned).
    package struct Found: Sendable, Equatable {
        /// Where it is.
        package var offset: Int64
        /// The byte (for a sequence, its lead byte).
        package var byte: UInt8
    }

    /// The first well-formed multi-byte UTF-8 sequence.
    package private(set) var firstMultibyteSequence: Found?
    /// The first byte that is not part of well-formed UTF-8.
    package private(set) var firstInvalidByte: Found?
    /// The first of the five bytes Windows-1252 leaves undefined.
    package private(set) var firstUndefinedInWindows1252: Found?

    /// Bytes scanned so far.
    private var scanned: Int64 = 0
    /// An unfinished multi-byte sequence: where it started, its lead byte, continuation bytes
    /// still needed, and the range the next one must fall in.
    private var pendingStart: Int64 = 0
    private var pendingLead: UInt8 = 0
    private var pendingNeeded = 0
    private var nextLower: UInt8 = 0x80
    private var nextUpper: UInt8 = 0xBF

    /// Creates empty evidence.
    package init() {}

    /// Whether the bytes scanned are well-formed UTF-8 so far (a sequence cut off at the end
    /// of the bytes scanned is not held against them).
    package var isUTF8SoFar: Bool { firstInvalidByte == nil }

    /// Whether the bytes scanned fit Windows-1252 as Excel writes it: not UTF-8, with no
    /// multi-byte UTF-8 sequence and no undefined byte.
    package var looksLikeWindows1252: Bool {
        firstInvalidByte != nil && firstMultibyteSequence == nil && firstUndefinedInWindows1252 == nil
    }

    /// Adds the next bytes of the input. With `isFinal`, a sequence left unfinished is invalid.
    package mutating func scan(_ bytes: UnsafeRawBufferPointer, isFinal: Bool = false) {
        for byte in bytes {
            if byte >= 0x80 || pendingNeeded > 0 { note(byte) }
            scanned += 1
        }
        if isFinal, pendingNeeded > 0 {
            recordInvalid(Found(offset: pendingStart, byte: pendingLead))
            pendingNeeded = 0
        }
    }

    private mutating func note(_ byte: UInt8) {
        if firstUndefinedInWindows1252 == nil, Self.undefinedInWindows1252.contains(byte) {
            firstUndefinedInWindows1252 = Found(offset: scanned, byte: byte)
        }
        if pendingNeeded > 0 {
            if byte >= nextLower && byte <= nextUpper {
                pendingNeeded -= 1
                (nextLower, nextUpper) = (0x80, 0xBF)
                if pendingNeeded == 0, firstMultibyteSequence == nil {
                    firstMultibyteSequence = Found(offset: pendingStart, byte: pendingLead)
                }
                return
            }
            // The sequence broke off; this byte starts afresh.
            recordInvalid(Found(offset: pendingStart, byte: pendingLead))
            pendingNeeded = 0
        }
        guard byte >= 0x80 else { return }
        let (needed, lower, upper): (Int, UInt8, UInt8) =
            switch byte {
            case 0xC2...0xDF: (1, 0x80, 0xBF)
            case 0xE0: (2, 0xA0, 0xBF)
            case 0xED: (2, 0x80, 0x9F)
            case 0xE1...0xEF: (2, 0x80, 0xBF)
            case 0xF0: (3, 0x90, 0xBF)
            case 0xF1...0xF3: (3, 0x80, 0xBF)
            case 0xF4: (3, 0x80, 0x8F)
            default: (0, 0, 0)
            }
        guard needed > 0 else {
            recordInvalid(Found(offset: scanned, byte: byte))
            return
        }
        (pendingStart, pendingLead, pendingNeeded, nextLower, nextUpper) = (scanned, byte, needed, lower, upper)
    }

    private mutating func recordInvalid(_ found: Found) {
        if firstInvalidByte == nil { firstInvalidByte = found }
    }

    /// The bytes Windows-1252 does not define.
    package static let undefinedInWindows1252: Set<UInt8> = [0x81, 0x8D, 0x8F, 0x90, 0x9D]
}
