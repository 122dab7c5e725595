import ArgumentParser
import CandorIngest
import Foundation

/// `candor inspect`: what ingest sees in a new client export.
struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect",
        abstract: "Show what ingest sees in survey exports: encoding, dialect, format, columns, records.",
        discussion: """
            \(HelpExamples.block([
                "candor inspect SampleData/bad-boss-qualtrics.csv",
                "candor inspect --json exports/*.csv > shapes.jsonl",
                "candor inspect --encoding windows-1252 --delimiter ';' legacy.csv",
            ]))
            """
    )

    @Argument(help: "CSV files to inspect.")
    var files: [String]

    @Flag(help: "Print one JSON object per file instead of text.")
    var json = false

    @OptionGroup var read: ReadOptionArguments

    @Flag(help: "Count records and rejects only, without per-column values (large files are read by two threads).")
    var countOnly = false

    /// For the benchmark's one-thread comparison.
    @Flag(help: .hidden)
    var singleThreaded = false

    func run() throws {
        let options = try read.readOptions()
        for file in files {
            let inspection: InputInspection
            do {
                inspection = try InputInspection.inspect(
                    path: file, options: options, profileColumns: !countOnly, parallel: !singleThreaded)
            } catch {
                throw CandorFailure(exitStatus: .unreadableInput, message: error.description)
            }
            print(json ? InspectionRendering.json(inspection) : InspectionRendering.text(inspection))
        }
    }
}
