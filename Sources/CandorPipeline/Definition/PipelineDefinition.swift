import CandorAggregate
import CandorClean
import CandorIngest

/// A pipeline definition, read and checked: every name resolved, every default filled in.
package struct PipelineDefinition: Sendable {
    /// The definition file's path.
    package var path: String
    /// SHA-256 of the definition file's bytes.
    package var sha256: String
    /// The pipeline's name (report and file names).
    package var name: String
    /// The report title.
    package var title: String
    /// Input paths or globs as written, relative to `folder`.
    package var inputs: [String]
    /// The folder holding the definition: relative paths in it resolve against this.
    package var folder: String
    /// How to read the inputs.
    package var read: ReadOptions
    /// Where reports, the rejects file and the run log go.
    package var outputDirectory: String
    /// The report files to write (`output.formats`), in `OutputFormat.allCases` order.
    package var outputFormats: [OutputFormat]
    /// Above this share of rejected records the run fails with a data-quality error (exit 65).
    package var maxRejectShare: Double
    /// `max_reject_share` when the definition does not say: a run losing more than a tenth of its
    /// records to rejects is more likely misconfigured (a wrong format or encoding) than dirty.
    package static let defaultMaxRejectShare = 0.10
    /// The typed schema, metrics, segments and privacy rules.
    package var plan: AggregationPlan
    /// `output.per_group`: the segment field whose groups each get their own report under
    /// `NAME/GROUP/` (`GroupReport`); `nil` when the definition asks for none.
    package var perGroup: String? = nil
    /// Headline sentences, in order.
    package var headlines: [HeadlineSpec]
    /// Whether free text may be quoted in reports (opt-in), and from how many respondents.
    package var freeText: FreeTextPolicy
    /// The roster of everyone invited, for response rates; `nil` without a `population:` block.
    package var population: PopulationSpec? = nil
    /// Weights by raking to the roster's margins; `nil` without a `weighting:` block.
    package var weighting: WeightingSpec? = nil
    /// `output.retain`: files holding people's answers older than this many days are deleted
    /// after each run; `nil` keeps them.
    package var retainDays: Int? = nil
    /// `output.cache`: keep each input's partial in the output folder's cache, so a later run
    /// parses only new or changed inputs (`InputCache`).
    package var cache = false
    /// The run history: where it goes, the wave, the change rules and each metric's hash.
    package var history = HistorySettings()

    /// The schema.
    package var schema: SurveySchema { plan.schema }
}

/// A headline the pipeline declares.
package enum HeadlineSpec: Sendable, Hashable {
    /// A computed metric's figure in a sentence; `template` has `{share}`, `{value}`, `{count}`,
    /// `{n}`, `{ci}` and `{label}` placeholders.
    case metric(id: String, template: String?)
    /// A figure from outside this data (such as Gallup's 82%), always labelled as such.
    case outsideEstimate(text: String, source: String)
}

/// The free-text policy: free text stays out of reports unless a pipeline opts in.
package struct FreeTextPolicy: Sendable, Hashable {
    /// Whether the pipeline opted in.
    package var allowed: Bool
    /// Minimum respondents in a group before any of its free text may be shown.
    package var minGroupSize: Int
    /// Answers quoted per text field at most.
    package var quoteLimit: Int
}
