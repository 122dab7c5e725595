/// Makes text from the data or the definition safe to place anywhere in a Markdown report.
///
/// Every label, option, group name, field name, id and piece of template text goes through
/// `escape(_:)`, so a hostile value can neither break a table (`|`, line breaks), add
/// emphasis or links (`*`, `_`, `[`, backtick), nor inject HTML (`<`, `&`). Backslash escapes
/// work in every context the report uses (paragraphs, list items, headings, table cells; never
/// code spans), and `<`, `>` and `&` become entities so no renderer can see a tag.
///
/// Text that starts a line (a quoted answer, a list item's label) goes through
/// `escapeLineStart(_:)`, which also escapes what would open a block there: a leading `-`, `+`
/// or `=` (bullet, thematic break, setext underline), the `.` or `)` after leading digits (`1.`
/// would number a list), and leading white space (four spaces make a code block) as a character
/// reference. (`#`, `*`, `_`, backtick, `~` and `>` are escaped wherever they are.)
enum MarkdownEscaping {
    /// `text` escaped for Markdown, on one line.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for scalar in text.unicodeScalars {
            defer { previousWasCR = scalar == "\r" }
            switch scalar {
            case "\n" where previousWasCR:
                continue  // CRLF is one line break: already a space
            case "\r", "\n", "\u{0B}", "\u{0C}", "\u{85}", "\u{2028}", "\u{2029}":
                out += " "
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\\", "|", "`", "*", "_", "[", "]", "#", "~", "!":
                out += "\\"
                out.unicodeScalars.append(scalar)
            default:
                // Other control characters (NUL, ESC…) carry no meaning in a report; a space
                // keeps word boundaries.
                if scalar.value < 0x20 && scalar != "\t" || scalar.value == 0x7F {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    /// `text` escaped as `escape(_:)` does, for the start of a line (a quote, a list item).
    static func escapeLineStart(_ text: String) -> String { escapingBlockStart(escape(text)) }

    /// `line` (already escaped) with a backslash or a character reference where its start would
    /// open a block.
    static func escapingBlockStart(_ line: String) -> String {
        guard let first = line.unicodeScalars.first else { return line }
        switch first {
        case "-", "+", "=": return "\\" + line
        case " ", "\t":
            let rest = String(String.UnicodeScalarView(line.unicodeScalars.dropFirst()))
            return (first == " " ? "&#32;" : "&#9;") + rest
        case "0"..."9":
            // An ordered-list marker is 1–9 digits then `.` or `)`.
            let digits = line.unicodeScalars.prefix { ("0"..."9").contains($0) }
            let rest = line.unicodeScalars.dropFirst(digits.count)
            guard digits.count <= 9, let marker = rest.first, marker == "." || marker == ")" else { return line }
            return String(String.UnicodeScalarView(digits)) + "\\" + String(String.UnicodeScalarView(rest))
        default: return line
        }
    }
}
