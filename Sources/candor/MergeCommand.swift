import ArgumentParser
import CandorPipeline
import Logging

/// `candor merge`: the shards' partials merged into the reports one `candor run` would write.
struct MergeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "merge",
        abstract: "Merge the partials of `candor run --shard I/N --partial PATH` into the reports.",
        discussion: """
            Checks that the partials are of this definition and format version, cover shards 1 to N
            once each, and that no input changed since its shard read it; then writes the reports,
            the rejects file and the run log, byte for byte those of one `candor run`. The merge
            reads the inputs (their list comes from the partials): it hashes every file, and reads
            again a piece whose respondent ids overlap an earlier piece's.

            \(HelpExamples.block([
                "candor run Pipelines/engagement.yml --shard 2/4 --partial /scratch/engagement-2.partial",
                "candor merge Pipelines/engagement.yml /scratch/engagement-*.partial --output /reports/engagement",
            ]))

            Exit status:
            \(ExitStatus.helpText)
            """
    )

    @Argument(help: "The pipeline definition the shards ran.")
    var pipeline: String

    @Argument(help: "The shards' partial files, all N of them, in any order.")
    var partials: [String]

    @Option(help: "Output folder, replacing the definition's output.directory.")
    var output: String?

    @Flag(help: "Wait for another run on the same output folder instead of exiting with 75.")
    var wait = false

    @Flag(name: .shortAndLong, help: "Print a one-line summary on stdout.")
    var verbose = false

    func run() throws {
        let logger = Logger(label: "candor") { label in
            StderrLogHandler(logLevel: verbose ? .info : .warning, format: .text, label: label)
        }
        let definition: PipelineDefinition
        do { definition = try DefinitionLoader.load(path: pipeline) } catch {
            throw CandorFailure(exitStatus: .configuration, message: error.description)
        }
        let request = RunRequest(
            definition: definition, inputOverride: nil, outputOverride: output, waitForLock: wait,
            onlyIfChanged: false, threaded: false)
        let outcome = PipelineRunner.run(request, logger: logger, merging: partials)
        if verbose { print(RunSummary.line(outcome, format: .text)) }
        guard outcome.status == .success else { throw ExitCode(outcome.status.rawValue) }
    }
}
