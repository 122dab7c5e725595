import CandorPipeline
import Foundation
import Logging
import Testing

/// The reports in `Reports/` are what the sample pipelines produce today.
///
/// Each sample pipeline is run into a temporary folder and its Markdown, JSON and HTML reports are
/// compared byte for byte with the committed ones. Re-recording is deliberate:
/// `CANDOR_RECORD_REPORTS=1 swift test --filter SampleReportsTests` (or `scripts/run-sample`).
@Suite("Sample reports are current")
struct SampleReportsTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static let samplePipelines = ["bad-boss", "bad-boss-qualtrics", "bad-boss-google-forms", "engagement"]

    @Test("the committed report matches a fresh run", arguments: samplePipelines)
    func reportIsCurrent(pipeline: String) throws {
        let definitionPath = Self.packageRoot.appendingPathComponent("Pipelines/\(pipeline).yml").path
        let definition = try DefinitionLoader.load(path: definitionPath)
        let scratchFolder = ScratchFolder()
        let scratch = scratchFolder.url
        let logger = Logger(label: "test") { _ in SwiftLogNoOpLogHandler() }
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition, outputOverride: scratch.path), logger: logger)
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        let committedFolder = URL(fileURLWithPath: definition.outputDirectory)
        let record = ProcessInfo.processInfo.environment["CANDOR_RECORD_REPORTS"] == "1"
        for file in ["\(pipeline).md", "\(pipeline).json", "\(pipeline).html"] {
            let fresh = try String(contentsOf: scratch.appendingPathComponent(file), encoding: .utf8)
            let committedURL = committedFolder.appendingPathComponent(file)
            if record {
                try FileManager.default.createDirectory(at: committedFolder, withIntermediateDirectories: true)
                try fresh.write(to: committedURL, atomically: true, encoding: .utf8)
                continue
            }
            let committed = (try? String(contentsOf: committedURL, encoding: .utf8)) ?? ""
            #expect(
                fresh == committed,
                "Reports/\(pipeline)/\(file) is out of date: \(Self.firstDifference(committed, fresh)). Re-record deliberately with CANDOR_RECORD_REPORTS=1 swift test --filter SampleReportsTests"
            )
        }
    }

    /// The first differing line, for a readable failure.
    static func firstDifference(_ old: String, _ new: String) -> String {
        let oldLines = old.split(separator: "\n", omittingEmptySubsequences: false)
        let newLines = new.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(oldLines.count, newLines.count) {
            let before = index < oldLines.count ? String(oldLines[index]) : "<end of file>"
            let after = index < newLines.count ? String(newLines[index]) : "<end of file>"
            if before != after { return "line \(index + 1): committed «\(before)», now «\(after)»" }
        }
        return "no line differs"
    }
}
