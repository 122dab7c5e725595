/// Makes text from the data or the definition safe to place anywhere in a Markdown report.
///
/// Every label, option, group name, field name, id and piece of template text goes through
/// `escape(_:)`, so a hostile value can neither break a table (`|`, line breaks), add
/// emphasis or links (`*`, `_`, `[`, backtick), nor inject HTML (`<`, `&`). Backslash escapes
/// work in every context the report uses (paragraphs, list items, headings, table cells; never
/// code spans), and `<`, `>` and `&` become entities so no renderer can see a tag.
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
}
