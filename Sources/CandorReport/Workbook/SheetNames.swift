/// Hands out sheet names Excel accepts: at most 31 characters, none of `[ ] : * ? / \`, not
/// starting or ending with an apostrophe, and unique regardless of case.
struct SheetNames {
    private var taken: Set<String> = []

    /// A valid, unused name close to `wanted`; a clash gets ` (2)`, ` (3)`… within the length.
    mutating func claim(_ wanted: String) -> String {
        let forbidden: Set<Character> = ["[", "]", ":", "*", "?", "/", "\\"]
        var base = String(wanted.map { forbidden.contains($0) || $0.isNewline ? "_" : $0 })
        while base.hasPrefix("'") { base.removeFirst() }
        while base.hasSuffix("'") { base.removeLast() }
        if base.isEmpty { base = "Sheet" }
        var candidate = String(base.prefix(31))
        var number = 2
        while taken.contains(candidate.lowercased()) {
            let suffix = " (\(number))"
            candidate = String(base.prefix(31 - suffix.count)) + suffix
            number += 1
        }
        taken.insert(candidate.lowercased())
        return candidate
    }
}
