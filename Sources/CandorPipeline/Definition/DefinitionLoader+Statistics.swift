import CandorAggregate

extension DefinitionLoader {
    /// The `statistics` section: how each segment table's p-values are adjusted for the number
    /// of groups it tests (`adjust`: `benjamini_hochberg`, the default, `holm` or `none`).
    static func adjustment(_ node: DefinitionNode?) throws(DefinitionError) -> PValueAdjustment {
        guard let adjust = try node?.keyed(allowed: ["adjust"])["adjust"] else { return .benjaminiHochberg }
        let text = try adjust.string()
        guard let method = PValueAdjustment(rawValue: text) else {
            let names = PValueAdjustment.allCases.map(\.rawValue).joined(separator: ", ")
            throw adjust.error("statistics.adjust must be one of \(names), not '\(text)'")
        }
        return method
    }
}
