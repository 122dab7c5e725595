import ArgumentParser

/// The `candor` command: survey exports in, trustworthy statistics out.
@main
struct Candor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candor",
        abstract: "Turns raw employee-survey exports into trustworthy statistics.",
        subcommands: [InspectCommand.self, SampleCommand.self]
    )
}
