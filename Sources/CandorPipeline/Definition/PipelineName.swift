/// The rules for a pipeline's `name`, which becomes file names in the output folder
/// (`NAME.md`, `NAME.json`, `NAME.rejects.csv`) and the default folder `reports/NAME`.
///
/// A name is one or more of `A–Z a–z 0–9 . _ -`, not starting with a dot: no `/` or `..` can
/// lead the reports out of the output folder, and no name hides its files or collides with
/// candor's own dot files (`.candor.lock`, temporary files).
enum PipelineName {
    /// Whether `name` may be used as a pipeline name.
    static func isValid(_ name: String) -> Bool {
        guard let first = name.unicodeScalars.first, first != "." else { return false }
        return name.unicodeScalars.allSatisfy(isAllowed)
    }

    /// A valid name close to `name`: every run of other characters becomes one `-`, and leading
    /// dots and dashes and trailing dashes go (`../../victim/owned` → `victim-owned`).
    static func suggestion(for name: String) -> String {
        var result = ""
        for scalar in name.unicodeScalars {
            if isAllowed(scalar) {
                result.unicodeScalars.append(scalar)
            } else if !result.hasSuffix("-") {
                result += "-"
            }
        }
        let trimmed = result.drop { $0 == "." || $0 == "-" }
        let suggestion = String(trimmed.reversed().drop { $0 == "-" }.reversed())
        return suggestion.isEmpty ? "pipeline" : suggestion
    }

    /// The node's text, checked.
    ///
    /// - Throws: `DefinitionError` at the value, with the rule and a suggested name.
    static func checked(_ node: DefinitionNode) throws(DefinitionError) -> String {
        let name = try node.string()
        guard isValid(name) else {
            throw node.error(
                "name '\(name)' cannot be used: it names the report files, so it may hold only letters, digits, '.', '_' and '-' and must not start with a dot; did you mean '\(suggestion(for: name))'?"
            )
        }
        return name
    }

    private static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar {
        case "A"..."Z", "a"..."z", "0"..."9", ".", "_", "-": true
        default: false
        }
    }
}
