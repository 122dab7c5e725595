import CandorClean
import CandorIngest
import Foundation
import Testing

@testable import CandorPipeline

/// Test helpers for pipeline definitions written to temporary files.
enum DefinitionFiles {
    /// The package's root folder (this file is `Tests/CandorPipelineTests/…`).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().path

    /// Writes `text` as `name` in `folder`; returns the path.
    static func write(_ text: String, name: String = "pipeline.yml", in folder: ScratchFolder) throws -> String {
        let path = folder.file(name)
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    /// Loads `yaml` from a temporary file, expecting a `DefinitionError`; returns the file's
    /// path and the error's description. The file is gone again when this returns.
    static func error(_ yaml: String, sourceLocation: SourceLocation = #_sourceLocation) throws -> (
        path: String, message: String
    ) {
        let folder = ScratchFolder()
        let path = try write(yaml, in: folder)
        do {
            _ = try DefinitionLoader.load(path: path)
        } catch {
            return (path, error.description)
        }
        Issue.record("the definition loaded without error", sourceLocation: sourceLocation)
        return (path, "")
    }
}

/// A valid definition, for the tests to break one part of.
private let scalesAndFields = """
    version: 1
    name: t
    scales:
      agree5:
        labels: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]
    fields:
      - name: respondent
        type: id
        column: respondent_id
      - name: q1
        type: likert
        column: q1
        scale: agree5

    """

@Test("the valid base definition loads")
func baseLoads() throws {
    let folder = ScratchFolder()
    let definition = try DefinitionLoader.load(path: try DefinitionFiles.write(scalesAndFields, in: folder))
    #expect(definition.schema.fields.map(\.name) == ["respondent", "q1"])
}

@Test("an unknown top-level key names the line and suggests the closest key")
func unknownTopLevelKey() throws {
    let (path, message) = try DefinitionFiles.error("version: 1\nname: t\nfeilds: []\n")
    #expect(
        message
            == "\(path):3:1: unknown key 'feilds' at the top level; did you mean 'fields'? (allowed: version, name, title, inputs, read, output, privacy, scales, fields, blocks, dedupe, filters, weight, metrics, segments, segment_pairs, headlines, statistics, population, wave, change, weighting)"
    )
}

@Test("an unknown key in a field names the field's path and suggests the closest key")
func unknownFieldKey() throws {
    let yaml = scalesAndFields + "  - name: q2\n    type: likert\n    colum: q2\n    scale: agree5\n"
    let (path, message) = try DefinitionFiles.error(yaml)
    // Line 16 is "    colum: q2"; the key starts in column 5.
    #expect(
        message
            == "\(path):16:5: unknown key 'colum' in fields[2]; did you mean 'column'? (allowed: name, type, label, column, column_id, required, on_invalid, values, aliases, closed, scale, reverse, options, none_option, separator, columns, encoding, min, max, true_values, false_values, formats)"
    )
}

@Test("a key of another type's field says it does not apply")
func keyOfAnotherType() throws {
    let yaml = scalesAndFields + "  - name: q2\n    type: integer\n    column: q2\n    scale: agree5\n"
    let (path, message) = try DefinitionFiles.error(yaml)
    // The value of "    scale: agree5" (line 17) starts in column 12.
    #expect(message == "\(path):17:12: 'scale' does not apply to an integer field ('q2')")
}

@Test("an unknown type lists the types")
func unknownType() throws {
    let yaml = scalesAndFields + "  - name: q2\n    type: likart\n    column: q2\n"
    let (path, message) = try DefinitionFiles.error(yaml)
    // "    type: likart" is line 15; the value starts in column 11.
    #expect(
        message
            == "\(path):15:11: unknown type 'likart' for field 'q2'; use one of id, category, likert, multiselect, integer, number, boolean, timestamp, text"
    )
}

@Test("duplicate Likert labels (in any case) name both points")
func duplicateLabels() throws {
    let yaml =
        "version: 1\nname: t\nscales:\n  agree5:\n    labels: [Strongly disagree, Disagree, Neutral, Agree, agree]\nfields:\n  - {name: r, type: id, column: r}\n"
    let (path, message) = try DefinitionFiles.error(yaml)
    #expect(
        message
            == "\(path):5:13: scale 'agree5' has the label 'agree' twice (points 4 and 5); each point needs its own label"
    )
}

@Test("a multiselect with no options")
func multiselectWithoutOptions() throws {
    let yaml = scalesAndFields + "  - name: boss\n    type: multiselect\n    column: boss\n"
    let (path, message) = try DefinitionFiles.error(yaml)
    #expect(message == "\(path):15:11: multiselect field 'boss' has no options; list them under 'options'")
}

@Test("a metric that refers to an undeclared field lists the fields")
func metricUndeclaredField() throws {
    let yaml = scalesAndFields + "metrics:\n  - id: e\n    kind: nps\n    field: enps\n"
    let (path, message) = try DefinitionFiles.error(yaml)
    // "    field: enps" is line 17; the value starts in column 12.
    #expect(message == "\(path):17:12: 'enps' is not a declared field (fields: respondent, q1)")
}

