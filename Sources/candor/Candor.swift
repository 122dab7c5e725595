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
        subcommands: [
            RunCommand.self, MergeCommand.self, ValidateCommand.self, InspectCommand.self, InitCommand.self,
            SampleCommand.self,
            ForgetCommand.self,
            HistoryCommand.self,
        ]
    )

    /// Runs the command; a `CandorFailure` exits with its own documented status and one line
    /// on stderr, anything else the way swift-argument-parser does (usage errors: 64).
    static func main() {
        // A closed pipe on stdout or stderr is then an EPIPE the writes ignore (stderr) or
        // report (stdout, exit 73), not a death by SIGPIPE before the run log is written.
        signal(SIGPIPE, SIG_IGN)
        // Exit only once `runToEnding` has returned: the command and the error are then released,
        // where exiting from inside it (as `exit(withError:)` does) leaves them alive at exit, and
        // LeakSanitizer reports what their enum payloads hold (it cannot follow those pointers).
        guard let ending = runToEnding() else { return }
        if !ending.message.isEmpty { (ending.toStandardOutput ? .output : StandardStream.error).write(ending.message) }
        Foundation.exit(ending.status)
    }

    /// How a command that did not simply succeed ends: what to print, where, and the status.
    private struct Ending {
        var message: String
        var toStandardOutput: Bool
        var status: Int32
    }

    /// Parses and runs the command; nil when it succeeded, else how to end.
    private static func runToEnding() -> Ending? {
        do {
            var command = try parseAsRoot()
            try command.run()
            try flushStandardOutput()
            return nil
        } catch let failure as CandorFailure {
            return Ending(
                message: "candor: error: \(failure.message)\n", toStandardOutput: false,
                status: failure.exitStatus.rawValue)
        } catch let exit as ExitCode {
            return Ending(message: "", toStandardOutput: false, status: exit.rawValue)
        } catch {
            // As `exit(withError:)` does: help (the only success here, ExitCode being caught
            // above) goes to stdout, every error to stderr.
            let message = fullMessage(for: error)
            let status = exitCode(for: error)
            return Ending(
                message: message.isEmpty ? "" : message + "\n", toStandardOutput: status.isSuccess,
                status: status.rawValue)
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
