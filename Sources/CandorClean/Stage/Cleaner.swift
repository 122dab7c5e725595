import CandorCore
import CandorIngest

/// The cleaning stage: turns ingested records into typed responses, and accounts for every
/// record that does not make it (rejected with a reason, or excluded by a filter).
///
/// One cleaner serves a whole run, input after input, so category codes and the respondent-id
/// set are shared across files. Not `Sendable`: it is used from the one thread that consumes
/// batches.
package final class Cleaner {
    /// Moved out for the length of each batch (see `clean`).
    var state: CleanerState?

    init(state: CleanerState) { self.state = state }

    /// Creates a cleaner for `schema`. With `latestWinners`, duplicates are resolved in favour
    /// of the winners found beforehand instead of the first occurrence. With a
    /// `textSampleLimit`, the first answers of each text field are kept for a pipeline that
    /// opted in to quoting free text (none by default).
    /// With a `sketchPlan` (the history on), every accepted response is added to its cells'
    /// sketches (`cellSketches`).
    package init(
        schema: SurveySchema, latestWinners: LatestResponses? = nil, textSampleLimit: Int = 0,
        sketchPlan: CellSketchPlan? = nil
    ) {
        state = CleanerState(
            schema: schema, latestWinners: latestWinners, textSampleLimit: textSampleLimit, sketchPlan: sketchPlan)
    }

    /// The sketches of the published cells' respondents; `nil` without a sketch plan.
    package var cellSketches: CellSketches? { state!.tallies.sketches }

    /// The free-text answers kept for text field `field` (see `textSampleLimit`).
    package func textSamples(ofField field: Int) -> [String] { state!.tallies.textSamples[field] }

    /// The schema being applied.
    package var schema: SurveySchema { state!.schema }

    /// The accounting so far.
    package var accounting: CleanAccounting { state!.accounting }

    /// Starts a new input: binds every field to its column(s) in `layout`.
    /// - Throws: `SchemaError.missingColumn` when the input lacks a mapped column.
    package func begin(input path: String, layout: HeaderLayout) throws(SchemaError) {
        try state!.begin(input: path, layout: layout)
    }

    /// Says that the input begun (or the part of it this cleaner reads) holds about `bytes` of
    /// data: its first batch then sizes the respondent-id set for the records that many bytes
    /// hold at that batch's rate, instead of it regrowing on the way.
    package func expect(dataBytes bytes: Int64) { state!.expectedDataBytes = bytes }

    /// The labels of a category field's codes, in code order (declared values first).
    package func labels(ofField field: Int) -> [String] { state!.labels(ofField: field) }

    /// Cleans one batch: accepted responses are appended to `responses`, rejected records are
    /// passed to `reject`.
    /// - Throws: `CleanFailure` for an invalid value of a field whose policy is `fail`.
    package func clean(
        _ batch: RecordBatch, into responses: inout ResponseBatch, reject: (Rejection) -> Void
    ) throws(CleanFailure) {
        // Moved out (not copied) for the batch, and put back even when a value fails the run.
        var working = state.take()!
        defer { state = working }
        try working.clean(batch, into: &responses, reject: reject)
    }
}
