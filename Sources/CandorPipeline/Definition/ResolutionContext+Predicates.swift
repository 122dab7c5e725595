import CandorClean

extension ResolutionContext {
    static let predicateKeys = [
        "field", "equals", "in", "any_of", "none_of", "at_least", "at_most", "above", "below", "answered", "all", "any",
        "not",
    ]

    func loadFilters(_ node: DefinitionNode?, schema: inout SurveySchema) throws(DefinitionError) -> [SurveySchema
        .Filter]
    {
        guard let node else { return [] }
        return try node.sequence().map { entry throws(DefinitionError) -> SurveySchema.Filter in
            let keys = try entry.keyed(allowed: ["name", "where"])
            guard let name = try keys["name"]?.string() else {
                throw entry.error("every filter needs a 'name' (it is the exclusion reason)")
            }
            guard let condition = keys["where"] else { throw entry.error("filter '\(name)' needs 'where'") }
            return .init(name: name, predicate: try predicate(condition, schema: &schema))
        }
    }

    /// Resolves a `where:`/`among:` condition: field names to indexes, labels to stored codes.
    func predicate(_ node: DefinitionNode, schema: inout SurveySchema) throws(DefinitionError) -> Predicate {
        let keys = try node.keyed(allowed: Self.predicateKeys)
        if let parts = keys["all"] ?? keys["any"] {
            guard keys.count == 1 else { throw node.error("'all' and 'any' stand alone in a condition") }
            let resolved = try parts.sequence().map { part throws(DefinitionError) in
                try predicate(part, schema: &schema)
            }
            return keys["all"] != nil ? .all(resolved) : .any(resolved)
        }
        if let inner = keys["not"] {
            guard keys.count == 1 else { throw node.error("'not' stands alone in a condition") }
            return .not(try predicate(inner, schema: &schema))
        }
        guard let fieldNode = keys["field"] else { throw node.error("a condition needs 'field' (or all/any/not)") }
        let index = try field(named: try fieldNode.string(), at: fieldNode, in: schema)
        let tests = keys.filter { $0.key != "field" }
        guard tests.count == 1, let (test, valueNode) = tests.first else {
            throw node.error(
                "a condition on '\(try fieldNode.string())' needs exactly one of equals, in, any_of, none_of, at_least, at_most, above, below, answered"
            )
        }
        switch test {
        case "equals": return .oneOf(field: index, values: [try code(valueNode, field: index, schema: &schema)])
        case "in":
            return .oneOf(
                field: index,
                values: try valueNode.sequence().map { item throws(DefinitionError) in
                    try code(item, field: index, schema: &schema)
                })
        case "any_of", "none_of":
            guard case .multiselect(let spec) = schema.fields[index].kind else {
                throw valueNode.error(
                    "\(test) applies to multiselect fields; '\(schema.fields[index].name)' is a \(schema.fields[index].kind.typeName)"
                )
            }
            var mask: Int64 = 0
            for option in try valueNode.strings() {
                guard let bit = spec.allOptions.firstIndex(where: { $0.lowercased() == option.lowercased() }) else {
                    throw valueNode.error(
                        "'\(option)' is not an option of '\(schema.fields[index].name)' (options: \(spec.allOptions.joined(separator: "; ")))"
                    )
                }
                mask |= Int64(1) << Int64(bit)
            }
            return test == "any_of" ? .anyOf(field: index, mask: mask) : .noneOf(field: index, mask: mask)
        case "answered": return .answered(field: index, isAnswered: try valueNode.bool())
        default:
            var comparison = Predicate.Comparison(rawValue: test)!
            switch schema.fields[index].kind {
            case .likert(_, reverse: true):
                // The stored point falls as the answer rises (`code`): at_least 4 answered is at
                // most the stored value of 4.
                comparison = comparison.mirrored
            case .integer, .likert, .timestamp: break
            default: throw valueNode.error("\(test) applies to integer, likert and timestamp fields")
            }
            return .compare(
                field: index, comparison: comparison, value: Double(try code(valueNode, field: index, schema: &schema)))
        }
    }

    /// The stored value of a condition's literal for field `index`.
    private func code(_ node: DefinitionNode, field index: Int, schema: inout SurveySchema) throws(DefinitionError)
        -> Int64
    {
        let text = try node.string()
        let spec = schema.fields[index]
        switch spec.kind {
        case .category(var category):
            if let position = category.values.firstIndex(where: { $0.lowercased() == text.lowercased() }) {
                return Int64(position)
            }
            if let target = category.aliases.first(where: { $0.key.lowercased() == text.lowercased() })?.value,
                let position = category.values.firstIndex(where: { $0.lowercased() == target.lowercased() })
            {
                return Int64(position)
            }
            guard !category.closed else {
                throw node.error(
                    "'\(text)' is not a value of '\(spec.name)' (values: \(category.values.joined(separator: ", ")))")
            }
            // An open set: declaring the value here gives it a fixed code before data arrives.
            category.values.append(text)
            schema.fields[index].kind = .category(category)
            return Int64(category.values.count - 1)
        case .likert(let scale, let reversed):
            // A condition names the answer given; a reverse-coded item stores it as min + max − answer.
            let stored = { (point: Int) in Int64(reversed ? scale.minimum + scale.maximum - point : point) }
            if let point = Int(text), scale.points.contains(point) { return stored(point) }
            if let position = scale.labels.firstIndex(where: { $0.lowercased() == text.lowercased() }) {
                return stored(scale.points[position])
            }
            throw node.error("'\(text)' is not a point or label of scale '\(scale.name)'")
        case .boolean(let boolean):
            if boolean.trueValues.contains(where: { $0.lowercased() == text.lowercased() }) { return 1 }
            if boolean.falseValues.contains(where: { $0.lowercased() == text.lowercased() }) { return 0 }
            throw node.error(
                "'\(text)' is not a yes/no value of '\(spec.name)' (\((boolean.trueValues + boolean.falseValues).joined(separator: ", ")))"
            )
        case .integer:
            guard let value = Int64(text) else { throw node.error("'\(text)' is not a whole number") }
            return value
        case .timestamp(let declared):
            // Written before any input is read, so any export's format will do.
            let formats = declared.isEmpty ? TimestampFormat.impliedByAnyExport : declared
            let parsed =
                text.utf8.withContiguousStorageIfAvailable { bytes in
                    formats.lazy.compactMap { $0.parse(UnsafeRawBufferPointer(bytes)) }.first
                } ?? nil
            guard let seconds = parsed else {
                throw node.error("'\(text)' does not match the formats of '\(spec.name)'")
            }
            return seconds
        default:
            throw node.error("conditions on \(spec.kind.typeName) fields are not supported")
        }
    }
}
