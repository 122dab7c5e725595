import CandorAggregate
import CandorClean

/// What resolving a definition needs to remember between sections: the file and the scales.
struct ResolutionContext {
    let file: String
    var scales: [String: LikertScale] = [:]

    init(file: String) { self.file = file }

    static let fieldKeys = [
        "name", "type", "label", "column", "column_id", "required", "on_invalid", "values", "aliases", "closed",
        "scale",
        "reverse", "options", "none_option", "separator", "columns", "encoding", "min", "max", "true_values",
        "false_values", "formats",
    ]
    static let types = ["id", "category", "likert", "multiselect", "integer", "number", "boolean", "timestamp", "text"]

    mutating func loadScales(_ node: DefinitionNode?) throws(DefinitionError) {
        guard let node else { return }
        for (name, scaleNode) in try node.entries() {
            scales[name] = try scale(named: name, scaleNode)
        }
    }

    func scale(named name: String, _ node: DefinitionNode) throws(DefinitionError) -> LikertScale {
        let keys = try node.keyed(allowed: ["labels", "values", "non_answers", "favourable", "unfavourable"])
        guard let labelsNode = keys["labels"] else { throw node.error("scale '\(name)' needs 'labels'") }
        let labels = try labelsNode.strings()
        var seen: [String: Int] = [:]
        for (index, label) in labels.enumerated() {
            let folded = label.lowercased()
            if let first = seen[folded] {
                throw labelsNode.error(
                    "scale '\(name)' has the label '\(label)' twice (points \(first + 1) and \(index + 1)); each point needs its own label"
                )
            }
            seen[folded] = index
        }
        let points = try keys["values"]?.strings().map { text throws(DefinitionError) -> Int in
            guard let value = Int(text) else {
                throw keys["values"]!.error("scale '\(name)' values must be whole numbers")
            }
            return value
        }
        if let points, points.count != labels.count {
            throw keys["values"]!.error("scale '\(name)' has \(labels.count) labels but \(points.count) values")
        }
        guard [2, 3, 4, 5, 6, 7, 10, 11].contains(labels.count) || points != nil else {
            throw labelsNode.error("scale '\(name)' has \(labels.count) labels; give 4, 5 or 7 (or list 'values')")
        }
        func pointSet(_ key: String) throws(DefinitionError) -> Set<Int>? {
            guard let node = keys[key] else { return nil }
            let values = try node.strings().compactMap(Int.init)
            let valid = Set(points ?? Array(1...labels.count))
            guard !values.isEmpty, values.allSatisfy(valid.contains) else {
                throw node.error("scale '\(name)' \(key) must list points of the scale")
            }
            return Set(values)
        }
        return LikertScale(
            name: name, points: points, labels: labels, nonAnswers: try keys["non_answers"]?.strings() ?? [],
            favourable: try pointSet("favourable"), unfavourable: try pointSet("unfavourable"))
    }

    func loadFields(_ node: DefinitionNode) throws(DefinitionError) -> SurveySchema {
        var fields: [FieldSpec] = []
        for fieldNode in try node.sequence() {
            let keys = try fieldNode.keyed(allowed: Self.fieldKeys)
            guard let name = try keys["name"]?.string(), !name.isEmpty else {
                throw fieldNode.error("every field needs a 'name'")
            }
            if fields.contains(where: { $0.name == name }) {
                throw fieldNode.error("the field name '\(name)' is used twice")
            }
            guard let typeNode = keys["type"] else {
                throw fieldNode.error("field '\(name)' needs a 'type' (\(Self.types.joined(separator: ", ")))")
            }
            let kind = try fieldKind(try typeNode.string(), keys: keys, field: name, at: typeNode)
            let source = ColumnSource(header: try keys["column"]?.string(), columnID: try keys["column_id"]?.string())
            let isColumnBased: Bool
            if case .multiselect(let spec) = kind, spec.encoding.isColumnBased {
                isColumnBased = true
            } else {
                isColumnBased = false
            }
            if source.header == nil && source.columnID == nil && !isColumnBased {
                throw fieldNode.error("field '\(name)' needs a 'column' (the header text) or a 'column_id'")
            }
            var policy = InvalidPolicy.reject
            if let policyNode = keys["on_invalid"] {
                guard let parsed = InvalidPolicy(rawValue: try policyNode.string()) else {
                    throw policyNode.error(
                        "on_invalid must be reject, missing or fail, not '\(try policyNode.string())'")
                }
                policy = parsed
            }
            fields.append(
                FieldSpec(
                    name: name, source: source, kind: kind, onInvalid: policy,
                    required: try keys["required"]?.bool() ?? false, label: try keys["label"]?.string()))
        }
        guard !fields.isEmpty else { throw node.error("fields is empty; declare at least one field") }
        return SurveySchema(fields: fields)
    }

