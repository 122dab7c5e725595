/// A text encoding an input file may be written in; every one of them is turned into UTF-8
/// before the bytes reach the CSV parser.
///
/// The raw values are the spellings the pipeline definition's `read.encoding` key documents.
/// `latin1` is ISO-8859-1 proper (bytes 0x80–0x9F are the C1 controls). Unlike the WHATWG
/// Encoding Standard, which treats the label "latin1" as Windows-1252, Candor keeps the two
/// apart, because a survey tool that says "ISO-8859-1" sometimes means exactly that.
package enum TextEncoding: String, Sendable, CaseIterable {
    case utf8 = "utf-8"
    case utf16LE = "utf-16le"
    case utf16BE = "utf-16be"
    case windows1252 = "windows-1252"
    case latin1 = "latin-1"

    /// Parses an encoding name as a person writes it, accepting common aliases.
    ///
    /// Case, spaces, `-` and `_` are ignored, so "UTF-8", "utf8" and "utf_8" are the same.
    /// Accepted: `utf8` (also `ascii`/`us-ascii`, a subset of UTF-8), `utf16le`, `utf16be`,
    /// `windows1252`/`cp1252`/`win1252`, `latin1`/`l1`/`iso88591`/`iso8859_1`. Plain `utf-16`
    /// is rejected: it does not say the byte order, and a file with a BOM needs no declaration.
    /// Returns `nil` for anything else, including "auto", which the caller handles.
    package init?(userText: String) {
        var key = ""
        for character in userText.lowercased() where character != "-" && character != "_" && character != " " {
            key.append(character)
        }
        switch key {
        case "utf8", "ascii", "usascii": self = .utf8
        case "utf16le": self = .utf16LE
        case "utf16be": self = .utf16BE
        case "windows1252", "cp1252", "win1252": self = .windows1252
        case "latin1", "l1", "iso88591", "iso885911987": self = .latin1
        default: return nil
        }
    }

    /// Whether bytes in this encoding are already UTF-8 and can skip the transcoder entirely.
    package var isUTF8: Bool { self == .utf8 }
    /// Whether the input is UTF-16 (either byte order).
    package var isUTF16: Bool { self == .utf16LE || self == .utf16BE }

    /// The size in bytes of one code unit: 2 for UTF-16, 1 otherwise.
    package var codeUnitSize: Int {
        switch self {
        case .utf16LE, .utf16BE: 2
        case .utf8, .windows1252, .latin1: 1
        }
    }
}
