import CandorAggregate
import CandorClean
import CandorCore

extension ResolutionContext {
    /// Keys every metric has, whatever its kind.
    static let commonMetricKeys = ["id", "kind", "label"]

    /// Every key some metric kind takes: an entry's keys are checked against these first (so a
    /// misspelt key gets a "did you mean"), then against its own kind's.
    static let metricKeys = commonMetricKeys + MetricRegistry.allKeys

    func loadMetrics(_ node: DefinitionNode?, schema: inout SurveySchema) throws(DefinitionError) -> [MetricSpec] {
        guard let node else { return [] }
        var metrics: [MetricSpec] = []
        for entry in try node.sequence() {
            let keys = try entry.keyed(allowed: Self.metricKeys)
            guard let id = try keys["id"]?.string() else { throw entry.error("every metric needs an 'id'") }
            if metrics.contains(where: { $0.id == id }) { throw entry.error("the metric id '\(id)' is used twice") }
            guard let kindNode = keys["kind"] else { throw entry.error("metric '\(id)' needs a 'kind'") }
            let kind = try kindNode.string()
            try checkKeys(keys, ofKind: kind, id: id, at: kindNode)
            var arguments = MetricEntry(context: self, id: id, keys: keys, kindNode: kindNode, schema: schema)
            guard let resolved = try MetricRegistry.resolve(kind: kind, &arguments) else {
                throw kindNode.error("unknown metric kind '\(kind)'; use \(Self.kindList)")
            }
            schema = arguments.schema
            metrics.append(MetricSpec(id: id, label: try keys["label"]?.string() ?? id, kind: resolved))
        }
        return metrics
    }

    /// The kinds' names as a message lists them: "share, …, variance_share or drivers".
    static var kindList: String {
        let names = MetricRegistry.kinds.map { $0.name }
        return names.dropLast().joined(separator: ", ") + " or " + (names.last ?? "")
    }

    /// Checks that every key of a metric entry is one its kind takes.
    private func checkKeys(_ keys: [String: DefinitionNode], ofKind kind: String, id: String, at node: DefinitionNode)
        throws(DefinitionError)
    {
        guard MetricRegistry.kind(named: kind) != nil else {
            throw node.error("unknown metric kind '\(kind)'; use \(Self.kindList)")
        }
        let own = MetricRegistry.keys(ofKind: kind)
        // In the keys' documented order, so that the same file always gives the same message.
        for key in Self.metricKeys where !Self.commonMetricKeys.contains(key) && !own.contains(key) {
            guard let value = keys[key] else { continue }
            throw value.error(
                "'\(key)' does not apply to \(kind) metrics ('\(id)'); did you mean kind: "
                    + "\(MetricRegistry.kinds(taking: key).joined(separator: " or "))? (\(kind) metrics take: "
                    + "\(own.joined(separator: ", ")))")
        }
    }

    func block(_ node: DefinitionNode, schema: SurveySchema) throws(DefinitionError) -> SurveySchema.Block {
        let name = try node.string()
        guard let block = schema.blocks.first(where: { $0.name == name }) else {
            throw node.error(
                "'\(name)' is not a declared block (blocks: \(schema.blocks.map(\.name).joined(separator: ", ")))")
        }
        return block
    }

    func likertField(_ node: DefinitionNode, schema: SurveySchema) throws(DefinitionError) -> Int {
        let index = try field(named: try node.string(), at: node, in: schema)
        guard case .likert = schema.fields[index].kind else {
            throw node.error("'\(try node.string())' is not a likert field")
        }
        return index
    }

    /// The score `node` describes; `allowsBoolean` admits a yes/no field, read as 1 = yes, 0 = no
    /// (a correlation with it is point-biserial; a variance share of it would mean little).
    func score(_ node: DefinitionNode, schema: SurveySchema, allowsBoolean: Bool = false) throws(DefinitionError)
        -> Score
    {
        let keys = try node.keyed(allowed: ["block", "field"])
        if let blockNode = keys["block"] {
            let block = try self.block(blockNode, schema: schema)
            return .meanOf(items: block.fields, name: block.name)
        }
        guard let fieldNode = keys["field"] else { throw node.error("a score needs 'block' or 'field'") }
        let name = try fieldNode.string()
        let index = try field(named: name, at: fieldNode, in: schema)
        let kind = schema.fields[index].kind
        switch kind {
        case .integer, .likert, .number: return .field(index)
        case .boolean where allowsBoolean: return .field(index)
        default:
            let allowed = allowsBoolean ? "integer, number, likert or boolean" : "integer, number or likert"
            throw fieldNode.error("a score field must be \(allowed); '\(name)' is a \(kind.typeName) field")
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
        let values = (try? value.strings()) ?? []
        let shown = values.joined(separator: ", ")
        // Options may hold commas ("Credit taker, blame shifter"): lists are quoted value by value.
        let list = QuotedList.text(values)
        switch test {
        case "equals": return "\(field) = \(shown)"
        case "in": return "\(field) is one of \(list)"
        case "any_of": return "\(field) includes any of \(list)"
        case "none_of": return "\(field) includes none of \(list)"
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
            let kindPlaceholder = metrics.first { $0.id == id }?.kind.type.valuePlaceholder
            return .metric(id: id, template: try keys["template"]?.headlineTemplate(kindPlaceholder: kindPlaceholder))
        }
    }
}
