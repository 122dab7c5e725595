import Foundation
import Testing

@testable import CandorAggregate

/// The JSON schema knows exactly the kinds `MetricRegistry` lists, each with its detail shape,
/// so a new kind cannot reach reports the schema rejects.
@Suite struct MetricKindSchemaTests {
    /// The schema's `metric` definition.
    static func metricSchema() throws -> [String: Any] {
        let data = try Data(contentsOf: SchemaValidator.schemaURL)
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let definitions = try #require(schema["$defs"] as? [String: Any])
        return try #require(definitions["metric"] as? [String: Any])
    }

    @Test func schemaListsEveryRegisteredKind() throws {
        let metric = try Self.metricSchema()
        let properties = try #require(metric["properties"] as? [String: Any])
        let kind = try #require(properties["kind"] as? [String: Any])
        #expect(kind["enum"] as? [String] == MetricRegistry.kinds.map { $0.name })
    }

    @Test func schemaGivesEveryKindItsDetail() throws {
        let branches = try #require(try Self.metricSchema()["allOf"] as? [[String: Any]])
        let kinds = branches.compactMap { branch in
            ((branch["if"] as? [String: Any])?["properties"] as? [String: Any]).flatMap {
                ($0["kind"] as? [String: Any])?["const"] as? String
            }
        }
        #expect(kinds == MetricRegistry.kinds.map { $0.name })
    }

    @Test func kindNamesAreUniqueAndKeysAreTheirOwn() {
        let names = MetricRegistry.kinds.map { $0.name }
        #expect(Set(names).count == names.count)
        for kind in MetricRegistry.kinds {
            #expect(Set(kind.keys).isDisjoint(with: ["id", "kind", "label"]), "\(kind.name)")
        }
    }
}

/// Every registered kind has its section in the pipeline reference, and the placeholder it names
/// its figure by has a row in the headline table.
@Suite struct MetricKindDocumentationTests {
    static func reference() throws -> String {
        try String(
            contentsOfFile: ReportFixtures.packageRoot.appendingPathComponent("Docs/PIPELINE.md").path, encoding: .utf8)
    }

    @Test func everyKindHasItsSection() throws {
        let reference = try Self.reference()
        for kind in MetricRegistry.kinds {
            #expect(reference.contains("### `\(kind.name)`\n"), "Docs/PIPELINE.md has no section for \(kind.name)")
        }
    }

    @Test func everyKindPlaceholderHasItsRow() throws {
        let reference = try Self.reference()
        for placeholder in MetricRegistry.kinds.compactMap({ $0.valuePlaceholder }) {
            #expect(reference.contains("| `{\(placeholder)}` |"), "Docs/PIPELINE.md has no row for {\(placeholder)}")
        }
    }
}
