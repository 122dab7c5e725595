import CandorPipeline
import Foundation
import Logging
import Testing

/// `output.formats` and `--format`: which report files a run writes (issue 19).
@Suite("Output formats")
struct OutputFormatTests {
    /// A one-field definition whose `output` mapping is `output` (YAML flow style).
    static func definition(output: String) -> String {
        """
        version: 1
        name: t
        inputs: [in.csv]
        output: \(output)
        fields:
          - {name: id, type: id, column: id}
          - {name: team, type: category, column: team}
        metrics:
          - {id: team_a, kind: share, where: {field: team, equals: A}}

        """
    }

    @Test func withoutFormatsTheDefinitionWritesMarkdownJSONAndHTML() throws {
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(Self.definition(output: "{directory: out}"), in: folder)
        #expect(try DefinitionLoader.load(path: path).outputFormats == [.markdown, .json, .html])
    }

    @Test func formatsAreKeptInOneFixedOrder() throws {
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(Self.definition(output: "{formats: [json, markdown]}"), in: folder)
        #expect(try DefinitionLoader.load(path: path).outputFormats == [.markdown, .json])
    }

    @Test func theBenchmarkWritesOnlyJSON() throws {
        let definition = try DefinitionLoader.load(path: DefinitionFiles.packageRoot + "/Benchmarks/bench-w1.yml")
        #expect(definition.outputFormats == [.json])
    }

    @Test func anUnknownFormatIsAConfigurationError() throws {
        let (path, message) = try DefinitionFiles.error(Self.definition(output: "{formats: [json, pdf]}"))
        // Line 4 is "output: {formats: [json, pdf]}"; "pdf" starts in column 26.
        #expect(message == "\(path):4:26: unknown output format 'pdf'; use markdown, json, html, xlsx, csv")
    }

    @Test func aFormatListedTwiceIsAnError() throws {
        let (path, message) = try DefinitionFiles.error(Self.definition(output: "{formats: [json, json]}"))
        #expect(message == "\(path):4:26: output.formats lists 'json' twice")
    }

    @Test func anEmptyListIsAnError() throws {
        let (path, message) = try DefinitionFiles.error(Self.definition(output: "{formats: []}"))
        #expect(
            message == "\(path):4:19: output.formats must list at least one format (markdown, json, html, xlsx, csv)")
    }

    /// A run writes exactly the requested reports, and `--format` (`addedFormats`) adds to them.
    @Test func aRunWritesTheDefinitionsFormatsPlusTheAddedOnes() throws {
        let scratch = ScratchFolder()
        scratch.create("in.csv", "id,team\nR1,A\nR2,B\n")
        let path = try DefinitionFiles.write(
            Self.definition(output: "{directory: out, formats: [json]}"), in: scratch)
        let definition = try DefinitionLoader.load(path: path)
        let logger = Logger(label: "t") { _ in SwiftLogNoOpLogHandler() }

        let jsonOnly = PipelineRunner.run(RunRequest(definition: definition), logger: logger)
        #expect(jsonOnly.status == .success, "\(jsonOnly.message ?? "")")
        let out = scratch.path + "/out"
        let written = try FileManager.default.contentsOfDirectory(atPath: out).filter { !$0.hasPrefix(".") }
        #expect(written.sorted() == ["history.sqlite", "runs.jsonl", "t.json", "t.rejects.csv"])
        #expect(jsonOnly.outputs == [out + "/t.json", out + "/t.rejects.csv"])

        let withMarkdown = PipelineRunner.run(
            RunRequest(definition: definition, addedFormats: [.markdown, .json]), logger: logger)
        #expect(withMarkdown.status == .success, "\(withMarkdown.message ?? "")")
        #expect(withMarkdown.outputs == [out + "/t.md", out + "/t.json", out + "/t.rejects.csv"])
        #expect(FileManager.default.fileExists(atPath: out + "/t.md"))
    }
}