@Test("an unknown scale lists the declared scales")
func unknownScale() throws {
    let yaml = scalesAndFields + "  - name: q2\n    type: likert\n    column: q2\n    scale: agree7\n"
    let (path, message) = try DefinitionFiles.error(yaml)
    #expect(
        message == "\(path):17:12: field 'q2' uses scale 'agree7', which 'scales' does not declare (declared: agree5)")
}

@Test("invalid YAML names the line")
func invalidYAML() throws {
    let (path, message) = try DefinitionFiles.error("version: 1\nname: t\nfields:\n\t- {name: r}\n")
    #expect(message == "\(path):4: not valid YAML: found character that cannot start any token")
}

@Test("a mapped column the input lacks is found from the header, before any record")
func missingColumn() throws {
    let folder = ScratchFolder()
    let definition = try DefinitionLoader.load(path: try DefinitionFiles.write(scalesAndFields, in: folder))
    let input = try DefinitionFiles.write("respondent_id,Q_1\nA,4\n", name: "input.csv", in: folder)
    let stream = try IngestStream(path: input, options: definition.read)
    let cleaner = Cleaner(schema: definition.schema)
    do {
        try cleaner.begin(input: input, layout: stream.layout)
        Issue.record("begin accepted a header without q1")
    } catch {
        #expect(
            error.description
                == "\(input): field 'q1' maps to column 'q1', which the header does not have (columns: 'respondent_id', 'Q_1'); fix the field's column in the definition"
        )
    }
}

@Test(
    "every pipeline in Pipelines/ loads",
    arguments: try FileManager.default.contentsOfDirectory(atPath: DefinitionFiles.packageRoot + "/Pipelines").filter {
        $0.hasSuffix(".yml")
    }.sorted())
func shippedPipelinesLoad(file: String) throws {
    let definition = try DefinitionLoader.load(path: DefinitionFiles.packageRoot + "/Pipelines/" + file)
    #expect(!definition.schema.fields.isEmpty)
}

@Test("Pipelines/ holds the four sample definitions, each reading inputs that ship with the repository")
func shippedPipelinesPresent() throws {
    let files = try FileManager.default.contentsOfDirectory(atPath: DefinitionFiles.packageRoot + "/Pipelines").filter {
        $0.hasSuffix(".yml")
    }
    #expect(files.count == 4)
    // The README runs `candor run Pipelines/*.yml` on a fresh clone: an input outside the
    // repository (the benchmark's was in /tmp) would make that example exit 66.
    for file in files {
        let definition = try DefinitionLoader.load(path: DefinitionFiles.packageRoot + "/Pipelines/" + file)
        let request = RunRequest(definition: definition, inputOverride: nil, outputOverride: nil)
        let inputs = try request.inputFiles()
        #expect(!inputs.isEmpty, "\(file)")
        for input in inputs {
            #expect(input.path.hasPrefix(DefinitionFiles.packageRoot + "/"), "\(file): \(input.path)")
        }
    }
}

@Test("the benchmark definitions live in Benchmarks/ and load")
func benchmarkDefinitionsLoad() throws {
    let definition = try DefinitionLoader.load(path: DefinitionFiles.packageRoot + "/Benchmarks/bench-w1.yml")
    #expect(definition.name == "bench-w1")
}

@Test("a definition that is not a mapping says so")
func notAMapping() throws {
    let (path, message) = try DefinitionFiles.error("- version: 1\n")
    #expect(message == "\(path):1:1: the definition must be a mapping of keys to values")
}

/// A definition with a roster, for the `weighting:` checks.
private func weightingDefinition(_ tail: String) -> String {
    """
    version: 1
    name: t
    fields:
      - {name: dept, type: category, column: dept}
      - {name: tenure, type: category, column: tenure}
      - {name: w, type: number, column: w}
    \(tail)
    """
}

@Test("weighting: a weight field too, no roster, or a field the roster does not map is a definition error")
func weightingChecks() throws {
    let roster = "population: {file: roster.csv, columns: {dept: Dept}}\n"
    var (path, message) = try DefinitionFiles.error(
        weightingDefinition(roster + "weight: w\nweighting: {rake: [dept]}"))
    #expect(
        message
            == "\(path):9:12: weighting and weight cannot both be set: weighting computes each response's weight by raking to the roster, weight reads it from a field; keep one"
    )
    (path, message) = try DefinitionFiles.error(weightingDefinition("weighting: {rake: [dept]}"))
    #expect(
        message
            == "\(path):7:12: weighting needs a population roster: the rake margins are the roster's counts (add population: {file: ..., columns: {...}})"
    )
    (path, message) = try DefinitionFiles.error(weightingDefinition(roster + "weighting: {rake: [dept, tenure]}"))
    #expect(
        message
            == "\(path):8:26: weighting.rake field 'tenure' is not among population.columns (dept); the roster gives its margin"
    )
    (path, message) = try DefinitionFiles.error(
        weightingDefinition(roster + "weighting: {rake: [dept], max_iterations: 0}"))
    #expect(message == "\(path):8:43: weighting.max_iterations must be 1 or more, not 0")
    (path, message) = try DefinitionFiles.error(weightingDefinition(roster + "weighting: {rake: [dept], tolerance: 0}"))
    #expect(message == "\(path):8:38: weighting.tolerance must be a number above 0, such as 1e-6, not '0'")
}
