import CandorCore

extension RejectsWriter {
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
