import Yams

/// A node of a definition file's YAML with its location, and typed accessors whose errors name
/// the file, line, key path and the expected shape.
struct DefinitionNode {
    let node: Node
    /// Key path for messages, such as `fields[2].scale`.
    let path: String
    let file: String

    var line: Int? { node.mark?.line }
    var column: Int? { node.mark?.column }

    func error(_ message: String) -> DefinitionError {
        DefinitionError(file: file, line: line, column: column, message: message)
    }

    /// The node as a mapping whose keys must all be in `allowed` (in order of appearance).
    func mapping(allowed: [String]) throws(DefinitionError) -> [(key: String, value: DefinitionNode)] {
        guard case .mapping(let mapping) = node else {
            throw error("\(path.isEmpty ? "the definition" : path) must be a mapping of keys to values")
        }
        var result: [(String, DefinitionNode)] = []
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            let key = keyNode.scalar?.string ?? ""
            let keyAt = DefinitionNode(node: keyNode, path: path, file: file)
            guard allowed.contains(key) else {
                let hint = Self.closest(to: key, in: allowed).map { "; did you mean '\($0)'?" } ?? ""
                let place = path.isEmpty ? "at the top level" : "in \(path)"
                throw keyAt.error("unknown key '\(key)' \(place)\(hint) (allowed: \(allowed.joined(separator: ", ")))")
            }
            guard seen.insert(key).inserted else {
                throw keyAt.error("key '\(key)' appears twice \(path.isEmpty ? "at the top level" : "in \(path)")")
            }
            result.append(
                (key, DefinitionNode(node: valueNode, path: path.isEmpty ? key : "\(path).\(key)", file: file)))
        }
        return result
    }

    /// Like `mapping(allowed:)`, as a dictionary.
    func keyed(allowed: [String]) throws(DefinitionError) -> [String: DefinitionNode] {
        Dictionary(try mapping(allowed: allowed).map { ($0.key, $0.value) }, uniquingKeysWith: { first, _ in first })
    }

    /// The node as a mapping with free keys (scale names, blocks, aliases).
    func entries() throws(DefinitionError) -> [(key: String, value: DefinitionNode)] {
        guard case .mapping(let mapping) = node else { throw error("\(path) must be a mapping") }
        return mapping.map { (key, value) in
            let name = key.scalar?.string ?? ""
            return (name, DefinitionNode(node: value, path: "\(path).\(name)", file: file))
        }
    }

    func sequence() throws(DefinitionError) -> [DefinitionNode] {
        guard case .sequence(let sequence) = node else { throw error("\(path) must be a list") }
        return sequence.enumerated().map { DefinitionNode(node: $1, path: "\(path)[\($0)]", file: file) }
    }

    func string() throws(DefinitionError) -> String {
        guard case .scalar(let scalar) = node else {
            throw error("\(path) must be a single value, not a list or mapping")
        }
        return scalar.string
    }

    func int() throws(DefinitionError) -> Int {
        guard let value = Int(try string()) else {
            throw error("\(path) must be a whole number, not '\(try string())'")
        }
        return value
    }

    func double() throws(DefinitionError) -> Double {
        guard let value = Double(try string()) else { throw error("\(path) must be a number, not '\(try string())'") }
        return value
    }

    /// The node as a share: a number from 0 to 1 (0.10 for 10%).
    func share() throws(DefinitionError) -> Double {
        let value = try double()
        guard value >= 0 && value <= 1 else {
            throw error("\(path) must be a share from 0 to 1 (such as 0.10 for 10%), not '\(try string())'")
        }
        return value
    }

    /// The node as a count or threshold: a whole number of 0 or more.
    func count() throws(DefinitionError) -> Int {
        let value = try int()
        guard value >= 0 else { throw error("\(path) must be 0 or more, not '\(try string())'") }
        return value
    }

    func bool() throws(DefinitionError) -> Bool {
        switch try string().lowercased() {
        case "true", "yes": return true
        case "false", "no": return false
        default: throw error("\(path) must be true or false, not '\(try string())'")
        }
    }

    func strings() throws(DefinitionError) -> [String] {
        if case .scalar = node { return [try string()] }
        return try sequence().map { node throws(DefinitionError) in try node.string() }
    }

    /// The allowed word closest to `key` (edit distance ≤ 2), for "did you mean".
    private static func closest(to key: String, in allowed: [String]) -> String? {
        allowed.map { ($0, editDistance(key, $0)) }.filter { $0.1 <= 2 }.min { $0.1 < $1.1 }?.0
    }

    private static func editDistance(_ a: String, _ b: String) -> Int {
        let a = Array(a), b = Array(b)
        if a.isEmpty { return b.count }
        var previous = Array(0...b.count)
        for i in 1...a.count {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = current
        }
        return previous[b.count]
    }
}
