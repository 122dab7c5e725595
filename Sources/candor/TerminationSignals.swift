import CandorCore
import CandorPipeline
import Dispatch

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// SIGINT and SIGTERM during `candor run`: the temporary files are removed, each run holding
/// its lock gets its run-log entry, and the process exits 130 or 143, as a shell reports a
/// process the signal killed. Without this a Ctrl-C or a cron timeout left `0600` temporary
/// files of answers beside the reports and no trace in the run log.
///
/// The signals are delivered to dispatch sources (their default action turned off), so the
/// cleanup runs on an ordinary thread rather than inside an async-signal handler, where
/// nothing but a few system calls would be allowed.
struct TerminationSignals {
    private let sources: [any DispatchSourceSignal]

    /// Installs the handlers; they stay installed while the value lives.
    /// - Parameter announce: called with one line before the cleanup (not with `--quiet`).
    init(announce: @escaping @Sendable (String) -> Void) {
        sources = [(SIGINT, ExitStatus.interrupted, "SIGINT"), (SIGTERM, ExitStatus.terminated, "SIGTERM")].map {
            number, status, name in
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                announce("\(name) received; temporary files removed, the previous reports kept")
                RunsInProgress.shared.stop(status: status)
                // _exit, not exit: the runs' threads are still going, and exit's teardown (atexit
                // handlers, static destructors) would run under them.
                _exit(status.rawValue)
            }
            source.resume()
            return source
        }
    }

    /// Keeps the handlers installed until `body` returns.
    func whileInstalled<Result>(_ body: () throws -> Result) rethrows -> Result {
        try withExtendedLifetime(sources) { try body() }
    }
}
