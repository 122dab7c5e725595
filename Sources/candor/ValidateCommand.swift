import ArgumentParser
import CandorPipeline
import Foundation

/// `candor validate`: checks definitions and their inputs' headers; writes nothing.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract:
            "Check pipeline definitions and their inputs' headers, and print what a run would do. Writes nothing.",
        discussion: """
            Examples:
              candor validate Pipelines/*.yml
              candor validate Pipelines/bad-boss.yml --input /drop/client-a/export.csv

            Exit status: 0 valid, 78 a definition error or a mapped column missing from an input,
            66 an input that cannot be read.
            """
    )

    @OptionGroup var selection: PipelineArguments

    func run() throws {
        for path in selection.pipelines {
            let definition: PipelineDefinition
            do { definition = try DefinitionLoader.load(path: path) } catch {
                throw CandorFailure(exitStatus: .configuration, message: error.description)
            }
            let request = RunRequest(
                definition: definition, inputOverride: selection.inputOverride, outputOverride: selection.output)
            do {
                for line in try DefinitionCheck.describe(request) { print(line) }
            } catch {
                throw CandorFailure(exitStatus: error.status, message: error.message)
            }
        }
    }
}
