import ArgumentParser
import CandorPipeline

/// `candor history`: lists a pipeline's waves from its history, or forgets one.
struct HistoryCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "history",
        abstract: "List the waves a pipeline's history holds (n and the headline figures), or forget one.",
        discussion: """
            \(HelpExamples.block([
                "candor history Pipelines/engagement.yml",
                "candor history Pipelines/engagement.yml --json",
                "candor history Pipelines/engagement.yml --forget 2025-Q4",
            ]))

            The history is history.sqlite in the output folder unless the definition's
            output.history names another file. Exit status: 0 done, 66 no history yet, 64 no such
            wave to forget, 78 a definition error or a definition with output.history: false.
            """
    )

    @Argument(help: "The pipeline definition file (YAML).")
    var pipeline: String

    @Option(help: "Output folder, replacing the definition's output.directory (where history.sqlite is).")
    var output: String?

    @Flag(help: "Print JSON instead of a table.")
    var json = false

    @Option(help: "Remove this wave from the history.")
    var forget: String?

    func run() throws {
        let definition: PipelineDefinition
        do { definition = try DefinitionLoader.load(path: pipeline) } catch {
            throw CandorFailure(exitStatus: .configuration, message: error.description)
        }
        let request = RunRequest(definition: definition, outputOverride: output)
        do {
            if let forget {
                try HistoryQuery.forget(request, wave: forget)
                print("forgot wave \(forget) of \(definition.name)")
                return
            }
            let listing = try HistoryQuery.listing(request)
            print(json ? listing.json : listing.text, terminator: "")
        } catch {
            throw CandorFailure(exitStatus: error.status, message: error.message)
        }
    }
}
