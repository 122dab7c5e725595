import CandorIngest
import CandorReport
import Foundation

/// One pipeline to run, with the command line's overrides.
package struct RunRequest: Sendable {
    /// The checked definition.
    package var definition: PipelineDefinition
    /// Inputs given with `--input` (paths or globs), replacing the definition's.
    package var inputOverride: [String]?
    /// Output folder given with `--output`, replacing the definition's.
    package var outputOverride: String?
    /// Wait for another run holding the output folder's lock instead of failing at once.
    package var waitForLock: Bool
    /// Skip the run when the inputs and the definition are unchanged since the last success.
    package var onlyIfChanged: Bool
    /// Use both cores (read large inputs in two parts at once, parse the rest on a thread of
    /// its own); off only for measuring the difference.
    package var threaded: Bool
    /// Inputs with at least this many bytes of data are read in two parts at once (when
    /// `threaded`); tests lower it to cut small files.
    package var minimumPartBytes: Int64
    /// Formats given with `--format`, written besides the definition's `output.formats`.
    package var addedFormats: [OutputFormat]
    /// The report's date given with `--as-of`; `nil`: the latest value of the first timestamp
    /// field, if any.
    package var asOf: ReportDate?
    /// The wave given with `--wave`, replacing the definition's.
    package var waveOverride: String?
    /// The run time the history records (and participation by night shows); `nil`: when the
    /// run started, by the wall clock. Tests fix it so that their reports are the same bytes.
    package var runTime: Date?

    /// Creates a request.
    package init(
        definition: PipelineDefinition, inputOverride: [String]? = nil, outputOverride: String? = nil,
        waitForLock: Bool = false, onlyIfChanged: Bool = false, threaded: Bool = true,
        minimumPartBytes: Int64 = ParallelIngest.defaultMinimumPartBytes, addedFormats: [OutputFormat] = [],
        asOf: String? = nil
    ) {
        self.asOf = asOf.flatMap { ReportDate(iso: $0) }
        self.definition = definition
        self.inputOverride = inputOverride
        self.outputOverride = outputOverride
        self.waitForLock = waitForLock
        self.onlyIfChanged = onlyIfChanged
        self.threaded = threaded
        self.minimumPartBytes = minimumPartBytes
        self.addedFormats = addedFormats
    }

    /// Whether `text` is a date `--as-of` accepts: `YYYY-MM-DD`, a real calendar day.
    package static func isValidAsOf(_ text: String) -> Bool { ReportDate(iso: text) != nil }

    /// The input files in force: `--input` (relative to the current folder) or the definition's.
    package func inputFiles() throws(RunFailure) -> [InputFile] {
        if let inputOverride { return try InputExpansion.expand(inputOverride, relativeTo: nil) }
        return try InputExpansion.expand(definition.inputs, relativeTo: definition.folder)
    }

    /// The output folder in force.
    package var outputDirectory: String { outputOverride ?? definition.outputDirectory }

    /// The report formats this run writes: the definition's and `--format`'s, each once.
    package var formats: [OutputFormat] { OutputFormat.ordered(definition.outputFormats + addedFormats) }

    /// The path of the report in `format`: `NAME.EXTENSION` inside `outputDirectory`.
    package func reportPath(_ format: OutputFormat) -> String {
        outputDirectory + "/\(definition.name).\(format.fileExtension)"
    }

    /// The paths of the reports this run writes, in `formats` order.
    package var reportPaths: [String] { formats.map(reportPath) }
    /// The rejects file's path.
    package var rejectsPath: String { outputDirectory + "/\(definition.name).rejects.csv" }
}

/// What a run did.
package struct RunOutcome: Sendable {
    /// The pipeline's name.
    package var pipeline: String
    /// The exit status.
    package var status: ExitStatus
    /// The failure message, if it failed.
    package var message: String?
    /// Records read, accepted, rejected and excluded (when the run got that far).
    package var counts: RunLogEntry.Counts?
    /// Skipped by `--if-changed`.
    package var skipped: Bool
    /// Seconds the run took.
    package var seconds: Double
    /// The reports written.
    package var outputs: [String]
    /// What a successful run under `output.cache: true` took from the cache.
    package var cache: CacheUse? = nil

    /// Creates an outcome.
    package init(
        pipeline: String, status: ExitStatus, message: String?, counts: RunLogEntry.Counts?, skipped: Bool,
        seconds: Double, outputs: [String]
    ) {
        self.pipeline = pipeline
        self.status = status
        self.message = message
        self.counts = counts
        self.skipped = skipped
        self.seconds = seconds
        self.outputs = outputs
    }
}
