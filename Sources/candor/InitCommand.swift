import ArgumentParser
import CandorDraft
import CandorPipeline
import Foundation

/// `candor init`: a first pipeline definition for a new client's export, drafted from its data.
struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Draft a pipeline definition from survey exports: every column typed, metrics proposed.",
        discussion: """
            The draft runs unedited; each guess carries a '# guessed:' comment saying what it saw.
            Exports given together must have the same columns.

            \(HelpExamples.block([
                "candor init SampleData/bad-boss-google-forms.csv --output Pipelines/new-client.yml",
                "candor init exports/week-*.csv > new-client.yml",
            ]))
            """
    )

    @Argument(help: "Survey exports to draft from (all with the same columns).")
    var exports: [String]

    @Option(name: .shortAndLong, help: "Write the definition to this file instead of standard output.")
    var output: String?

    @Flag(help: "Replace the --output file if it exists.")
    var force = false

    @OptionGroup var read: ReadOptionArguments

    func run() throws {
        let options = try read.readOptions()
        let current = FileManager.default.currentDirectoryPath
        let folder =
            output.map { URL(fileURLWithPath: $0, relativeTo: URL(fileURLWithPath: current)) }?
            .deletingLastPathComponent().path ?? current
        if let output, !force, FileManager.default.fileExists(atPath: output) {
            throw CandorFailure(
                exitStatus: .cannotWriteOutput, message: "\(output) exists; pass --force to replace it")
        }
        let profile: ExportProfile
        do {
            profile = try ExportProfile.read(exports, options: options)
        } catch {
            throw CandorFailure(exitStatus: .unreadableInput, message: error.description)
        }
        let draft = DefinitionDraft(
            name: DraftPaths.pipelineName(for: output ?? exports[0]),
            inputs: exports.map { DraftPaths.relative($0, from: folder, current: current) }, profile: profile)
        // The schema is looked for beside the definition, then beside the candor binary (a
        // checkout's .build/…/candor).
        let executable =
            Bundle.main.executableURL
            ?? URL(fileURLWithPath: CommandLine.arguments[0], relativeTo: URL(fileURLWithPath: current))
        let schema = DraftPaths.schemaReference(
            definitionFolder: folder,
            roots: [folder, executable.resolvingSymlinksInPath().deletingLastPathComponent().path],
            current: current)
        let text = DraftWriter.render(draft, schema: schema)
        guard let output else {
            print(text, terminator: "")
            return
        }
        do {
            let writer = try AtomicFileWriter(path: output, permissions: .readableByAll)
            try writer.write(text)
            try writer.commit()
        } catch {
            throw CandorFailure(exitStatus: .cannotWriteOutput, message: "\(output): \(error)")
        }
    }
}
