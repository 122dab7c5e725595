/// Finds an alias used as a mapping key in a definition's YAML text, before Yams composes it.
///
/// Yams checks each mapping for duplicate keys by hashing the keys, and hashing an alias of a
/// nested-alias tree walks every node it expands to: `? *l9 : x` in a few hundred bytes keeps
/// `compose` busy for minutes, before `DefinitionSize` can count anything. A definition's keys
/// are plain words, so an alias in a key's place is refused outright.
///
/// The scan is lexical: it skips comments and quoted scalars, and finds an alias token (`*`
/// where a token starts, then the anchor name) that is followed by `:` (an implicit key) or
/// preceded by the explicit-key indicator `?`. A block scalar's text is not told apart, so an
/// answer-like `*word:` inside one is refused too; definitions have no reason to hold one.
enum AliasKeyScan {
    /// The 1-based line and the alias's name of the first alias used as a key, if any.
    static func firstAliasKey(in text: String) -> (line: Int, alias: String)? {
        let bytes = Array(text.utf8)
        var line = 1
        var index = 0
        var quote: UInt8?
        var afterExplicitKey = false
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "\n") { line += 1 }
            if let open = quote {
                if byte == open {
                    // '' inside a single-quoted scalar is an escaped quote, not the end.
                    if open == UInt8(ascii: "'"), index + 1 < bytes.count, bytes[index + 1] == open {
                        index += 1
                    } else {
                        quote = nil
                    }
                } else if open == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
                    index += 1
                }
                index += 1
                continue
            }
            let atTokenStart = index == 0 || Self.separators.contains(bytes[index - 1])
            switch byte {
            case UInt8(ascii: "#") where atTokenStart:
                while index < bytes.count, bytes[index] != UInt8(ascii: "\n") { index += 1 }
                continue
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                if atTokenStart { quote = byte }
            case UInt8(ascii: "?") where atTokenStart:
                afterExplicitKey = index + 1 == bytes.count || Self.blanks.contains(bytes[index + 1])
            case UInt8(ascii: "*") where atTokenStart:
                var end = index + 1
                while end < bytes.count, Self.isAnchorCharacter(bytes[end]) { end += 1 }
                var next = end
                while next < bytes.count, bytes[next] == UInt8(ascii: " ") || bytes[next] == UInt8(ascii: "\t") {
                    next += 1
                }
                let isKey = afterExplicitKey || (next < bytes.count && bytes[next] == UInt8(ascii: ":"))
                if isKey, end > index + 1 {
                    return (line, String(decoding: bytes[(index + 1)..<end], as: UTF8.self))
                }
                index = end
                afterExplicitKey = false
                continue
            default:
                if !Self.blanks.contains(byte) { afterExplicitKey = false }
            }
            index += 1
        }
        return nil
    }

    /// Bytes after which a new token may start.
    private static let separators: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D, 0x5B, 0x7B, 0x2C]  // space tab LF CR [ { ,
    /// Blanks and line breaks.
    private static let blanks: Set<UInt8> = [0x20, 0x09, 0x0A, 0x0D]

    /// Anchor names as libyaml reads them: letters, digits, `_` and `-`.
    private static func isAnchorCharacter(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
            UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"):
            true
        default: false
        }
    }
}
