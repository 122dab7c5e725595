import Foundation
import Testing

@testable import CandorClean
@testable import CandorCore
@testable import CandorReport

/// Checks the JSON report against `Docs/report-schema.json` with a real validator (Python's
/// `jsonschema`), and checks that the validator rejects what the schema forbids.
@Suite(
    .enabled(
        if: SchemaValidator.isAvailable,
        "python3 with the jsonschema module is not available (pip install jsonschema); skipping the JSON Schema tests"))
struct ReportSchemaTests {
    @Test(arguments: [("fixture", ReportFixtures.document()), ("hostile", HostileFixtures.document())])
    func reportValidates(_ name: String, _ document: ReportDocument) throws {
        let result = try SchemaValidator.validate(JSONReport.render(document))
        #expect(result.status == 0, "\(name): \(result.stderr)")
    }

    @Test func emptyReportValidates() throws {
        var document = ReportFixtures.document()
        document.metrics = []
        document.headlines = []
        document.inputs = []
        document.accounting = .init()
        let result = try SchemaValidator.validate(JSONReport.render(document))
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// Edits of a valid report that the schema must reject.
    @Test(arguments: [
        (
            "unknown top-level key", "\"schema_version\": \"1\"",
            "\"schema_version\": \"1\",\n  \"generated_at\": \"2026-01-01T00:00:00Z\""
        ),
        ("missing required key", "    \"definition_sha256\": \"\(ReportFixtures.sha)\",\n", ""),
        (
            "n on a suppressed row", "\"suppression_reason\": \"below_threshold\",",
            "\"n\": 3, \"suppression_reason\": \"below_threshold\","
        ),
        ("unknown key in a metric", "\"id\": \"any_bad_boss\",", "\"id\": \"any_bad_boss\", \"colour\": \"red\","),
        ("unknown reason code", "\"duplicate_id\": 20,", "\"duplicate\": 20,"),
        ("wrong schema version", "\"schema_version\": \"1\"", "\"schema_version\": \"2\""),
        ("share detail on an nps metric", "\"passives\": {", "\"definition\": \"x\", \"passives\": {"),
    ])
    func invalidReportFails(_ name: String, _ original: String, _ replacement: String) throws {
        let json = JSONReport.render(ReportFixtures.document())
        let range = try #require(json.range(of: original), "\(name): the report no longer contains \(original)")
        let edited = json.replacingCharacters(in: range, with: replacement)
        let result = try SchemaValidator.validate(edited)
        #expect(result.status != 0, "\(name): the schema accepted an invalid report")
        #expect(result.stderr.contains("ValidationError"), "\(name): \(result.stderr)")
    }

    @Test func schemaListsEveryReasonCode() throws {
        let data = try Data(contentsOf: SchemaValidator.schemaURL)
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let properties = schema["properties"] as? [String: Any]
        let accounting = (properties?["accounting"] as? [String: Any])?["properties"] as? [String: Any]
        let names =
            ((accounting?["rejected_by_reason"] as? [String: Any])?["propertyNames"] as? [String: Any])?["enum"]
            as? [String]
        #expect(Set(names ?? []) == Set(ReasonCode.allCases.map(\.rawValue)))
    }
}

/// Runs Python's `jsonschema` against the published schema.
enum SchemaValidator {
    /// `python3` as found on PATH (the one a developer installed jsonschema into), through env.
    static let env = "/usr/bin/env"
    static var schemaURL: URL { ReportFixtures.packageRoot.appendingPathComponent("Docs/report-schema.json") }

    /// Whether python3 and its jsonschema module are installed.
    static let isAvailable: Bool = {
        guard ExternalTool.exists(env) else { return false }
        return (try? ExternalTool.run(env, ["python3", "-c", "import jsonschema"]).status) == 0
    }()

    /// Validates `json`; status 0 when valid, the validator's error on stderr otherwise.
    static func validate(_ json: String) throws -> ExternalTool.Result {
        try ExternalTool.withTemporaryFile(named: "report.json", contents: json) { file in
            try ExternalTool.run(
                env,
                [
                    "python3", "-c",
                    "import jsonschema,json,sys; jsonschema.validate(json.load(open(sys.argv[1])), json.load(open(sys.argv[2])))",
                    file.path, schemaURL.path,
                ])
        }
    }
}