    private func fieldKind(_ type: String, keys: [String: DefinitionNode], field: String, at node: DefinitionNode)
        throws(DefinitionError) -> FieldKind
    {
        let allowedByType: [String: [String]] = [
            "id": [], "text": [], "category": ["values", "aliases", "closed"], "likert": ["scale", "reverse"],
            "multiselect": ["options", "none_option", "separator", "columns", "encoding"],
            "integer": ["min", "max"], "number": ["min", "max"], "boolean": ["true_values", "false_values"],
            "timestamp": ["formats"],
        ]
        guard let typeKeys = allowedByType[type] else {
            throw node.error(
                "unknown type '\(type)' for field '\(field)'; use one of \(Self.types.joined(separator: ", "))")
        }
        let common: Set = ["name", "type", "label", "column", "column_id", "required", "on_invalid"]
        // In the allowed keys' order, so that the same file always gives the same message.
        for key in Self.fieldKeys where !common.contains(key) && !typeKeys.contains(key) {
            guard let value = keys[key] else { continue }
            let article = "aeiou".contains(type.prefix(1)) ? "an" : "a"
            throw value.error("'\(key)' does not apply to \(article) \(type) field ('\(field)')")
        }
        switch type {
        case "id": return .id
        case "text": return .text
        case "category":
            let values = try keys["values"]?.strings() ?? []
            var aliases: [String: String] = [:]
            if let aliasNode = keys["aliases"] {
                for (alias, target) in try aliasNode.entries() {
                    let targetText = try target.string()
                    guard values.contains(where: { $0.lowercased() == targetText.lowercased() }) else {
                        throw target.error(
                            "alias '\(alias)' of field '\(field)' points to '\(targetText)', which is not among its values"
                        )
                    }
                    aliases[alias] = targetText
                }
            }
            let closed = try keys["closed"]?.bool() ?? false
            if closed && values.isEmpty { throw node.error("field '\(field)' is closed but lists no values") }
            return .category(CategorySpec(values: values, aliases: aliases, closed: closed))
        case "likert":
            guard let scaleNode = keys["scale"] else { throw node.error("likert field '\(field)' needs a 'scale'") }
            let scale: LikertScale
            if case .mapping = scaleNode.node {
                scale = try self.scale(named: field, scaleNode)
            } else {
                let scaleName = try scaleNode.string()
                guard let named = scales[scaleName] else {
                    throw scaleNode.error(
                        "field '\(field)' uses scale '\(scaleName)', which 'scales' does not declare (declared: \(scales.keys.sorted().joined(separator: ", ")))"
                    )
                }
                scale = named
            }
            return .likert(scale, reverse: try keys["reverse"]?.bool() ?? false)
        case "multiselect":
            return .multiselect(try multiselect(keys: keys, field: field, at: node))
        case "integer":
            return .integer(
                min: Int64(try keys["min"]?.int() ?? Int(Int32.min)),
                max: Int64(try keys["max"]?.int() ?? Int(Int32.max)))
        case "number":
            return .number(
                min: try keys["min"]?.double() ?? -Double.greatestFiniteMagnitude,
                max: try keys["max"]?.double() ?? Double.greatestFiniteMagnitude)
        case "boolean":
            let trueValues = try keys["true_values"]?.strings() ?? BooleanSpec.standard.trueValues
            let falseValues = try keys["false_values"]?.strings() ?? BooleanSpec.standard.falseValues
            return .boolean(BooleanSpec(trueValues: trueValues, falseValues: falseValues))
        default:
            // None written: each input's export format decides (FieldSpec.Kind.timestamp).
            let patterns = try keys["formats"]?.strings() ?? []
            var formats: [TimestampFormat] = []
            for pattern in patterns {
                do { formats.append(try TimestampFormat(pattern: pattern)) } catch {
                    throw (keys["formats"] ?? node).error("field '\(field)': \(error.description)")
                }
            }
            return .timestamp(formats: formats)
        }
    }

    private func multiselect(keys: [String: DefinitionNode], field: String, at node: DefinitionNode)
        throws(DefinitionError) -> MultiselectSpec
    {
        let noneOption = try keys["none_option"]?.string()
        var options = try keys["options"]?.strings() ?? []
        var encoding = MultiselectSpec.Encoding.joined(separator: try keys["separator"]?.string() ?? ";")
        if let columnsNode = keys["columns"] {
            let entries = try columnsNode.entries()
            if options.isEmpty { options = entries.map(\.key).filter { $0 != noneOption } }
            var byOption: [String: ColumnSource] = [:]
            for (option, column) in entries { byOption[option] = ColumnSource(header: try column.string()) }
            let all = options + (noneOption.map { [$0] } ?? [])
            let sources = try all.map { option throws(DefinitionError) -> ColumnSource in
                guard let source = byOption[option] else {
                    throw columnsNode.error("multiselect '\(field)' has no column for option '\(option)'")
                }
                return source
            }
            let binary = try keys["encoding"]?.string() == "binary"
            encoding = binary ? .binaryColumns(sources) : .columnPerOption(sources)
        } else if keys["encoding"] != nil {
            throw keys["encoding"]!.error("'encoding: binary' needs 'columns' (one 0/1 column per option)")
        }
        guard !options.isEmpty else {
            throw node.error("multiselect field '\(field)' has no options; list them under 'options'")
        }
        guard options.count + (noneOption == nil ? 0 : 1) <= 62 else {
            throw node.error("multiselect field '\(field)' has more than 62 options")
        }
        return MultiselectSpec(options: options, noneOption: noneOption, encoding: encoding)
    }

