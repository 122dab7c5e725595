import CandorAggregate
import CandorClean

/// Everything a report shows, assembled by the pipeline once aggregation is done.
///
/// Privacy is already applied to `metrics` (see `Figure.suppressed`); the renderers only decide
/// how to show what is here, and never show the `n` of a suppressed figure.
package struct ReportDocument: Sendable {
    /// The pipeline the report came from.
    package var pipeline: ReportPipeline
    /// The input files, in the order they were read.
    package var inputs: [ReportInput]
    /// Where every record went, and the data-quality figures.
    package var accounting: CleanAccounting
    /// The headline sentences, in the definition's order.
    package var headlines: [Headline]
    /// The metrics' results, in the definition's order.
    package var metrics: [MetricResult]
    /// The methods and thresholds in force.
    package var methods: ReportMethods
    /// What the report says about free-text answers (they are never quoted unless opted in);
    /// `nil` when there is nothing to say.
    package var freeTextNote: String?
    /// Quoted free text, per text field; empty unless the pipeline opted in.
    package var freeText: [FreeTextSection]
    /// The date the data are as of; `nil` with no `--as-of` and no timestamp value.
    package var asOf: ReportDate?
    /// Response rates against a roster; `nil` without a `population:` block.
    package var participation: ParticipationSection?
    /// Raking to the roster's margins, when the definition asks for it (`weighting:`).
    package var weighting: WeightingSection?
    /// The question text of each field that has a `label:`, by field name; reports for people
    /// print it where they would print the name (`withQuestionText`).
    package var questionText: [String: String] = [:]
    /// The theme of each block that has a `label:`, by block name.
    package var blockThemes: [String: String] = [:]
    /// The changes since the previous wave in the history; `nil` without one.
    package var waveChanges: WaveChanges?
    /// With the history on, from the second run of a wave: the cells kept from an earlier run.
    package var heldCells: HeldCells?
    /// The run's wave label (`--wave`, else the definition's `wave:`, else `current`), for
    /// outputs that file every figure under its wave (the tidy CSV).
    package var wave = TidyCSVReport.currentWave

    /// Creates a document.
    package init(
        pipeline: ReportPipeline, inputs: [ReportInput], accounting: CleanAccounting, headlines: [Headline],
        metrics: [MetricResult], methods: ReportMethods, freeTextNote: String? = nil, freeText: [FreeTextSection] = [],
        asOf: ReportDate? = nil
    ) {
        self.freeText = freeText
        self.asOf = asOf
        self.pipeline = pipeline
        self.inputs = inputs
        self.accounting = accounting
        self.headlines = headlines
        self.metrics = metrics
        self.methods = methods
        self.freeTextNote = freeTextNote
    }

    /// The metric with `id`, if the document has one.
    package func metric(id: String) -> MetricResult? {
        metrics.first { $0.id == id }
    }
}

/// The pipeline a report came from: enough to find and verify its definition.
package struct ReportPipeline: Sendable, Equatable {
    /// The definition's `name`.
    package var name: String
    /// The report heading (the definition's `title`, else its name).
    package var title: String
    /// SHA-256 of the definition file's bytes, lowercase hex.
    package var definitionSHA256: String

    /// Creates the pipeline summary.
    package init(name: String, title: String, definitionSHA256: String) {
        self.name = name
        self.title = title
        self.definitionSHA256 = definitionSHA256
    }
}

/// One input file, so a reader can check the report was made from the files they hold.
package struct ReportInput: Sendable, Equatable {
    /// The path as given (relative paths stay relative, so reports do not depend on the machine).
    package var path: String
    /// File size in bytes.
    package var bytes: Int
    /// SHA-256 of the file's bytes, lowercase hex.
    package var sha256: String
    /// Data records read from it.
    package var records: Int
    /// When the input declared no encoding, had no byte-order mark and was not UTF-8, so it was
    /// read as Windows-1252: the offset of its first byte that is not UTF-8. The data-quality
    /// section says so, since a wrong guess would change every accented letter.
    package var readAsWindows1252From: Int64?

    /// Creates an input summary.
    package init(path: String, bytes: Int, sha256: String, records: Int, readAsWindows1252From: Int64? = nil) {
        self.path = path
        self.bytes = bytes
        self.sha256 = sha256
        self.records = records
        self.readAsWindows1252From = readAsWindows1252From
    }
}
