import CandorCore
import Yams

/// The SHA-256 of what defines a metric: its own entry (kind, fields, `where`, options; not its
/// id or label) and, for every field, block or scale the entry names, that declaration too,
/// each written in a canonical form (mapping keys sorted), so that reordering a file or
/// relabelling a metric changes nothing, while a new question text, scale or filter does.
///
/// Two waves whose hashes differ measured different things, and no change is computed.
enum MetricDefinitionHash {
    /// The hash of `entry` given the definition's top-level sections.
    static func hash(entry: Node, fields: Node?, blocks: Node?, scales: Node?) -> String {
        var parts = [canonical(entry, skipping: ["id", "label"])]
        var named = Set(scalars(in: entry))
        let fieldNodes = declarations(fields, keyedBy: "name")
        let blockNodes = mappingEntries(blocks)
        let scaleNodes = mappingEntries(scales)
        // A block names its fields and a field its scale: follow the names down once.
        for name in named.sorted() { if let block = blockNodes[name] { named.formUnion(scalars(in: block)) } }
        for name in named.sorted() { if let field = fieldNodes[name] { named.formUnion(scalars(in: field)) } }
        for name in named.sorted() {
            if let field = fieldNodes[name] { parts.append("field " + canonical(field, skipping: [])) }
            if let block = blockNodes[name] { parts.append("block \(quoted(name)) " + canonical(block, skipping: [])) }
            if let scale = scaleNodes[name] { parts.append("scale \(quoted(name)) " + canonical(scale, skipping: [])) }
        }
        return SHA256Digest.hex(of: Array(parts.joined(separator: "\n").utf8))
    }

    /// `node` as text with mapping keys sorted and every scalar quoted.
    static func canonical(_ node: Node, skipping: Set<String>) -> String {
        switch node {
        case .scalar(let scalar):
            return quoted(scalar.string)
        case .sequence(let sequence):
            return "[" + sequence.map { canonical($0, skipping: []) }.joined(separator: ",") + "]"
        case .mapping(let mapping):
            let members = mapping.compactMap { key, value -> String? in
                let name = key.scalar?.string ?? ""
                return skipping.contains(name) ? nil : quoted(name) + ":" + canonical(value, skipping: [])
            }
            return "{" + members.sorted().joined(separator: ",") + "}"
        case .alias:
            return "*"
        }
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }

    /// Every scalar's text in `node`, keys included, and each word of it (a `where` expression
    /// names its fields inside one string).
    private static func scalars(in node: Node) -> [String] {
        switch node {
        case .scalar(let scalar):
            let words = scalar.string.split { !($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }.map(String.init)
            return [scalar.string] + words
        case .sequence(let sequence): return sequence.flatMap(scalars)
        case .mapping(let mapping): return mapping.flatMap { scalars(in: $0.key) + scalars(in: $0.value) }
        case .alias: return []
        }
    }

    /// The items of a list of mappings, by the value of their `key`.
    private static func declarations(_ node: Node?, keyedBy key: String) -> [String: Node] {
        guard case .sequence(let sequence)? = node else { return [:] }
        var result: [String: Node] = [:]
        for item in sequence {
            if let name = item[key]?.scalar?.string, result[name] == nil { result[name] = item }
        }
        return result
    }

    /// The members of a mapping, by key.
    private static func mappingEntries(_ node: Node?) -> [String: Node] {
        guard case .mapping(let mapping)? = node else { return [:] }
        var result: [String: Node] = [:]
        for (key, value) in mapping {
            if let name = key.scalar?.string, result[name] == nil { result[name] = value }
        }
        return result
    }
}