    func field(named name: String, at node: DefinitionNode, in schema: SurveySchema) throws(DefinitionError) -> Int {
        guard let index = schema.index(of: name) else {
            throw node.error(
                "'\(name)' is not a declared field (fields: \(schema.fields.map(\.name).joined(separator: ", ")))")
        }
        return index
    }

    func loadBlocks(_ node: DefinitionNode?, schema: SurveySchema) throws(DefinitionError) -> [SurveySchema.Block] {
        guard let node else { return [] }
        return try node.entries().map { entry throws(DefinitionError) -> SurveySchema.Block in
            // A block is its list of fields, or a mapping with `fields` and a `label` (its theme).
            var fieldsNode = entry.value
            var label: String?
            if case .mapping = entry.value.node {
                let keys = try entry.value.keyed(allowed: ["label", "fields"])
                guard let listed = keys["fields"] else {
                    throw entry.value.error("block '\(entry.key)' needs 'fields'")
                }
                fieldsNode = listed
                label = try keys["label"]?.string()
            }
            let members = try fieldsNode.sequence().map { item throws(DefinitionError) -> Int in
                let index = try field(named: try item.string(), at: item, in: schema)
                guard case .likert = schema.fields[index].kind else {
                    throw item.error(
                        "block '\(entry.key)' may only hold likert fields; '\(try item.string())' is not one")
                }
                return index
            }
            guard !members.isEmpty else { throw fieldsNode.error("block '\(entry.key)' is empty") }
            return SurveySchema.Block(name: entry.key, fields: members, label: label)
        }
    }

    /// The word `dedupe.by` takes for "records identical in every field" rather than an id field.
    static let allFields = "all_fields"

    /// Whether the dedupe rule is `by: all_fields` (rejecting records identical to an earlier one).
    func dedupesAllFields(_ node: DefinitionNode?) -> Bool {
        guard let node, let keys = try? node.keyed(allowed: ["by", "keep", "order_by"]) else { return false }
        return (try? keys["by"]?.string()) == Self.allFields
    }

    func loadDedupe(_ node: DefinitionNode?, schema: SurveySchema) throws(DefinitionError) -> SurveySchema.DedupeRule? {
        guard let node else { return nil }
        let keys = try node.keyed(allowed: ["by", "keep", "order_by"])
        guard let byNode = keys["by"] else { throw node.error("dedupe needs 'by' (the id field)") }
        if try byNode.string() == Self.allFields {
            // Identical rows are all the same response: which one is kept cannot matter.
            guard try keys["keep"]?.string() ?? "first" == "first", keys["order_by"] == nil else {
                throw (keys["keep"] ?? node).error(
                    "dedupe by: all_fields keeps the first of identical rows; it takes no 'keep: latest' or 'order_by'")
            }
            return nil
        }
        let idField = try field(named: try byNode.string(), at: byNode, in: schema)
        guard case .id = schema.fields[idField].kind else {
            throw byNode.error("dedupe.by must name a field of type id")
        }
        switch try keys["keep"]?.string() ?? "first" {
        case "first": return .init(field: idField, keep: .first)
        case "latest":
            guard let orderNode = keys["order_by"] else {
                throw node.error("dedupe keep: latest needs 'order_by' (a timestamp field)")
            }
            let order = try field(named: try orderNode.string(), at: orderNode, in: schema)
            guard case .timestamp = schema.fields[order].kind else {
                throw orderNode.error("dedupe.order_by must name a timestamp field")
            }
            return .init(field: idField, keep: .latest(orderBy: order))
        default: throw (keys["keep"] ?? node).error("dedupe.keep must be first or latest")
        }
    }

    func segmentField(_ node: DefinitionNode, schema: SurveySchema) throws(DefinitionError) -> Int {
        let index = try field(named: try node.string(), at: node, in: schema)
        switch schema.fields[index].kind {
        case .category, .boolean, .likert: return index
        default: throw node.error("segment '\(try node.string())' must be a category, boolean or likert field")
        }
    }
}
