import Foundation
import Testing

@testable import CandorPipeline

/// A real JSON Schema validator (Python's `jsonschema`, draft 2020-12) accepts every
/// definition the project ships and refuses the typos the loader refuses.
@Suite(
    .enabled(
        if: DefinitionSchemaValidator.isAvailable,
        "python3 with jsonschema and yaml is not available (scripts/ensure-deps --test); skipping the schema checks"))
struct DefinitionSchemaValidationTests {
    @Test func everyPipelineAndDocumentedExampleValidates() throws {
        let root = DefinitionFiles.packageRoot
        var definitions: [String: String] = [:]
        for file in try FileManager.default.contentsOfDirectory(atPath: root + "/Pipelines")
        where file.hasSuffix(".yml") {
            definitions["Pipelines/" + file] = try String(contentsOfFile: root + "/Pipelines/" + file, encoding: .utf8)
        }
        for (index, yaml) in try PipelineDocExampleTests.yamlBlocks(in: "Docs/PIPELINE.md").enumerated() {
            definitions["Docs/PIPELINE.md example \(index + 1)"] = yaml
        }
        for (index, yaml) in try PipelineDocExampleTests.yamlBlocks(in: "README.md").enumerated() {
            definitions["README.md example \(index + 1)"] = yaml
        }
        #expect(definitions.count >= 6)
        for (name, errors) in try DefinitionSchemaValidator.errors(definitions) {
            #expect(errors.isEmpty, "\(name): \(errors)")
        }
    }

    /// Each typo, misplaced key or out-of-range value is refused by the schema, as by the loader.
    @Test func typosAreRefused() throws {
        let cases: [String: String] = [
            "privacy.min_grup_size": DefinitionSchemaTests.probe("privacy: {min_grup_size: 5}"),
            "top-level feilds": DefinitionSchemaTests.probe("feilds: []"),
            "field colum": DefinitionSchemaTests.probe("", fields: "  - {name: g, type: text, colum: g}"),
            "min on a likert field": DefinitionSchemaTests.probe(
                "", fields: "  - {name: g, type: likert, column: g, scale: s, min: 1}"),
            "unknown type": DefinitionSchemaTests.probe("", fields: "  - {name: g, type: string, column: g}"),
            "metric kind shares": DefinitionSchemaTests.probe(
                "metrics: [{id: m, kind: shares, where: {field: f, equals: a}}]"),
            "two tests in one condition": DefinitionSchemaTests.probe(
                "metrics: [{id: m, kind: share, where: {field: f, equals: a, in: [b]}}]"),
            "read.format typo": DefinitionSchemaTests.probe("read: {format: qualtrix}"),
            "share without where": DefinitionSchemaTests.probe("metrics: [{id: m, kind: share}]"),
            "a key of another kind": DefinitionSchemaTests.probe(
                "metrics: [{id: m, kind: share, where: {field: f, equals: a}, block: b}]"),
            "a name that leaves the folder": DefinitionSchemaTests.probe("").replacingOccurrences(
                of: "name: probe", with: "name: ../probe"),
            "a group of two without allow_small_groups": DefinitionSchemaTests.probe("privacy: {min_group_size: 2}"),
            "a reject share above 1": DefinitionSchemaTests.probe("output: {max_reject_share: 1.5}"),
            "a negative display count": DefinitionSchemaTests.probe(
                "metrics: [{id: e, kind: engagement_index, block: b, engaged_display_n: -1}]"),
        ]
        let errors = try DefinitionSchemaValidator.errors(cases)
        for (name, yaml) in cases {
            #expect(errors[name]?.isEmpty == false, "the schema accepts \(name)")
            #expect(try DefinitionSchemaTests.loaderMessage(yaml) != nil, "the loader accepts \(name)")
        }
        // And the probe itself is valid to both, so the refusals above are the typos'.
        let base = DefinitionSchemaTests.probe("")
        #expect(try DefinitionSchemaValidator.errors(["base": base])["base"] == [])
        #expect(try DefinitionSchemaTests.loaderMessage(base) == nil)
    }
}
