import Foundation
import Testing

@testable import CandorPipeline

/// The README stays short and the docs keep up with the code: every exit code has its row, and
/// every definition key the loader accepts is in the reference.
@Suite struct DocumentationTests {
    static func text(_ path: String) throws -> String {
        try String(contentsOfFile: DefinitionFiles.packageRoot + "/" + path, encoding: .utf8)
    }

    /// A newcomer reads the README in five minutes; the long notes live in `Docs/`.
    @Test func theReadmeIsAtMost200Lines() throws {
        let lines = try Self.text("README.md").split(separator: "\n", omittingEmptySubsequences: false)
        // A final newline leaves one empty piece after it, which is not a line.
        let count = lines.last == "" ? lines.count - 1 : lines.count
        #expect(count <= 200, "README.md has \(count) lines; move detail into Docs/")
    }

    /// Each `ExitStatus` has a row `| CODE | …` in the README's exit-status table.
    @Test(arguments: CandorPipeline.ExitStatus.allCases)
    func theReadmeListsExitStatus(_ status: CandorPipeline.ExitStatus) throws {
        let rows = try Self.text("README.md").split(separator: "\n").filter { $0.hasPrefix("| ") }
        #expect(
            rows.contains { $0.hasPrefix("| \(status.rawValue) | ") },
            "README.md has no exit-status row for \(status.rawValue) (\(status.summary))")
    }

    /// Every key the loader accepts in a field, metric or condition, and at the top level,
    /// appears in `Docs/PIPELINE.md`, as code (`` `key` ``) or written in an example (`key:`).
    @Test func thePipelineReferenceNamesEveryKey() throws {
        let reference = try Self.text("Docs/PIPELINE.md")
        let keys =
            DefinitionLoader.topKeys + ResolutionContext.fieldKeys + ResolutionContext.metricKeys
            + ResolutionContext.predicateKeys + ResolutionContext.types
        for key in Set(keys).sorted() {
            #expect(
                reference.contains("`\(key)`") || reference.contains("\(key):"),
                "Docs/PIPELINE.md does not mention `\(key)`")
        }
    }
}
