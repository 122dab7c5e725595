import Foundation

/// One line of `runs.jsonl`: what a run read, what it made of it, and how it ended.
///
/// `--if-changed` compares the last successful entry's definition and input checksums with
/// tonight's to skip work; people read the log to see when the numbers last changed and why.
/// Keys are snake_case and written sorted; dates are UTC with milliseconds
/// (`2026-03-02T02:00:00.125Z`). Adding a key is compatible; renaming one is not.
package struct RunLogEntry: Codable, Sendable, Hashable {
    /// One input file as it was read.
    package struct Input: Codable, Sendable, Hashable {
        /// The path as the definition or `--input` named it.
        package var path: String
        /// Its size in bytes.
        package var bytes: Int64
        /// SHA-256 of its bytes, lowercase hex.
        package var sha256: String
        /// Data records read from it.
        package var records: Int

        /// Creates an input record.
        package init(path: String, bytes: Int64, sha256: String, records: Int) {
            self.path = path
            self.bytes = bytes
            self.sha256 = sha256
            self.records = records
        }
    }

    /// Where the records went; `read == accepted + rejected + excluded`.
    package struct Counts: Codable, Sendable, Hashable {
        /// Records read from all inputs.
        package var read: Int
        /// Records that entered the statistics.
        package var accepted: Int
        /// Records written to the rejects file.
        package var rejected: Int
        /// Records left out by a filter, with a counted reason.
        package var excluded: Int

        /// Creates counts.
        package init(read: Int, accepted: Int, rejected: Int, excluded: Int) {
            self.read = read
            self.accepted = accepted
            self.rejected = rejected
            self.excluded = excluded
        }
    }

    /// The pipeline's `name`.
    package var pipeline: String
    /// Path of the definition file.
    package var definitionPath: String
    /// SHA-256 of the definition file's bytes.
    package var definitionSHA256: String
    /// When the run started (millisecond precision once written).
    package var started: Date
    /// When the run ended.
    package var ended: Date
    /// `ended - started` in seconds, from the millisecond-rounded instants.
    package var durationSeconds: Double
    /// The inputs in the order read.
    package var inputs: [Input]
    /// Record counts.
    package var counts: Counts
    /// The process's exit code (`ExitStatus.rawValue`).
    package var exitCode: Int32
    /// The wave the run reported (`--wave`, the definition's `wave:`, else `current`); absent in
    /// entries written before it was recorded.
    package var wave: String?
    /// SHA-256 of the `population:` roster the run read, if it had one: response rates change
    /// with it, so `--if-changed` must see it.
    package var populationSHA256: String?

    /// Creates an entry; the duration is computed from the two instants.
    package init(
        pipeline: String, definitionPath: String, definitionSHA256: String, started: Date, ended: Date,
        inputs: [Input], counts: Counts, exitStatus: ExitStatus, wave: String? = nil, populationSHA256: String? = nil
    ) {
        self.pipeline = pipeline
        self.definitionPath = definitionPath
        self.definitionSHA256 = definitionSHA256
        self.started = started
        self.ended = ended
        let elapsed = ISO8601Milliseconds.milliseconds(ended) - ISO8601Milliseconds.milliseconds(started)
        durationSeconds = Double(elapsed) / 1000
        self.inputs = inputs
        self.counts = counts
        exitCode = exitStatus.rawValue
        self.wave = wave
        self.populationSHA256 = populationSHA256
    }

    /// Whether the run succeeded (exit code 0).
    package var succeeded: Bool { exitCode == ExitStatus.success.rawValue }

    private enum CodingKeys: String, CodingKey {
        case pipeline, started, ended, inputs, counts, wave
        case populationSHA256 = "population_sha256"
        case definitionPath = "definition_path"
        case definitionSHA256 = "definition_sha256"
        case durationSeconds = "duration_seconds"
        case exitCode = "exit_code"
    }
}
