/// The exit codes of `candor`, following BSD `sysexits.h` so a cron wrapper can tell failures apart.
///
/// Nobody watches a nightly run; the exit code is what the wrapper script (or the mail cron sends)
/// acts on. "Another run holds the lock" in particular is `EX_TEMPFAIL`, which means "try again
/// later" rather than "something is broken". The raw values are a published interface: they
/// appear in `--help`, the README and the run log, so never renumber one.
package enum ExitStatus: Int32, Sendable, Hashable, CaseIterable {
    /// The run finished and wrote its reports.
    case success = 0
    /// The command line was wrong (`EX_USAGE`).
    case usage = 64
    /// Too many records were rejected: the share is above `max_reject_share`, or no record was
    /// accepted at all (`EX_DATAERR`).
    case dataQuality = 65
    /// An input file is missing or cannot be read (`EX_NOINPUT`).
    case unreadableInput = 66
    /// An internal error: a bug in candor, please report it (`EX_SOFTWARE`).
    case internalError = 70
    /// An output file cannot be created or written (`EX_CANTCREAT`).
    case cannotWriteOutput = 73
    /// Another run holds the output folder's lock; try again later (`EX_TEMPFAIL`).
    case locked = 75
    /// The pipeline definition is invalid (`EX_CONFIG`).
    case configuration = 78
    /// Stopped by SIGINT (Ctrl-C): 128 + 2, as a shell reports it. Temporary files were removed,
    /// the previous reports kept, and the run log has the run's entry.
    case interrupted = 130
    /// Stopped by SIGTERM (a `kill`, a cron or systemd timeout): 128 + 15, as a shell reports
    /// it; cleaned up as for `interrupted`.
    case terminated = 143

    /// The one-line description used in `--help` and the README.
    package var summary: String {
        switch self {
        case .success: "success: the reports were written"
        case .usage: "usage error: wrong command-line arguments"
        case .dataQuality: "data-quality failure: rejects above max_reject_share, or none accepted"
        case .unreadableInput: "an input file is missing or unreadable"
        case .internalError: "internal error (a bug in candor; please report it)"
        case .cannotWriteOutput: "an output file cannot be created or written"
        case .locked: "another run holds the output folder's lock; try again later"
        case .configuration: "configuration error in the pipeline definition"
        case .interrupted: "interrupted (SIGINT); the previous reports were kept"
        case .terminated: "terminated (SIGTERM); the previous reports were kept"
        }
    }

    /// The sysexits.h name of the code, for people who know the convention (for the two
    /// signal codes, the shell's convention they follow).
    package var sysexitsName: String {
        switch self {
        case .success: "EX_OK"
        case .usage: "EX_USAGE"
        case .dataQuality: "EX_DATAERR"
        case .unreadableInput: "EX_NOINPUT"
        case .internalError: "EX_SOFTWARE"
        case .cannotWriteOutput: "EX_CANTCREAT"
        case .locked: "EX_TEMPFAIL"
        case .configuration: "EX_CONFIG"
        case .interrupted: "128+SIGINT"
        case .terminated: "128+SIGTERM"
        }
    }

    /// All codes as an aligned table, one per line in ascending order, for `--help` and the README.
    ///
    /// ```
    ///   0  success: the reports were written
    ///  64  usage error: wrong command-line arguments
    /// ```
    package static var helpText: String {
        allCases
            .sorted { $0.rawValue < $1.rawValue }
            .map { status in
                let code = String(status.rawValue)
                return String(repeating: " ", count: 3 - code.count) + code + "  " + status.summary
            }
            .joined(separator: "\n")
    }
}
