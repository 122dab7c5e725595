import Foundation
import Logging
import Testing

@testable import CandorPipeline

/// An output folder that the inputs' pattern also matches is a configuration error: the next
/// run would read its own rejects file (issue 22, defect 10).
@Suite struct InputOverlapTests {
    @Test func reportsInsideTheInputsGlobAreRefusedBeforeAnythingIsWritten() throws {
        let scratch = ScratchFolder()
        try FileManager.default.createDirectory(atPath: scratch.file("drop"), withIntermediateDirectories: true)
        scratch.create("drop/monday.csv", "r\nA\n")
        let yaml = """
            version: 1
            name: t
            inputs: [drop/*.csv]
            output: {directory: drop}
            fields:
              - {name: r, type: id, column: r}
            """
        let definition = try DefinitionLoader.load(path: try DefinitionFiles.write(yaml, in: scratch))
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition), logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        #expect(outcome.status == .configuration)
        // t.md and t.json do not end in .csv; t.rejects.csv, the third output checked, does.
        #expect(
            outcome.message
                == "the input pattern \(scratch.path)/drop/*.csv also matches the output file \(scratch.path)/drop/t.rejects.csv, so a later run would read it as input; write the reports to another folder (output.directory or --output) or narrow the pattern"
        )
        // No report and no rejects file; the failure is in the run log, as every failed run is.
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: scratch.file("drop"))) ?? []
        #expect(entries.sorted() == ["monday.csv", "runs.jsonl"])
    }

    @Test func reportsBesideTheInputsButOutsideThePatternRun() throws {
        let scratch = ScratchFolder()
        try FileManager.default.createDirectory(atPath: scratch.file("drop"), withIntermediateDirectories: true)
        scratch.create("drop/monday.csv", "r\nA\n")
        let yaml = """
            version: 1
            name: t
            inputs: [drop/monday*.csv]
            output: {directory: drop}
            fields:
              - {name: r, type: id, column: r}
            """
        let definition = try DefinitionLoader.load(path: try DefinitionFiles.write(yaml, in: scratch))
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition), logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
    }
}
