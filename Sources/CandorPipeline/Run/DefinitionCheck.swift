import CandorClean
import CandorIngest

/// What `candor validate` finds: the definition checked against each input's header, without
/// reading any data record or writing anything.
package enum DefinitionCheck {
    /// One line per finding, as `validate` prints them.
    package static func describe(_ request: RunRequest) throws(RunFailure) -> [String] {
        let definition = request.definition
        var lines = ["pipeline \(definition.name) (\(definition.path))"]
        try request.checkInputsMissOutputs()
        let files = try request.inputFiles()
        let cleaner = Cleaner(schema: definition.schema)
        for file in files {
            let stream = try StreamingPass.open(file, definition: definition, threaded: false)
            do { try cleaner.begin(input: file.displayName, layout: stream.layout) } catch {
                throw RunFailure(.configuration, error.description)
            }
            let layout = stream.layout
            lines.append(
                "  input \(file.displayName): \(layout.format.rawValue), \(stream.encoding.rawValue), delimiter \(DelimiterDetection.displayName(of: stream.delimiter)), \(layout.headerRows) header row(s), \(layout.columnNames.count) columns; every field's column found"
            )
        }
        if let population = definition.population {
            let roster = try Roster.open(population).stream
            lines.append(
                "  population roster \(population.displayPath): \(roster.layout.columnNames.count) columns; every mapped column found"
            )
        }
        lines.append(
            "  fields: \(definition.schema.fields.map { "\($0.name) (\($0.kind.typeName))" }.joined(separator: ", "))")
        lines.append(
            "  metrics: \(definition.plan.metrics.map { "\($0.id) (\($0.kind.name))" }.joined(separator: ", "))")
        if !definition.plan.segments.isEmpty {
            lines.append(
                "  segments: \(definition.plan.segments.map { definition.schema.fields[$0].name }.joined(separator: ", "))"
            )
        }
        lines.append(
            "  would write \((request.reportPaths + [request.rejectsPath]).joined(separator: ", ")) (0600) and append to \(request.outputDirectory)/runs.jsonl"
        )
        return lines
    }
}
