/// Hands out folder names for groups' reports: one path component, whatever the label holds.
///
/// Labels come from the survey data, so a label may be `../x`, contain `/`, be empty or differ
/// from another only by case (one folder on macOS and Windows). A name keeps letters, digits,
/// spaces and `-_.,()&+'`; anything else (path separators, control characters, `:`…) becomes
/// `_`; a name that would be empty, start with `.` or be over 100 bytes is fixed; clashes,
/// compared without case, get `-2`, `-3`…
struct GroupDirectoryNames {
    private var taken: Set<String> = []
    private static let longest = 100

    /// A safe, unused folder name for `label`.
    mutating func claim(_ label: String) -> String {
        let kept: Set<Character> = [" ", "-", "_", ".", ",", "(", ")", "&", "+", "'"]
        var base = String(label.map { $0.isLetter || $0.isNumber || kept.contains($0) ? $0 : "_" })
        base = base.trimmingSpaces
        if base.hasPrefix(".") { base = "_" + base.dropFirst() }
        if base.isEmpty { base = "_" }
        base = Self.truncated(base, bytes: Self.longest)
        var candidate = base
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = "-\(number)"
            candidate = Self.truncated(base, bytes: Self.longest - suffix.utf8.count) + suffix
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }

    /// `text` cut to at most `bytes` UTF-8 bytes, at a character boundary.
    private static func truncated(_ text: String, bytes: Int) -> String {
        var result = ""
        for character in text {
            guard result.utf8.count + character.utf8.count <= bytes else { break }
            result.append(character)
        }
        return result
    }
}

extension String {
    /// The string without leading and trailing spaces (folder names ending in a space confuse Windows).
    fileprivate var trimmingSpaces: String {
        var text = Substring(self)
        while text.first == " " { text = text.dropFirst() }
        while text.last == " " { text = text.dropLast() }
        return String(text)
    }
}
