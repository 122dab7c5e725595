/// A JSON value whose numbers are already text, so writing it never depends on how
/// Foundation prints floating-point numbers.
indirect enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    /// A number, already formatted as JSON number text.
    case number(String)
    case string(String)
    case array([JSONValue])
    /// An object; written with its keys in UTF-8 byte order.
    case object([String: JSONValue])

    /// An integer.
    static func integer(_ value: Int) -> JSONValue { .number(String(value)) }

    /// `value` rounded to `places` decimals (trailing zeros dropped), or `null` when absent,
    /// not finite or out of range.
    static func decimal(_ value: Double?, places: Int) -> JSONValue {
        guard let value, let text = DecimalText.fixed(value, places: places, trimZeros: true) else { return .null }
        return .number(text)
    }

    /// A string, or `null` when absent.
    static func optional(_ value: String?) -> JSONValue {
        value.map(JSONValue.string) ?? .null
    }

    /// The value as pretty-printed JSON (two-space indent, `": "` between key and value),
    /// without a trailing newline.
    var text: String {
        var out = ""
        write(to: &out, indent: 0)
        return out
    }

    private func write(to out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let value): Self.writeString(value, to: &out)
        case .array(let values):
            guard !values.isEmpty else {
                out += "[]"
                return
            }
            out += "[\n"
            for (offset, value) in values.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                value.write(to: &out, indent: indent + 1)
                out += offset == values.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "]"
        case .object(let members):
            guard !members.isEmpty else {
                out += "{}"
                return
            }
            out += "{\n"
            let sorted = members.sortedByKeyBytes()
            for (offset, member) in sorted.enumerated() {
                out += String(repeating: "  ", count: indent + 1)
                Self.writeString(member.key, to: &out)
                out += ": "
                member.value.write(to: &out, indent: indent + 1)
                out += offset == sorted.count - 1 ? "\n" : ",\n"
            }
            out += String(repeating: "  ", count: indent) + "}"
        }
    }

    /// Writes a JSON string literal: quotes, backslashes and control characters escaped,
    /// everything else as UTF-8.
    private static func writeString(_ value: String, to out: inout String) {
        out += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
