import CandorAggregate
import CandorClean

extension ResolutionContext {
    static let metricKeys = [
        "id", "kind", "label", "where", "among", "field", "block", "items", "engaged_at", "disengaged_below",
        "minimum_items", "engaged_display_n", "all_classes_display_n", "score", "group", "outcome",
    ]

    func loadMetrics(_ node: DefinitionNode?, schema: inout SurveySchema) throws(DefinitionError) -> [MetricSpec] {
        guard let node else { return [] }
        var metrics: [MetricSpec] = []
        for entry in try node.sequence() {
            let keys = try entry.keyed(allowed: Self.metricKeys)
            guard let id = try keys["id"]?.string() else { throw entry.error("every metric needs an 'id'") }
            if metrics.contains(where: { $0.id == id }) { throw entry.error("the metric id '\(id)' is used twice") }
            guard let kindNode = keys["kind"] else { throw entry.error("metric '\(id)' needs a 'kind'") }
            let kind = try metricKind(try kindNode.string(), keys: keys, id: id, at: kindNode, schema: &schema)
            metrics.append(MetricSpec(id: id, label: try keys["label"]?.string() ?? id, kind: kind))
        }
        return metrics
    }

    private func metricKind(
        _ kind: String, keys: [String: DefinitionNode], id: String, at node: DefinitionNode, schema: inout SurveySchema
    ) throws(DefinitionError) -> MetricKind {
        func required(_ key: String) throws(DefinitionError) -> DefinitionNode {
            guard let value = keys[key] else { throw node.error("metric '\(id)' (\(kind)) needs '\(key)'") }
            return value
        }
        func fieldIndex(_ key: String) throws(DefinitionError) -> Int {
            let value = try required(key)
            return try field(named: try value.string(), at: value, in: schema)
        }
        switch kind {
        case "share":
            let condition = try required("where")
            let among = try keys["among"].map { value throws(DefinitionError) in try predicate(value, schema: &schema) }
            return .share(
                where: try predicate(condition, schema: &schema), among: among,
                definition: describe(condition)
                    + (keys["among"].map { " among respondents where " + describe($0) } ?? ""))
        case "multiselect":
            let index = try fieldIndex("field")
            guard case .multiselect = schema.fields[index].kind else {
                throw keys["field"]!.error("metric '\(id)' needs a multiselect field")
            }
            return .multiselect(field: index)
        case "likert":
            if let blockNode = keys["block"] {
                let block = try self.block(blockNode, schema: schema)
                return .likert(items: block.fields, blockName: block.name)
            }
            let items = try required("items").sequence().map { item throws(DefinitionError) in
                try likertField(item, schema: schema)
            }
            return .likert(items: items, blockName: nil)
        case "nps":
            let index = try fieldIndex("field")
            guard case .integer(let minimum, let maximum) = schema.fields[index].kind, minimum >= 0, maximum <= 10
            else {
                throw keys["field"]!.error("an nps metric needs an integer field with min 0 and max 10")
            }
            return .nps(field: index)
        case "engagement_index":
            let block = try self.block(try required("block"), schema: schema)
            let engagedAt = try keys["engaged_at"]?.double() ?? 4.0
            let disengagedBelow = try keys["disengaged_below"]?.double() ?? 2.5
            guard disengagedBelow <= engagedAt else { throw node.error("disengaged_below must not exceed engaged_at") }
            return .engagementIndex(
                items: block.fields, name: block.name, engagedAt: engagedAt, disengagedBelow: disengagedBelow,
                minimumItems: try keys["minimum_items"]?.int() ?? block.fields.count,
                engagedDisplayN: try keys["engaged_display_n"]?.int() ?? 30,
                allClassesDisplayN: try keys["all_classes_display_n"]?.int() ?? 100)
        case "variance_share":
            let group = try fieldIndex("group")
            guard case .category = schema.fields[group].kind else {
                throw keys["group"]!.error("variance_share's group must be a category field")
            }
            return .varianceShare(score: try score(try required("score"), schema: schema), group: group)
        case "drivers":
            let outcome = try score(try required("outcome"), schema: schema)
            let items: [Int]
            if let itemsNode = keys["items"] {
                items = try itemsNode.sequence().map { item throws(DefinitionError) in
                    try likertField(item, schema: schema)
                }
            } else if let blockNode = keys["block"] {
                items = try self.block(blockNode, schema: schema).fields
            } else {
                throw node.error("metric '\(id)' (drivers) needs 'items' or 'block'")
            }
            return .drivers(outcome: outcome, items: items)
        default:
            throw node.error(
                "unknown metric kind '\(kind)'; use share, multiselect, likert, nps, engagement_index, variance_share or drivers"
            )
        }
    }

