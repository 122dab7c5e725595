import CandorPipeline
import Foundation
import Logging
import Testing

/// Free text reaches a report only when the definition opts in, only from the free-text
/// threshold up, and only the first answers up to the quote limit.
@Suite("Free text through a run")
struct FreeTextPipelineTests {
    /// Runs a one-field-plus-comment survey and returns the JSON report's `free_text`.
    static func run(optIn: Bool, answered: Int, threshold: Int = 10, limit: Int = 3) throws -> [[String: Any]] {
        let scratch = ScratchFolder()
        let folder = scratch.url
        var csv = "id,team,comment\n"
        for index in 0..<12 { csv += "R\(index),A,\(index < answered ? "note \(index)" : "")\n" }
        try csv.write(to: folder.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let yaml = """
            version: 1
            name: ft
            inputs: [in.csv]
            output: {directory: out}
            privacy: {free_text: \(optIn), text_min_group_size: \(threshold), text_quote_limit: \(limit)}
            fields:
              - {name: id, type: id, column: id}
              - {name: team, type: category, column: team}
              - {name: comment, type: text, column: comment}
            metrics:
              - {id: team_a, kind: share, where: {field: team, equals: A}}
            """
        let definitionPath = folder.appendingPathComponent("ft.yml").path
        try yaml.write(toFile: definitionPath, atomically: true, encoding: .utf8)
        let definition = try DefinitionLoader.load(path: definitionPath)
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition), logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        let data = try Data(contentsOf: folder.appendingPathComponent("out/ft.json"))
        let tree = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let markdown = try String(contentsOf: folder.appendingPathComponent("out/ft.md"), encoding: .utf8)
        if !optIn { #expect(!markdown.contains("note 0")) }
        return tree["free_text"] as? [[String: Any]] ?? []
    }

    @Test func withoutOptInNothingIsQuoted() throws {
        #expect(try Self.run(optIn: false, answered: 12).isEmpty)
    }

    @Test func optedInQuotesTheFirstAnswersUpToTheLimit() throws {
        let sections = try Self.run(optIn: true, answered: 11)
        #expect(sections.count == 1)
        #expect(sections.first?["answered"] as? Int == 11)
        #expect(sections.first?["quotes"] as? [String] == ["note 0", "note 1", "note 2"])
    }

    @Test func optedInButBelowTheThresholdIsSuppressed() throws {
        let sections = try Self.run(optIn: true, answered: 9)
        #expect(sections.first?["suppressed"] as? Bool == true)
        #expect(sections.first?["quotes"] == nil)
        #expect(sections.first?["answered"] == nil)
    }
}
