import ArgumentParser
import CandorPipeline
import Foundation

/// `candor forget`: the answer to an erasure request for what Candor keeps.
struct ForgetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "forget",
        abstract:
            "Remove one respondent from everything a pipeline keeps: its rejects file, temporary files, cache and partials.",
        discussion: """
            The rejects file is rewritten without the respondent's rows (matched on the definition's
            id field), atomically and with the output folder's lock held. Cache entries
            (output.cache) and shard partials in the output folder that hold the respondent are
            deleted: the next run parses those inputs again. Every line printed says what was
            removed. Reports hold aggregates only; remove the person from the inputs too, then
            rerun, so the next reports do not count them.

            \(HelpExamples.block([
                "candor forget Pipelines/engagement.yml --respondent R_FZVB1KFfWCvzKJ7",
                "candor forget Pipelines/bad-boss.yml --respondent 1042 --output /reports/client-a",
            ]))

            Exit status: 0 done (also when nothing held the respondent), 78 a definition error or
            no id field, 75 a run holds the output folder, 73 a file cannot be rewritten.
            """
    )

    @Argument(help: "The pipeline definition file (YAML).")
    var pipeline: String

    @Option(help: "The respondent's id, as in the id field's column.")
    var respondent: String

    @Option(help: "Output folder, replacing the definition's output.directory.")
    var output: String?

    func run() throws {
        let definition: PipelineDefinition
        do { definition = try DefinitionLoader.load(path: pipeline) } catch {
            throw CandorFailure(exitStatus: .configuration, message: error.description)
        }
        let directory = output ?? definition.outputDirectory
        do {
            let outcome = try RespondentErasure.forget(respondent, definition: definition, outputDirectory: directory)
            let lines = outcome.lines
            print(
                lines.isEmpty ? "nothing in \(directory) held respondent \(respondent)" : lines.joined(separator: "\n"))
        } catch {
            throw CandorFailure(exitStatus: error.status, message: "\(definition.name): \(error.message)")
        }
    }
}
