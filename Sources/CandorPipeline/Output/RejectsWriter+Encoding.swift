extension RejectsWriter {
    /// One CSV row: each cell neutralised and quoted as needed, comma-separated, CRLF-terminated.
    static func row(_ cells: [String]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(",") }
            line.append(csvCell(cell))
        }
        line.append("\r\n")
        return line
    }

    /// A cell as it appears in the file: formula-neutralised first, then quoted if needed.
    ///
    /// The quote prefix goes inside the CSV quotes, so a reader gets `'=1+1` back as the value.
    static func csvCell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, formulaTriggers.contains(first) {
            text = "'" + text
        }
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        // Compare by unicode scalar: as Characters, "\r\n" is one grapheme and would be missed.
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        quoted.append("\"")
        return quoted
    }

    /// First characters a spreadsheet may treat as the start of a formula (OWASP CSV injection).
    static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    /// Strings as one compact JSON array, e.g. `["a","b \"c\""]` (RFC 8259).
    ///
    /// Only what JSON requires is escaped: `"`, `\` and control characters below U+0020 (as
    /// `\n`, `\r`, `\t`, `\b`, `\f` or `\u00XX`); everything else, non-ASCII included, is kept
    /// as UTF-8 so a person can read the cell. This matches Python's
    /// `json.dumps(fields, ensure_ascii=False, separators=(",", ":"))`.
    static func jsonArray(_ strings: [String]) -> String {
        var json = "["
        for (index, string) in strings.enumerated() {
            if index > 0 { json.append(",") }
            json.append("\"")
            for scalar in string.unicodeScalars {
                switch scalar {
                case "\"": json.append("\\\"")
                case "\\": json.append("\\\\")
                case "\n": json.append("\\n")
                case "\r": json.append("\\r")
                case "\t": json.append("\\t")
                case "\u{08}": json.append("\\b")
                case "\u{0C}": json.append("\\f")
                case let control where control.value < 0x20:
                    let hex = String(control.value, radix: 16)
                    json.append("\\u" + String(repeating: "0", count: 4 - hex.count) + hex)
                default:
                    json.unicodeScalars.append(scalar)
                }
            }
            json.append("\"")
        }
        json.append("]")
        return json
    }
}