    private func block(_ node: DefinitionNode, schema: SurveySchema) throws(DefinitionError) -> SurveySchema.Block {
        let name = try node.string()
        guard let block = schema.blocks.first(where: { $0.name == name }) else {
            throw node.error(
                "'\(name)' is not a declared block (blocks: \(schema.blocks.map(\.name).joined(separator: ", ")))")
        }
        return block
    }

    private func likertField(_ node: DefinitionNode, schema: SurveySchema) throws(DefinitionError) -> Int {
        let index = try field(named: try node.string(), at: node, in: schema)
        guard case .likert = schema.fields[index].kind else {
            throw node.error("'\(try node.string())' is not a likert field")
        }
        return index
    }

    private func score(_ node: DefinitionNode, schema: SurveySchema) throws(DefinitionError) -> Score {
        let keys = try node.keyed(allowed: ["block", "field"])
        if let blockNode = keys["block"] {
            let block = try self.block(blockNode, schema: schema)
            return .meanOf(items: block.fields, name: block.name)
        }
        guard let fieldNode = keys["field"] else { throw node.error("a score needs 'block' or 'field'") }
        let index = try field(named: try fieldNode.string(), at: fieldNode, in: schema)
        switch schema.fields[index].kind {
        case .integer, .likert, .number: return .field(index)
        default: throw fieldNode.error("a score field must be integer, number or likert")
        }
    }

    /// A condition in words, for the report's definitions.
    func describe(_ node: DefinitionNode) -> String {
        guard let keys = try? node.keyed(allowed: Self.predicateKeys) else { return "?" }
        if let parts = keys["all"] ?? keys["any"], let list = try? parts.sequence() {
            return "(" + list.map(describe).joined(separator: keys["all"] != nil ? " and " : " or ") + ")"
        }
        if let inner = keys["not"] { return "not " + describe(inner) }
        let field = (try? keys["field"]?.string()) ?? "?"
        guard let (test, value) = keys.first(where: { $0.key != "field" }) else { return field }
        let shown = ((try? value.strings()) ?? []).joined(separator: ", ")
        switch test {
        case "equals": return "\(field) = \(shown)"
        case "in": return "\(field) is one of \(shown)"
        case "any_of": return "\(field) includes any of \(shown)"
        case "none_of": return "\(field) includes none of \(shown)"
        case "answered": return shown == "true" ? "\(field) is answered" : "\(field) is not answered"
        default: return "\(field) \(test.replacingOccurrences(of: "_", with: " ")) \(shown)"
        }
    }

    func loadHeadlines(_ node: DefinitionNode?, metrics: [MetricSpec]) throws(DefinitionError) -> [HeadlineSpec] {
        guard let node else { return metrics.prefix(3).map { .metric(id: $0.id, template: nil) } }
        return try node.sequence().map { entry throws(DefinitionError) -> HeadlineSpec in
            let keys = try entry.keyed(allowed: ["metric", "template", "outside_estimate", "source"])
            if let text = keys["outside_estimate"] {
                guard let source = keys["source"] else { throw entry.error("an outside estimate needs its 'source'") }
                return .outsideEstimate(text: try text.string(), source: try source.string())
            }
            guard let metricNode = keys["metric"] else {
                throw entry.error("a headline needs 'metric' (or 'outside_estimate' with 'source')")
            }
            let id = try metricNode.string()
            guard metrics.contains(where: { $0.id == id }) else {
                throw metricNode.error(
                    "headline refers to metric '\(id)', which is not declared (metrics: \(metrics.map(\.id).joined(separator: ", ")))"
                )
            }
            return .metric(id: id, template: try keys["template"]?.string())
        }
    }
}
