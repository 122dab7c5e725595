import ArgumentParser
import CandorCore
import CandorPipeline
import Foundation

/// The `candor` command: survey exports in, trustworthy statistics out.
@main
struct Candor: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "candor",
        abstract: "Turns raw employee-survey exports into trustworthy statistics.",
        discussion: """
            Exit status:
            \(ExitStatus.helpText)
            """,
        version: CandorVersion.current,
        subcommands: [RunCommand.self, ValidateCommand.self, InspectCommand.self, InitCommand.self, SampleCommand.self]
    )

    /// Runs the command; a `CandorFailure` exits with its own documented status and one line
    /// on stderr, anything else the way swift-argument-parser does (usage errors: 64).
    static func main() {
        // A closed pipe on stdout or stderr is then an EPIPE the writes ignore (stderr) or
        // report (stdout, exit 73), not a death by SIGPIPE before the run log is written.
        signal(SIGPIPE, SIG_IGN)
        do {
            var command = try parseAsRoot()
            try command.run()
            try flushStandardOutput()
        } catch let failure as CandorFailure {
            StandardStream.error.write("candor: error: \(failure.message)\n")
            Foundation.exit(failure.exitStatus.rawValue)
        } catch let exit as ExitCode {
            Foundation.exit(exit.rawValue)
        } catch {
            Self.exit(withError: error)
        }
    }

    /// Pushes what `print` buffered to stdout and fails (73) if it could not be written.
    ///
    /// stdout to a file or pipe is fully buffered and `exit` flushes it silently, so
    /// `candor inspect --json … > /dev/full` would otherwise exit 0 having written nothing.
    private static func flushStandardOutput() throws {
        // fflush(nil) flushes every output stream; naming `stdout` is refused under strict
        // concurrency, and stdout is the only stream candor writes through stdio.
        guard fflush(nil) != 0 else { return }
        let reason = String(cString: strerror(errno))
        throw CandorFailure(exitStatus: .cannotWriteOutput, message: "cannot write standard output: \(reason)")
    }
}
