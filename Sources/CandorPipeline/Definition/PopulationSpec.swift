import CandorClean

/// The `population:` block: the roster of everyone invited, for response rates.
package struct PopulationSpec: Sendable, Hashable {
    /// One roster column mapped to a category field of the definition.
    package struct Column: Sendable, Hashable {
        /// The definition field's index.
        package var field: Int
        /// The definition field's name.
        package var fieldName: String
        /// The roster's column header.
        package var column: String
    }

    /// The roster's path, absolute.
    package var path: String
    /// The roster's path as written in the definition (reports and messages use it).
    package var displayPath: String
    /// The mapped columns, in the definition's order.
    package var columns: [Column]
    /// Rates under this share are flagged (`target`, default 0.60).
    package var target: Double

    /// `target` when the definition does not say: 60% is the participation most engagement
    /// vendors call the floor for reading a group's results with confidence.
    package static let defaultTarget = 0.60
}

extension DefinitionLoader {
    /// Reads `population: {file, columns: {field: Column}, target}`; each mapped field must be a
    /// category field, since rates are counted per value.
    static func population(_ node: DefinitionNode?, schema: SurveySchema, folder: String, context: ResolutionContext)
        throws(DefinitionError) -> PopulationSpec?
    {
        guard let node else { return nil }
        let keys = try node.keyed(allowed: ["file", "columns", "target"])
        guard let file = keys["file"] else { throw node.error("population needs 'file' (the roster CSV)") }
        guard let columnsNode = keys["columns"] else {
            throw node.error("population needs 'columns' (definition field: roster column), such as {department: Dept}")
        }
        let columns = try columnsNode.entries().map { entry throws(DefinitionError) -> PopulationSpec.Column in
            let index = try context.field(named: entry.key, at: entry.value, in: schema)
            guard case .category = schema.fields[index].kind else {
                throw entry.value.error("population column '\(entry.key)' must map a category field")
            }
            return .init(field: index, fieldName: entry.key, column: try entry.value.string())
        }
        guard !columns.isEmpty else { throw columnsNode.error("population.columns must map at least one field") }
        let written = try file.string()
        return PopulationSpec(
            path: resolve(written, against: folder), displayPath: written, columns: columns,
            target: try keys["target"]?.share() ?? PopulationSpec.defaultTarget)
    }
}
