import CandorReport

extension DefinitionNode {
    /// The node as a headline template, refused when it names a placeholder that does not exist
    /// for a metric whose kind names its figure `kindPlaceholder` (such as `mean`).
    ///
    /// - Throws: `DefinitionError` naming the unknown placeholders and listing the allowed ones
    ///   (from `Headline.placeholders`, so the message follows the renderer).
    func headlineTemplate(kindPlaceholder: String?) throws(DefinitionError) -> String {
        let template = try string()
        let unknown = Headline.unknownPlaceholders(in: template, kindPlaceholder: kindPlaceholder)
        guard unknown.isEmpty else {
            let noun = unknown.count == 1 ? "placeholder" : "placeholders"
            throw error(
                "unknown headline \(noun) \(unknown.joined(separator: ", ")) (placeholders: \(Headline.placeholders(kindPlaceholder: kindPlaceholder).joined(separator: ", ")))"
            )
        }
        return template
    }
}
