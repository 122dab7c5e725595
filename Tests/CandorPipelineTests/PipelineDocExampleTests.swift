import CandorCore
import Foundation
import Logging
import Testing

@testable import CandorPipeline

/// The definitions `Docs/PIPELINE.md` and the README show are real: each loads with the
/// `DefinitionLoader` a run uses, and the reference's examples run on the sample data.
///
/// A fenced block whose info string is exactly `yaml` is a whole definition; snippets are
/// fenced `yaml fragment` and are not loaded.
@Suite struct PipelineDocExampleTests {
    static let root = DefinitionFiles.packageRoot

    /// The ` ```yaml ` blocks of the Markdown file at `path` (relative to the package root).
    static func yamlBlocks(in path: String) throws -> [String] {
        let text = try String(contentsOfFile: root + "/" + path, encoding: .utf8)
        var blocks: [String] = []
        var current: [Substring]?
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if let open = current {
                if line == "```" {
                    blocks.append(open.joined(separator: "\n") + "\n")
                    current = nil
                } else {
                    current = open + [line]
                }
            } else if line == "```yaml" {
                current = []
            }
        }
        return blocks
    }

    /// Loads `yaml` from a scratch file, then places it beside the document it came from, so
    /// its relative paths mean what they say there. Nothing is written into the package.
    static func load(_ yaml: String, besides document: String) throws -> PipelineDefinition {
        let scratch = ScratchFolder()
        var definition = try DefinitionLoader.load(path: try DefinitionFiles.write(yaml, in: scratch))
        definition.folder = URL(fileURLWithPath: root + "/" + document).deletingLastPathComponent().path
        return definition
    }

    @Test func thePipelineReferenceHasAnExample() throws {
        #expect(try Self.yamlBlocks(in: "Docs/PIPELINE.md").count >= 1)
    }

    /// Each example runs on its sample input into a scratch folder: every record is accounted
    /// for, and the records read are the sample's (`python3 -c "import csv; print(sum(1 for _ in
    /// csv.reader(open('SampleData/F.csv', newline='')))-1)"` prints 1500 for bad-boss and 1200
    /// for engagement).
    @Test func thePipelineReferenceExamplesLoadAndRun() throws {
        let blocks = try Self.yamlBlocks(in: "Docs/PIPELINE.md")
        for yaml in blocks {
            let definition = try Self.load(yaml, besides: "Docs/PIPELINE.md")
            let files = try InputExpansion.expand(definition.inputs, relativeTo: definition.folder)
            #expect(!files.isEmpty, "the example names no input")
            for file in files { #expect(FileManager.default.fileExists(atPath: file.path), "\(file.path) is missing") }
            let scratch = ScratchFolder()
            let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
            let outcome = PipelineRunner.run(
                RunRequest(definition: definition, outputOverride: scratch.path), logger: logger)
            #expect(outcome.status == .success, "\(definition.name): \(outcome.message ?? "")")
            let counts = try #require(outcome.counts)
            #expect(counts.read == counts.accepted + counts.rejected + counts.excluded)
            let sampleRecords = ["SampleData/bad-boss.csv": 1500, "SampleData/engagement.csv": 1200]
            if files.count == 1, let expected = sampleRecords.first(where: { files[0].path.hasSuffix($0.key) })?.value {
                #expect(counts.read == expected, "\(definition.name)")
            }
            let report = try String(contentsOfFile: scratch.file("\(definition.name).json"), encoding: .utf8)
            for metric in definition.plan.metrics {
                #expect(report.contains("\"\(metric.id)\""), "metric \(metric.id) is missing from the report")
            }
        }
    }

    /// The README's short example loads too (its inputs are relative to `Pipelines/`, where a
    /// definition usually lives, as its comment says).
    @Test func theReadmeExampleLoads() throws {
        let blocks = try Self.yamlBlocks(in: "README.md")
        try #require(blocks.count == 1)
        let definition = try Self.load(blocks[0], besides: "Pipelines/bad-boss.yml")
        #expect(definition.name == "bad-boss")
        #expect(definition.plan.metrics.map(\.id) == ["any_bad_boss"])
    }
}
