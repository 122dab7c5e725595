#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// Field names for a draft, made from export headers: lower-case ASCII words joined by `_`,
/// short, unique, and starting with a letter.
package enum FieldNaming {
    /// The words of `text`: split at anything not a letter or digit and between a lower-case
    /// letter and an upper-case one (`ResponseId` → response, id), lower-cased, accents folded.
    package static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = ""
        var previousWasLower = false
        let folded = text.folding(options: [.diacriticInsensitive], locale: nil)
        for scalar in folded.unicodeScalars {
            guard scalar.isASCII, scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) else {
                if !current.isEmpty { words.append(current) }
                current = ""
                previousWasLower = false
                continue
            }
            let isUpper = scalar.properties.isUppercase
            if isUpper && previousWasLower && !current.isEmpty {
                words.append(current)
                current = ""
            }
            current.unicodeScalars.append(scalar)
            previousWasLower = scalar.properties.isLowercase || ("0"..."9").contains(scalar)
        }
        if !current.isEmpty { words.append(current) }
        return words.map { $0.lowercased() }
    }

    /// Whether a header reads like a respondent id (`ResponseId`, `respondent_id`, `Respondent
    /// ID`, `_recordId`, `uuid`).
    package static func isIDLike(_ text: String) -> Bool {
        let words = words(text)
        guard let last = words.last else { return false }
        return ["id", "uuid", "guid"].contains(last) || words == ["respondent"] || words == ["responseid"]
    }

    /// Words a question carries that say nothing about its subject.
    private static let fillers: Set<String> = [
        "a", "an", "the", "of", "in", "on", "at", "to", "for", "from", "with", "and", "or", "by", "is", "are", "was",
        "were", "be", "do", "does", "did", "you", "your", "yours", "we", "our", "us", "i", "my", "me", "have", "has",
        "had", "ever", "which", "what", "how", "who", "whom", "when", "where", "why", "if", "this", "that", "these",
        "those", "please", "much", "many", "would", "will", "could", "should", "can", "work", "mainly", "select",
        "all", "apply",
    ]

    /// A short name for a column: its header when that is one token already (`Q9_1`,
    /// `respondent_id`, `StartDate`), else the first four telling words of the bracketed item
    /// of a grid question (`How much…? [I trust my manager]` → `trust_manager`) or of the
    /// question (`What is your role?` → `role`).
    package static func baseName(header: String) -> String {
        var words = words(header)
        if header.contains(where: { $0 == " " || $0 == "[" || $0 == "?" }) || header.count > 32 {
            var text = header.split(separator: "(").first.map(String.init) ?? header
            if let open = header.lastIndex(of: "["), let close = header.lastIndex(of: "]"), open < close {
                text = String(header[header.index(after: open)..<close])
            }
            let telling = Self.words(text).filter { !fillers.contains($0) }
            words = Array((telling.isEmpty ? Self.words(text) : telling).prefix(4))
        }
        var name = words.joined(separator: "_")
        if name.isEmpty { name = "column" }
        if let first = name.unicodeScalars.first, !first.properties.isAlphabetic { name = "q_" + name }
        return name
    }

    /// Names for `headers`, made unique by a `_2`, `_3`… suffix on repeats, in order.
    package static func uniqueNames(_ headers: [String]) -> [String] {
        var taken: Set<String> = []
        return headers.map { header in
            let base = baseName(header: header)
            var name = base
            var suffix = 2
            while taken.contains(name) {
                name = "\(base)_\(suffix)"
                suffix += 1
            }
            taken.insert(name)
            return name
        }
    }
}
