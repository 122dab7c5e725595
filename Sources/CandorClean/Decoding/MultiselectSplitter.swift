import Foundation

/// Splits a joined multiselect cell into options, using the known options so that an option
/// whose own text contains the separator ("Credit taker, blame shifter" joined with ", ") still
/// reads as one option.
enum MultiselectSplitter {
    /// Decodes `text` into a bitmask over `options` (bit i = option i).
    ///
    /// At each position the longest option that matches (case-insensitively) and is followed by
    /// the separator or the end wins; anything else is an unknown option and the value is
    /// invalid. Spaces around options are ignored. A repeated option counts once.
    static func decode(_ text: String, options: [String], separator: String) -> DecodedValue {
        let trimmedSeparator = separator.trimmingCharacters(in: .whitespaces)
        let folded = options.map { $0.lowercased() }
        let byLength = folded.indices.sorted { folded[$0].count > folded[$1].count }
        var rest = Substring(text.lowercased())
        var original = Substring(text)
        var mask: Int64 = 0
        func skipSpaces() {
            while let first = rest.first, first == " " || first == "\t" {
                rest.removeFirst()
                original.removeFirst()
            }
        }
        skipSpaces()
        if rest.isEmpty { return .blank }
        while !rest.isEmpty {
            var matched = false
            for index in byLength where rest.hasPrefix(folded[index]) {
                var after = rest.dropFirst(folded[index].count)
                while let first = after.first, first == " " || first == "\t" { after.removeFirst() }
                let sep = trimmedSeparator.isEmpty ? separator : trimmedSeparator
                if after.isEmpty || after.hasPrefix(sep) {
                    mask |= Int64(1) << Int64(index)
                    let consumed = rest.count - after.count + (after.isEmpty ? 0 : sep.count)
                    rest = rest.dropFirst(consumed)
                    original = original.dropFirst(consumed)
                    matched = true
                    break
                }
            }
            if !matched {
                let sep = trimmedSeparator.isEmpty ? separator : trimmedSeparator
                let unknown = original.components(separatedBy: sep).first ?? String(original)
                return .invalid(
                    "'\(unknown.trimmingCharacters(in: .whitespaces))' is not one of the options (\(options.joined(separator: "; ")))"
                )
            }
            skipSpaces()
        }
        return .value(mask)
    }
}
