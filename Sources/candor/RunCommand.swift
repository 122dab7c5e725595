import ArgumentParser
import CandorPipeline
import Dispatch
import Foundation
import Logging

/// `candor run`: runs pipeline definitions, as a cron-safe batch job.
struct RunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run pipeline definitions: read the inputs, write the reports, the rejects file and the run log.",
        discussion: """
            Quiet by default: nothing on stdout, errors on stderr, so cron mails only failures.
            Reports are written atomically; a failed or killed run leaves the previous ones intact.
            One run at a time per output folder (a second exits 75 unless --wait).

            \(HelpExamples.block([
                "candor run Pipelines/bad-boss.yml",
                "candor run Pipelines/*.yml --jobs 2 --verbose",
                "candor run Pipelines/bad-boss.yml --input '/drop/client-a/*.csv' --output /reports/client-a",
                "candor run Pipelines/engagement.yml --if-changed --log-format json",
                "candor run Benchmarks/bench-w1.yml --format markdown",
            ]))

            Exit status:
            \(ExitStatus.helpText)
            """
    )

    @OptionGroup var selection: PipelineArguments

    @Option(help: "Pipelines to run at once (those sharing an output folder run one after another).")
    var jobs: Int = 1

    @Flag(help: "Wait for another run on the same output folder instead of exiting with 75.")
    var wait = false

    @Flag(
        help: "Skip a pipeline whose inputs, definition, wave and roster are unchanged since its last successful run.")
    var ifChanged = false

    @Option(help: "The wave this run records in the history (default: the definition's wave:, else current).")
    var wave: String?

    @Flag(name: .shortAndLong, help: "Print a one-line summary per pipeline on stdout.")
    var verbose = false

    @Flag(name: .shortAndLong, help: "Print nothing at all, not even errors (the exit status still tells).")
    var quiet = false

    @Option(
        help: ArgumentHelp(
            "The date the reports describe the data as of (YYYY-MM-DD); by default the latest value of the"
                + " definition's first timestamp field.", valueName: "date"))
    var asOf: String?

    @Option(help: "Log format on stderr: text or json.")
    var logFormat: String = "text"

    @Flag(help: .hidden)
    var singleThreaded = false

    @Option(
        help:
            "Run only shard I of N (from 1), or auto/N from JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID; needs --partial."
    )
    var shard: String?

    @Option(help: "Write the shard's partial here (mode 0600) for `candor merge`; no report, lock or run log.")
    var partial: String?

    mutating func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        guard StderrLogHandler.Format(rawValue: logFormat) != nil else {
            throw ValidationError("--log-format must be text or json")
        }
        guard !(verbose && quiet) else { throw ValidationError("--verbose and --quiet exclude each other") }
        if let asOf, !RunRequest.isValidAsOf(asOf) {
            throw ValidationError("--as-of must be a date written YYYY-MM-DD, such as 2026-03-31 (got '\(asOf)')")
        }
        if let wave, let problem = DefinitionLoader.waveLabelProblem(wave) {
            throw ValidationError("--wave: \(problem)")
        }
        guard (shard == nil) == (partial == nil) else { throw ValidationError("--shard and --partial go together") }
        guard shard == nil || selection.pipelines.count == 1 else {
            throw ValidationError("--shard runs one pipeline definition")
        }
    }

    func run() throws {
        let logger = makeLogger()
        if let shard, let partial { return try runShard(shard, partial: partial, logger: logger) }
        let addedFormats = try selection.addedFormats()
        // A definition that does not load fails only itself (78): the others still run, and the
        // exit status is the first failure's in command-line order, loading failures included.
        var loaded: [(index: Int, request: RunRequest)] = []
        var outcomes: [RunOutcome?] = Array(repeating: nil, count: selection.pipelines.count)
        for (index, path) in selection.pipelines.enumerated() {
            do {
                let definition = try DefinitionLoader.load(path: path)
                var request = RunRequest(
                    definition: definition, inputOverride: selection.inputOverride,
                    outputOverride: selection.output,
                    waitForLock: wait, onlyIfChanged: ifChanged, threaded: !singleThreaded,
                    addedFormats: addedFormats, asOf: asOf)
                request.waveOverride = wave
                loaded.append((index, request))
            } catch {
                logger.error("\(error.description)")
                outcomes[index] = RunOutcome(
                    pipeline: path, status: .configuration, message: error.description, counts: nil, skipped: false,
                    seconds: 0, outputs: [])
            }
        }
        let signals = TerminationSignals { [quiet] line in
            if !quiet { logger.error("\(line)") }
        }
        let ran = signals.whileInstalled { Self.runAll(loaded.map(\.request), jobs: jobs, logger: logger) }
        for (slot, outcome) in zip(loaded, ran) { outcomes[slot.index] = outcome }
        let format = StderrLogHandler.Format(rawValue: logFormat) ?? .text
        for outcome in outcomes.compactMap({ $0 }) where verbose {
            print(RunSummary.line(outcome, format: format))
        }
        if let failed = outcomes.compactMap({ $0 }).first(where: { $0.status != .success }) {
            throw ExitCode(failed.status.rawValue)
        }
    }

    private static func runAll(_ requests: [RunRequest], jobs: Int, logger: Logger) -> [RunOutcome] {
        let results = OutcomeSlots(count: requests.count)
        let semaphore = DispatchSemaphore(value: jobs)
        let group = DispatchGroup()
        // Pipelines sharing an output folder run in one lane, one after another: started side by
        // side they would lock each other out.
        for lane in RunLanes.lanes(requests) {
            semaphore.wait()
            group.enter()
            let progress = requests.count == 1 ? ProgressReporter(files: (try? requests[0].inputFiles()) ?? []) : nil
            // The thread gets its lane's requests through a handover it empties, not by capturing
            // them: a detached thread's closure outlives `group.leave()`, so a failed run's
            // `exit` could otherwise come while that thread still holds the definitions.
            let handover = LaneHandover(lane.map { (index: $0, request: requests[$0]) })
            Thread.detachNewThread {
                for (index, request) in handover.take() {
                    results.set(index, PipelineRunner.run(request, logger: logger, progress: progress))
                }
                semaphore.signal()
                group.leave()
            }
        }
        group.wait()
        return results.all
    }

    func makeLogger() -> Logger {
        let format = StderrLogHandler.Format(rawValue: logFormat) ?? .text
        let level: Logger.Level = quiet ? .critical : .warning
        return Logger(label: "candor") { label in StderrLogHandler(logLevel: level, format: format, label: label) }
    }
}

/// Outcomes filled in by concurrent pipeline runs.
private final class OutcomeSlots: @unchecked Sendable {
    // Safe: every access holds `lock`.
    private let lock = NSLock()
    private var slots: [RunOutcome?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ outcome: RunOutcome) {
        lock.lock()
        slots[index] = outcome
        lock.unlock()
    }

    var all: [RunOutcome] {
        lock.lock()
        defer { lock.unlock() }
        return slots.compactMap { $0 }
    }
}

/// One lane's requests, handed to the thread that runs them and taken out by it.
///
/// Emptied by `take()`, so the definitions are released once the lane has run, while the
/// thread's closure (which keeps the handover itself) may still be alive.
private final class LaneHandover: @unchecked Sendable {
    // Safe: written once before the thread starts, then touched only by that thread.
    private var requests: [(index: Int, request: RunRequest)]

    init(_ requests: [(index: Int, request: RunRequest)]) { self.requests = requests }

    /// The lane's requests, leaving none behind.
    func take() -> [(index: Int, request: RunRequest)] {
        defer { requests = [] }
        return requests
    }
}
