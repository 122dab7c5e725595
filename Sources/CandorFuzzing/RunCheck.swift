import CandorPipeline
import Foundation
import Logging

/// The run target: any bytes, as the one input of a fixed pipeline (`definitionText`), make a
/// whole run in process through `PipelineRunner`, twice: cut in two parts read at once, and
/// sequentially on one thread.
///
/// Both runs end the same way with the same reports and rejects, byte for byte; neither is an
/// internal error (exit 70, which includes records that do not add up); and the records read
/// equal those accepted, rejected and excluded.
enum RunCheck {
    /// The report and rejects files a run leaves, by name.
    static let outputNames = ["fuzz.md", "fuzz.json", "fuzz.html", "fuzz.rejects.csv"]

    /// What one run left.
    struct Run: Equatable {
        /// How it ended.
        var status: ExitStatus
        /// The failure message, with the run's own output folder written as `OUTPUT`.
        var message: String?
        /// Where the records went, when the run got that far.
        var counts: RunLogEntry.Counts?
        /// The bytes of each of `outputNames` the run left.
        var files: [String: [UInt8]]
    }

    /// Runs the fixed pipeline over `bytes` both ways.
    /// - Throws: `FuzzFinding` when a run fails as a bug, does not add up, or the two differ.
    static func check(_ bytes: [UInt8]) throws(FuzzFinding) {
        let scratch = try FuzzScratch(for: .run)
        defer { scratch.remove() }
        _ = try scratch.write(bytes, as: "in.csv", for: .run)
        let definitionPath = try scratch.write(Array(definitionText.utf8), as: "fuzz.yml", for: .run)
        let definition: PipelineDefinition
        do { definition = try DefinitionLoader.load(path: definitionPath) } catch {
            throw FuzzFinding(.run, "the fixed definition does not load: \(error)")
        }
        let parted = run(definition, in: scratch, output: "parted", threaded: true)
        let sequential = run(definition, in: scratch, output: "sequential", threaded: false)
        for (way, run) in [("read in two parts", parted), ("read sequentially", sequential)] {
            guard run.status != .internalError else {
                throw FuzzFinding(.run, "the run \(way) failed as a bug (exit 70): \(run.message ?? "")")
            }
            if let counts = run.counts, counts.read != counts.accepted + counts.rejected + counts.excluded {
                throw FuzzFinding(.run, "the run \(way) does not add up: \(counts)")
            }
            if run.status == .success, run.files.count != outputNames.count {
                throw FuzzFinding(.run, "the run \(way) succeeded but wrote only \(run.files.keys.sorted())")
            }
        }
        guard parted == sequential else {
            let differing = outputNames.filter { parted.files[$0] != sequential.files[$0] }
            throw FuzzFinding(
                .run,
                "in two parts: exit \(parted.status.rawValue), \(parted.message ?? "no message"), \(String(describing: parted.counts)); sequentially: exit \(sequential.status.rawValue), \(sequential.message ?? "no message"), \(String(describing: sequential.counts)); files that differ: \(differing)"
            )
        }
    }

    /// Runs `definition` into `output` inside `scratch`; every input is cut in two, however
    /// small, when `threaded`.
    private static func run(
        _ definition: PipelineDefinition, in scratch: FuzzScratch, output: String, threaded: Bool
    ) -> Run {
        let folder = scratch.path + "/" + output
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition, outputOverride: folder, threaded: threaded, minimumPartBytes: 0),
            logger: Logger(label: "candor-fuzz") { _ in SwiftLogNoOpLogHandler() })
        var files: [String: [UInt8]] = [:]
        for name in outputNames {
            if let data = FileManager.default.contents(atPath: folder + "/" + name) { files[name] = Array(data) }
        }
        // The two runs write to different folders; a message naming its own is still the same message.
        let message = outcome.message?.replacingOccurrences(of: folder, with: "OUTPUT")
        return Run(status: outcome.status, message: message, counts: outcome.counts, files: files)
    }
}
