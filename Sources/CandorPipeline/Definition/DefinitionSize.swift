import Yams

/// Bounds on a definition's composed YAML, checked before anything else reads it.
///
/// YAML aliases let a few kilobytes stand for an exponentially large document (the "billion
/// laughs": each level refers to the one below it ten times). Yams composes an alias as a copy
/// of the anchored node that shares its storage, so composing is cheap, but every later walk
/// (the loader resolving nested predicates, say) visits each copy in full and can run for
/// minutes and hundreds of megabytes. A real pipeline definition has a few hundred to a few
/// thousand nodes, so the bounds here are far above anything legitimate and far below harm.
enum DefinitionSize {
    /// Most nodes (scalars, sequences, mappings and mapping keys, counted after alias expansion).
    static let maximumNodes = 100_000
    /// Deepest nesting of sequences and mappings; deeper conditions would exhaust the stack of
    /// the recursive resolvers.
    static let maximumDepth = 200

    /// Counts `root`'s nodes, expanding aliases, and stops at the first bound crossed.
    ///
    /// The walk uses its own stack, so a hostile depth cannot overflow the thread's, and it
    /// stops at `maximumNodes`, so the check itself costs at most that many steps.
    /// - Throws: `DefinitionError` naming the bound (for depth, at the line that crosses it).
    static func check(_ root: Node, file: String) throws(DefinitionError) {
        var pending: [(node: Node, depth: Int)] = [(root, 1)]
        var count = 0
        while let (node, depth) = pending.popLast() {
            count += 1
            if count > maximumNodes {
                // No line: where the count crosses the bound says nothing about which alias to remove.
                throw DefinitionError(
                    file: file, line: nil,
                    message:
                        "the definition expands to more than \(maximumNodes) YAML nodes (aliases count once per use); a pipeline definition needs far fewer, so remove the nested aliases"
                )
            }
            if depth > maximumDepth {
                throw DefinitionError(
                    file: file, line: node.mark?.line,
                    message:
                        "the definition nests deeper than \(maximumDepth) levels; flatten the nested lists or conditions"
                )
            }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence):
                pending.append(contentsOf: sequence.map { ($0, depth + 1) })
            case .mapping(let mapping):
                for (key, value) in mapping {
                    pending.append((key, depth + 1))
                    pending.append((value, depth + 1))
                }
            }
        }
    }
}
