import CandorPipeline
import Foundation
import Logging
import Testing

/// The reports in `Reports/` are what the sample pipelines produce today.
///
/// Each sample pipeline is run into a temporary folder and every report it writes (all five
/// formats, and the per-group reports) is compared byte for byte with the committed ones; a
/// committed file no run writes any more fails too. Re-recording is deliberate:
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
        let fresh = Self.reportFiles(in: scratch)
        // Every format, for the group reports too (`output.per_group`): five per folder.
        #expect(fresh.filter { !$0.contains("/") }.count == 5, "\(fresh)")
        if record {
            for stale in Self.reportFiles(in: committedFolder) where !fresh.contains(stale) {
                try FileManager.default.removeItem(at: committedFolder.appendingPathComponent(stale))
            }
        } else {
            #expect(
                Self.reportFiles(in: committedFolder) == fresh,
                "Reports/\(pipeline) holds other files than a fresh run writes. Re-record deliberately with CANDOR_RECORD_REPORTS=1 swift test --filter SampleReportsTests"
            )
        }
        for file in fresh {
            let freshBytes = try Data(contentsOf: scratch.appendingPathComponent(file))
            let committedURL = committedFolder.appendingPathComponent(file)
            if record {
                try FileManager.default.createDirectory(
                    at: committedURL.deletingLastPathComponent(), withIntermediateDirectories: true)
                try freshBytes.write(to: committedURL, options: .atomic)
                continue
            }
            let committedBytes = (try? Data(contentsOf: committedURL)) ?? Data()
            // The workbook is a zip: compared as bytes; the text reports with their first difference.
            let difference =
                file.hasSuffix(".xlsx")
                ? "the bytes differ"
                : Self.firstDifference(
                    String(decoding: committedBytes, as: UTF8.self), String(decoding: freshBytes, as: UTF8.self))
            #expect(
                freshBytes == committedBytes,
                "Reports/\(pipeline)/\(file) is out of date: \(difference). Re-record deliberately with CANDOR_RECORD_REPORTS=1 swift test --filter SampleReportsTests"
            )
        }
    }

    /// The report files under `folder`, as sorted relative paths: every file but a run's
    /// by-products (rejects, run log, history, lock), which git ignores.
    static func reportFiles(in folder: URL) -> [String] {
        let base = folder.standardizedFileURL.path + "/"
        guard let walker = FileManager.default.enumerator(atPath: folder.path) else { return [] }
        var files: [String] = []
        while let relative = walker.nextObject() as? String {
            var isFolder: ObjCBool = false
            let path = base + relative
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder), !isFolder.boolValue else {
                continue
            }
            let name = (relative as NSString).lastPathComponent
            let byProduct =
                name.hasSuffix(".rejects.csv") || name == "runs.jsonl" || name.hasPrefix("history.sqlite")
                || name.hasPrefix(".")
            if !byProduct { files.append(relative) }
        }
        return files.sorted()
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
