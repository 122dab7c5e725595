/// Writes text as YAML scalars that read back exactly: every value double-quoted, with the
/// escapes YAML 1.1 and 1.2 both define, so commas, colons, `#`, quotes, leading spaces,
/// line breaks and words like `yes` or `null` all stay plain text.
package enum YAMLScalar {
    /// `text` as a double-quoted YAML scalar.
    package static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case "\u{85}": result += "\\N"
            case "\u{2028}": result += "\\L"
            case "\u{2029}": result += "\\P"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F || scalar == "\u{FEFF}" {
                    let hex = String(scalar.value, radix: 16, uppercase: true)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }

    /// A flow sequence of quoted scalars: `["a", "b, c"]`.
    package static func list(_ items: [String]) -> String {
        "[" + items.map(quoted).joined(separator: ", ") + "]"
    }

    /// A comment's text on one line (line breaks would end the comment early).
    package static func comment(_ text: String) -> String {
        String(text.map { $0.isNewline ? " " : $0 })
    }
}

extension YAMLScalar {
    /// Words YAML 1.1 reads as booleans or null when unquoted.
    private static let reserved: Set<String> = ["y", "n", "yes", "no", "on", "off", "true", "false", "null"]

    /// A name (`department`, `q9_1`) as it is, or quoted when YAML would read it as anything
    /// but that text.
    package static func name(_ text: String) -> String {
        let isPlain =
            text.unicodeScalars.first.map { ("a"..."z").contains($0) } ?? false
            && text.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
            && !reserved.contains(text)
        return isPlain ? text : quoted(text)
    }
}
