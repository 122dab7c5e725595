import Foundation
import Synchronization

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What a SIGINT or SIGTERM must clean up: the temporary files written now, and the runs that
/// hold their output folder's lock and owe it a run-log entry.
///
/// A killed run used to leave its `0600` temporary files (answers, in the rejects file) and no
/// line in `runs.jsonl`. `AtomicFileWriter` enters each temporary file here while it exists,
/// `PipelineRunner` each run while it holds its lock; the `candor` command's signal handler
/// calls `stop(status:)` and exits. A run's own log entry and the handler's are claimed under
/// one lock, so a run gets exactly one entry, whichever comes first.
package final class RunsInProgress: Sendable {
    /// The process's registry.
    package static let shared = RunsInProgress()

    /// One run holding its lock.
    private struct Run {
        var request: RunRequest
        var started: Date
    }

    private struct State {
        var temporaryFiles: Set<String> = []
        var runs: [Int: Run] = [:]
        var nextRun = 0
        /// Set by `stop`: nothing new is entered after it.
        var stopping = false
    }

    private let state = Mutex(State())

    init() {}

    /// Enters a temporary file just created; `false` once the process is stopping (the caller
    /// removes the file itself and fails).
    func addTemporaryFile(_ path: String) -> Bool {
        state.withLock { state in
            guard !state.stopping else { return false }
            state.temporaryFiles.insert(path)
            return true
        }
    }

    /// Forgets a temporary file renamed into place or removed.
    func removeTemporaryFile(_ path: String) {
        _ = state.withLock { $0.temporaryFiles.remove(path) }
    }

    /// Enters a run that has just taken its lock; the number is for `claimLogEntry`.
    func begin(_ request: RunRequest, started: Date) -> Int {
        state.withLock { state in
            state.nextRun += 1
            state.runs[state.nextRun] = Run(request: request, started: started)
            return state.nextRun
        }
    }

    /// Ends run `number`: `true` when the run is to write its own log entry, `false` when a
    /// signal's handler has written it (or is writing it) already.
    func claimLogEntry(_ number: Int) -> Bool {
        state.withLock { state in
            state.runs.removeValue(forKey: number) != nil && !state.stopping
        }
    }

    /// Removes every temporary file entered and appends `status` to the run log of every run
    /// entered; later entries are refused. For a signal handler, which exits right after.
    package func stop(status: ExitStatus) {
        let (files, runs) = state.withLock { state in
            state.stopping = true
            return (state.temporaryFiles, Array(state.runs.values))
        }
        for path in files { unlink(path) }
        for run in runs {
            let entry = RunLogEntry(
                pipeline: run.request.definition.name, definitionPath: run.request.definition.path,
                definitionSHA256: run.request.definition.sha256, started: run.started, ended: Date(), inputs: [],
                counts: RunLogEntry.Counts(read: 0, accepted: 0, rejected: 0, excluded: 0), exitStatus: status)
            try? RunLog(directory: run.request.outputDirectory).append(entry)
        }
    }
}
