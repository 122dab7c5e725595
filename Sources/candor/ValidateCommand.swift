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
            \(HelpExamples.block([
                "candor validate Pipelines/*.yml",
                "candor validate Pipelines/bad-boss.yml --input /drop/client-a/export.csv",
            ]))

            Every definition is checked, even after one fails. Exit status: 0 all valid, else the
            first failure's: 78 a definition error or a mapped column missing from an input, 66 an
            input that cannot be read.
            """
    )

    @OptionGroup var selection: PipelineArguments

    /// Checks every definition, even after one fails, so one call lists every problem; each
    /// failure is named as `candor run` names it (the file for a definition that does not load,
    /// the pipeline otherwise). The exit status is the first failure's, in the order given.
    func run() throws {
        let addedFormats = try selection.addedFormats()
        var firstFailure: ExitStatus?
        for path in selection.pipelines {
            let failure = check(path, addedFormats: addedFormats)
            if let failure {
                FileHandle.standardError.write(Data("candor: error: \(failure.message)\n".utf8))
                firstFailure = firstFailure ?? failure.exitStatus
            }
        }
        if let firstFailure { throw ExitCode(firstFailure.rawValue) }
    }

    private func check(_ path: String, addedFormats: [OutputFormat]) -> CandorFailure? {
        let definition: PipelineDefinition
        do { definition = try DefinitionLoader.load(path: path) } catch {
            return CandorFailure(exitStatus: .configuration, message: error.description)
        }
        let request = RunRequest(
            definition: definition, inputOverride: selection.inputOverride, outputOverride: selection.output,
            addedFormats: addedFormats)
        do {
            for line in try DefinitionCheck.describe(request) { print(line) }
        } catch {
            return CandorFailure(exitStatus: error.status, message: "\(definition.name): \(error.message)")
        }
        return nil
    }
}
