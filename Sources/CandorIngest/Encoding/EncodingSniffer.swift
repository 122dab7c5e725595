/// Decides a file's encoding from its first bytes and an optional declared encoding.
///
/// Rules, in order:
/// 1. A byte order mark is always recognised and always skipped: `EF BB BF` (UTF-8),
///    `FF FE` (UTF-16LE), `FE FF` (UTF-16BE). Its bytes are never data in any encoding Candor
///    reads (in Windows-1252 they would be "ï»¿" or "ÿþ", which nobody writes on purpose).
/// 2. A declared encoding wins over the mark; the mark is still skipped, and
///    ``EncodingSniff/bomEncoding`` records the contradiction so the reader can warn.
/// 3. Without a declaration, the mark decides.
/// 4. Without either, BOM-less UTF-16 is recognised by NUL bytes: in the first
///    ``heuristicWindow`` bytes, if at least half of the two-byte pairs have a NUL in the odd
///    (second) position and at most a tenth in the even position, the file is UTF-16LE; the
///    mirror image is UTF-16BE. Text mostly outside U+0000–U+00FF (e.g. CJK) has few NULs and
///    is not detected; declare it. A plain UTF-8 or Windows-1252 file has no NULs at all.
/// 5. Otherwise the first ``guessWindow`` bytes decide (``EncodingEvidence``): UTF-8 when they
///    are UTF-8; Windows-1252 when they are not, hold no multi-byte UTF-8 sequence and none of
///    the five bytes Windows-1252 leaves undefined (Excel on Windows writes CSV so); else the
///    input is refused with a hint to declare `read.encoding`. A decision on a window keeps the
///    read to one pass; the rest of the file is held to it (`DecodedInput` fails a
///    Windows-1252 reading that a later byte contradicts, and a run fails a UTF-8 reading that
///    a later record contradicts).
///
/// Pass at least the first 4 bytes of the file when the file has them (the reader's first
/// chunk); a prefix shorter than a mark is simply not a mark.
package enum EncodingSniffer {
    /// How many leading bytes the BOM-less UTF-16 heuristic looks at.
    package static let heuristicWindow = 512
    /// How many leading bytes decide between UTF-8 and Windows-1252 (rule 5): 64 KiB, a few
    /// hundred survey records, enough to meet an accented name in nearly every real export.
    package static let guessWindow = 64 * 1024

    /// Sniffs the encoding of a file from its first bytes.
    /// - Parameters:
    ///   - prefix: the first bytes of the file (any length; at least 4 when available).
    ///   - declared: the encoding the pipeline definition declares, or `nil` for auto.
    ///   - prefixIsWholeFile: the prefix is the whole file, so a multi-byte sequence cut off at
    ///     its end is invalid rather than continued further on.
    package static func sniff(
        prefix: UnsafeRawBufferPointer, declared: TextEncoding?, prefixIsWholeFile: Bool = false
    ) -> EncodingSniff {
        let bom = byteOrderMark(in: prefix)
        if let declared {
            if let bom, bom.encoding != declared {
                return EncodingSniff(
                    encoding: declared, bomLength: bom.length, bomEncoding: bom.encoding,
                    evidence:
                        "declared \(declared.rawValue); skipped a contradicting \(bom.encoding.rawValue) byte order mark"
                )
            }
            return EncodingSniff(
                encoding: declared, bomLength: bom?.length ?? 0, bomEncoding: bom?.encoding,
                evidence: bom == nil
                    ? "declared \(declared.rawValue)" : "declared \(declared.rawValue); byte order mark agrees"
            )
        }
        if let bom {
            return EncodingSniff(
                encoding: bom.encoding, bomLength: bom.length, bomEncoding: bom.encoding,
                evidence: "\(bom.encoding.rawValue) byte order mark"
            )
        }
        if let utf16 = bomlessUTF16(in: prefix) {
            return EncodingSniff(
                encoding: utf16, bomLength: 0,
                evidence: "no byte order mark; NUL bytes at alternating positions look like \(utf16.rawValue)"
            )
        }
        let window = UnsafeRawBufferPointer(rebasing: prefix.prefix(guessWindow))
        var evidence = EncodingEvidence()
        evidence.scan(window, isFinal: prefixIsWholeFile && window.count == prefix.count)
        if evidence.isUTF8SoFar {
            return EncodingSniff(
                encoding: .utf8, bomLength: 0, evidence: "no byte order mark; assumed utf-8", guess: .utf8)
        }
        let invalid = evidence.firstInvalidByte!
        if evidence.looksLikeWindows1252 {
            return EncodingSniff(
                encoding: .windows1252, bomLength: 0,
                evidence:
                    "no byte order mark; not utf-8 (\(describe(invalid))) and no multi-byte utf-8 sequence: read as windows-1252",
                guess: .windows1252(firstNonUTF8: invalid))
        }
        return EncodingSniff(
            encoding: .utf8, bomLength: 0, evidence: "no byte order mark; neither utf-8 nor windows-1252",
            refusal: refusal(notUTF8: invalid, evidence: evidence))
    }

    /// `found` as the messages quote it: "byte 0xE9 at offset 1,234".
    package static func describe(_ found: EncodingEvidence.Found) -> String {
        "byte 0x" + String(found.byte, radix: 16, uppercase: true) + " at offset \(found.offset)"
    }

    /// Why an input that is not UTF-8 cannot be read as Windows-1252 either, with what to do.
    package static func refusal(notUTF8 invalid: EncodingEvidence.Found, evidence: EncodingEvidence) -> String {
        "is not utf-8 (\(describe(invalid))), and is not windows-1252 either: it \(notWindows1252(evidence)); \(hint)"
    }

    /// What in `evidence` rules Windows-1252 out: "holds a multi-byte utf-8 sequence (at offset
    /// 40)" or "holds byte 0x81 at offset 90, which windows-1252 does not define".
    package static func notWindows1252(_ evidence: EncodingEvidence) -> String {
        if let sequence = evidence.firstMultibyteSequence {
            return "holds a multi-byte utf-8 sequence (at offset \(sequence.offset))"
        }
        guard let undefined = evidence.firstUndefinedInWindows1252 else { return "is windows-1252" }
        return "holds \(describe(undefined)), which windows-1252 does not define"
    }

    /// What to do about an encoding that cannot be told.
    package static let hint =
        "declare its encoding with read.encoding (utf-8, windows-1252, latin-1, utf-16le or utf-16be; `candor inspect --encoding E FILE` shows how it reads)"

    /// The byte order mark at the start of `bytes`, if there is a complete one.
    static func byteOrderMark(in bytes: UnsafeRawBufferPointer) -> (encoding: TextEncoding, length: Int)? {
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { return (.utf8, 3) }
        if bytes.count >= 2, bytes[0] == 0xFF, bytes[1] == 0xFE { return (.utf16LE, 2) }
        if bytes.count >= 2, bytes[0] == 0xFE, bytes[1] == 0xFF { return (.utf16BE, 2) }
        return nil
    }

    /// UTF-16 recognised by the pattern of NUL bytes (rule 4), or `nil`.
    static func bomlessUTF16(in bytes: UnsafeRawBufferPointer) -> TextEncoding? {
        let pairs = min(bytes.count, heuristicWindow) / 2
        // Two code units are the least that shows a pattern rather than an accident.
        guard pairs >= 2 else { return nil }
        var nulFirst = 0
        var nulSecond = 0
        for pair in 0..<pairs {
            if bytes[2 * pair] == 0 { nulFirst += 1 }
            if bytes[2 * pair + 1] == 0 { nulSecond += 1 }
        }
        if 2 * nulSecond >= pairs && 10 * nulFirst <= pairs { return .utf16LE }
        if 2 * nulFirst >= pairs && 10 * nulSecond <= pairs { return .utf16BE }
        return nil
    }
}
