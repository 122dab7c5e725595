import CandorAggregate
import CandorClean
import CandorCore
import CandorIngest
import CandorReport
import Foundation
import Logging

/// Runs one pipeline: ingest → clean → aggregate → report, as one streaming pass per input,
/// with cron-safe output (a lock per output folder, atomic writes, a run log).
package enum PipelineRunner {
    /// Runs `request`; never throws: every failure becomes an outcome with its exit status,
    /// and the previous reports stay as they were. With `merging`, the pass is not read from the
    /// inputs but merged from the shards' partials at those paths (`candor merge`).
    package static func run(
        _ request: RunRequest, logger: Logger, progress: ProgressReporter? = nil, merging: [String]? = nil
    ) -> RunOutcome {
        let started = Date()
        let name = request.definition.name
        var counts: RunLogEntry.Counts?
        var inputs: [RunLogEntry.Input] = []
        var entered: Int?
        do {
            let outcome = try execute(
                request, logger: logger, progress: progress, merging: merging, started: started, counts: &counts,
                inputs: &inputs, entered: &entered)
            return outcome
        } catch {
            logger.error("\(name): \(error.message)")
            // A locked run must not write beside the holder; with no output folder, or a symbolic
            // link in the run log's place, there is no run log to append to (and a warning about
            // it would bury the real error). A signal's handler may have written this run's entry
            // already.
            let owesEntry = entered.map { RunsInProgress.shared.claimLogEntry($0) } ?? true
            if owesEntry, error.status != .locked, FileManager.default.fileExists(atPath: request.outputDirectory),
                (try? RunLog(directory: request.outputDirectory).refuseSymbolicLink()) != nil
            {
                appendRunLog(
                    request, started: started, inputs: inputs, counts: counts, status: error.status, logger: logger)
            }
            return RunOutcome(
                pipeline: name, status: error.status, message: error.message, counts: counts, skipped: false,
                seconds: Date().timeIntervalSince(started), outputs: [])
        }
    }

    private static func execute(
        _ request: RunRequest, logger: Logger, progress: ProgressReporter?, merging: [String]?, started: Date,
        counts: inout RunLogEntry.Counts?, inputs: inout [RunLogEntry.Input], entered: inout Int?
    ) throws(RunFailure) -> RunOutcome {
        let definition = request.definition
        let directory = request.outputDirectory
        try request.checkInputsMissOutputs()
        try OutputFolder.create(directory)
        let lock = OutputLock(directory: directory)
        do { try lock.acquire(wait: request.waitForLock) } catch {
            throw RunFailure(error.exitStatus, error.description)
        }
        defer { lock.release() }
        do { try RunLog(directory: directory).refuseSymbolicLink() } catch {
            throw RunFailure(error.exitStatus, error.description)
        }
        // From here a signal ends the run with a log entry of its own (see `RunsInProgress`).
        let number = RunsInProgress.shared.begin(request, started: started)
        entered = number
        // After the folder exists, so a glob matching nothing is in the run log like a missing file.
        let files = merging == nil ? try request.inputFiles() : []
        StaleTemporaryFiles.remove(besides: request.reportPaths + [request.rejectsPath]) {
            logger.info("\(definition.name): \($0)")
        }

        if request.onlyIfChanged, merging == nil,
            let skipped = try unchangedSinceLastSuccess(
                request, files: files, logger: logger, started: started, entered: number)
        {
            return skipped
        }
        // Read before the responses, so a broken roster stops the run before the long pass.
        let roster = try definition.population.map { spec throws(RunFailure) in try Roster.read(spec) }
        let rejects: RejectsWriter
        do { rejects = try RejectsWriter(path: request.rejectsPath) } catch {
            throw RunFailure(error.exitStatus, error.description)
        }
        var published = false
        defer { if !published { rejects.abandon() } }
        // Before the pass: the cleaner sketches each cell's respondents with the history's key.
        let sketchKey = try RunHistory.sketchKey(request)
        let sketchPlan = sketchKey.map { CellHolding.sketchPlan(definition: definition, key: $0) }

        let pass: StreamingPass
        var cache: CacheUse?
        if let merging {
            pass = try PartialMerge.pass(
                merging, definition: definition, rejects: rejects, outputDirectory: directory, roster: roster,
                logger: logger, sketchPlan: sketchPlan)
        } else {
            let run = try IncrementalPass.run(
                definition: definition, files: files, request: request, rejects: rejects, roster: roster,
                logger: logger, progress: progress, sketchPlan: sketchPlan)
            (pass, cache) = (run.pass, run.cache)
        }
        inputs = pass.inputs
        let accounting = pass.accounting
        counts = RunLogEntry.Counts(
            read: accounting.read, accepted: accounting.accepted, rejected: accounting.rejected,
            excluded: accounting.excluded)
        guard accounting.balances else {
            throw RunFailure(
                .internalError,
                "records do not add up (read \(accounting.read) ≠ accepted + rejected + excluded); this is a bug")
        }
        if let failure = dataQualityFailure(accounting, request: request) {
            // The rejects file is what the analyst needs to see why; the reports stay as they were.
            do { try rejects.commit() } catch { throw RunFailure(error.exitStatus, error.description) }
            published = true
            throw failure
        }
        var document = try ReportAssembly.document(
            definition: definition, pass: pass, asOf: request.asOf, roster: roster)
        let history = try RunHistory(request)
        let runTime = request.runTime ?? started
        // Before anything reads the figures: every format and the history get the held ones.
        let cells = try history.hold(&document, sketches: pass.cellSketches, key: sketchKey, started: runTime)
        document.waveChanges = try history.changes(for: document)
        document.wave = request.waveLabel
        let night = RunHistory.night(of: document, runTime: runTime)
        document.participation?.byNight = try history.nights(adding: night)
        // A share outside [0, 1] can only come from a bug upstream; failing (exit 70) beats
        // publishing it, and the previous reports stay.
        do { try document.checkShares() } catch { throw RunFailure(.internalError, error.description) }
        var outputs = request.reportPaths + [request.rejectsPath]
        do {
            var files: [AtomicFileWriter] = []
            for format in request.formats {
                let renderer = format.renderer
                let file = try AtomicFileWriter(path: request.reportPath(format), permissions: .readableByAll)
                files.append(file)
                try renderer.write(document, to: file)
            }
            let groups = try GroupReportFiles.write(document, request: request)
            outputs += groups.paths
            try AtomicFileWriter.commitAll(files + groups.files + [rejects.file])
            published = true
        } catch {
            throw RunFailure(error.exitStatus, error.description)
        }
        // Only what was published is recorded; one transaction, so a kill leaves the last record.
        try history.record(document, started: runTime, night: night, cells: cells)
        // At most one cache entry per present input; none once the cache is off. Not for a
        // merge, which reads no cache.
        if merging == nil {
            InputCache.prune(outputDirectory: directory, pipeline: definition.name, keeping: cache?.entries ?? [])
        }
        pruneExpired(request, logger: logger)
        if RunsInProgress.shared.claimLogEntry(number) {
            appendRunLog(request, started: started, inputs: inputs, counts: counts, status: .success, logger: logger)
        }
        logger.info(
            "\(definition.name): read \(accounting.read), accepted \(accounting.accepted), rejected \(accounting.rejected), excluded \(accounting.excluded)"
        )
        var outcome = RunOutcome(
            pipeline: definition.name, status: .success, message: nil, counts: counts, skipped: false,
            seconds: Date().timeIntervalSince(started), outputs: outputs)
        outcome.cache = cache
        return outcome
    }

    private static func unchangedSinceLastSuccess(
        _ request: RunRequest, files: [InputFile], logger: Logger, started: Date, entered: Int
    ) throws(RunFailure) -> RunOutcome? {
        let log = RunLog(directory: request.outputDirectory)
        guard let last = try? log.lastSuccessful(pipeline: request.definition.name) else { return nil }
        var current: [RunLogEntry.Input] = []
        for file in files {
            guard let sum = FileChecksum.sha256(of: file.path) else { return nil }
            current.append(RunLogEntry.Input(path: file.displayName, bytes: sum.bytes, sha256: sum.sha256, records: 0))
        }
        // The wave and the roster change the reports without changing a response file.
        let unchanged =
            last.definitionSHA256 == request.definition.sha256
            && last.wave == request.waveLabel && last.populationSHA256 == populationChecksum(request)
            && last.inputs.map(\.sha256) == current.map(\.sha256) && last.inputs.map(\.path) == current.map(\.path)
            && last.inputs.map(\.bytes) == current.map(\.bytes)
        // A report deleted (or never published by a run killed before its commit) is written
        // again, whatever the inputs.
        let published = (request.reportPaths + [request.rejectsPath]).allSatisfy {
            FileManager.default.fileExists(atPath: $0)
        }
        guard unchanged && published else { return nil }
        logger.info(
            "\(request.definition.name): inputs and definition unchanged since the last successful run; skipped")
        pruneExpired(request, logger: logger)
        // Every run leaves its line, a skipped one too: same inputs, so the last run's counts.
        if RunsInProgress.shared.claimLogEntry(entered) {
            appendRunLog(
                request, started: started, inputs: last.inputs, counts: last.counts, status: .success, logger: logger)
        }
        return RunOutcome(
            pipeline: request.definition.name, status: .success, message: nil, counts: nil, skipped: true,
            seconds: Date().timeIntervalSince(started), outputs: [])
    }

    /// `output.retain`: deletes the folder's files holding answers older than the retention.
    private static func pruneExpired(_ request: RunRequest, logger: Logger) {
        guard let days = request.definition.retainDays else { return }
        for name in RetentionPruning.prune(directory: request.outputDirectory, days: days) {
            logger.info("\(request.definition.name): removed \(name), older than output.retain (\(days) days)")
        }
    }

    private static func appendRunLog(
        _ request: RunRequest, started: Date, inputs: [RunLogEntry.Input], counts: RunLogEntry.Counts?,
        status: ExitStatus, logger: Logger
    ) {
        let entry = RunLogEntry(
            pipeline: request.definition.name, definitionPath: request.definition.path,
            definitionSHA256: request.definition.sha256,
            started: started, ended: Date(), inputs: inputs,
            counts: counts ?? RunLogEntry.Counts(read: 0, accepted: 0, rejected: 0, excluded: 0), exitStatus: status,
            wave: request.waveLabel, populationSHA256: populationChecksum(request))
        do { try RunLog(directory: request.outputDirectory).append(entry) } catch {
            logger.warning("could not append to the run log: \(error.description)")
        }
    }

    /// SHA-256 of the definition's roster, if it names one (nil also when it cannot be read:
    /// such a run fails, and the next one is never skipped).
    private static func populationChecksum(_ request: RunRequest) -> String? {
        request.definition.population.flatMap { FileChecksum.sha256(of: $0.path)?.sha256 }
    }

    /// Why the pass's records cannot be published, if they cannot: too large a share rejected,
    /// or no record accepted at all (a report on nobody would only look like a result).
    private static func dataQualityFailure(_ accounting: CleanAccounting, request: RunRequest) -> RunFailure? {
        let maximum = request.definition.maxRejectShare
        let rejectShare = accounting.read == 0 ? 0 : Double(accounting.rejected) / Double(accounting.read)
        if rejectShare > maximum {
            return RunFailure(
                .dataQuality,
                "\(percent(rejectShare)) of records were rejected (\(accounting.rejected) of \(accounting.read)), above max_reject_share \(percent(maximum)); see \(request.rejectsPath)"
            )
        }
        guard accounting.accepted == 0 else { return nil }
        return RunFailure(
            .dataQuality,
            "no record was accepted (read \(accounting.read), rejected \(accounting.rejected), excluded \(accounting.excluded)); nothing to report. See \(request.rejectsPath)"
        )
    }

    static func percent(_ share: Double) -> String { String(format: "%.1f%%", share * 100) }
}
