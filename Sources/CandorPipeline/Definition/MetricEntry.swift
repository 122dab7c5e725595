import CandorAggregate
import CandorClean

/// One entry of a definition's `metrics`, as its kind reads it: keys resolved against the
/// schema, errors at the entry's lines.
struct MetricEntry: MetricArguments {
    /// What resolving needs to remember (scales, the file).
    let context: ResolutionContext
    /// The metric's id.
    let id: String
    /// The entry's keys.
    let keys: [String: DefinitionNode]
    /// The `kind` key's value, where errors about the metric as a whole point.
    let kindNode: DefinitionNode
    /// The schema; conditions may add category values to it.
    var schema: SurveySchema

    func has(_ key: String) -> Bool { keys[key] != nil }

    func string(_ key: String) throws(DefinitionError) -> String? { try keys[key]?.string() }

    func int(_ key: String) throws(DefinitionError) -> Int? { try keys[key]?.int() }

    func count(_ key: String) throws(DefinitionError) -> Int? { try keys[key]?.count() }

    func double(_ key: String) throws(DefinitionError) -> Double? { try keys[key]?.double() }

    func field(_ key: String) throws(DefinitionError) -> Int? {
        guard let node = keys[key] else { return nil }
        return try context.field(named: try node.string(), at: node, in: schema)
    }

    func block(_ key: String) throws(DefinitionError) -> SurveySchema.Block? {
        guard let node = keys[key] else { return nil }
        return try context.block(node, schema: schema)
    }

    func likertFields(_ key: String) throws(DefinitionError) -> [Int]? {
        guard let node = keys[key] else { return nil }
        return try node.sequence().map { item throws(DefinitionError) in
            try context.likertField(item, schema: schema)
        }
    }

    func score(_ key: String, allowsBoolean: Bool) throws(DefinitionError) -> Score? {
        guard let node = keys[key] else { return nil }
        return try context.score(node, schema: schema, allowsBoolean: allowsBoolean)
    }

    mutating func predicate(_ key: String) throws(DefinitionError) -> (predicate: Predicate, description: String)? {
        guard let node = keys[key] else { return nil }
        return (try context.predicate(node, schema: &schema), context.describe(node))
    }

    func error(at key: String?, _ message: String) -> DefinitionError {
        (key.flatMap { keys[$0] } ?? kindNode).error(message)
    }
}
