import CandorCore
import CandorIngest

/// The weight check: a record is counted with its weight only when the weight is usable.
extension CleanerState {
    /// The weight stored in `value` for the weight field `field`, or nil after rejecting the
    /// record: `missing_required` for a blank weight, `invalid_weight` for a negative, infinite
    /// or NaN one.
    ///
    /// A negative weight would subtract from a group's base and publish shares above 100%; the
    /// field's own `min`/`max` (unbounded by default) cannot be relied on to keep it out.
    mutating func checkedWeight(
        _ value: Int64, field: Int, _ batch: RecordBatch, _ record: Int, _ reject: (Rejection) -> Void
    ) -> Double? {
        let problem: (reason: ReasonCode, why: String)
        if value == Response.missing {
            problem = (.missingRequired, "the weight is blank")
        } else {
            let weight = Response.number(ofWord: value)
            if weight >= 0, weight.isFinite { return weight }
            problem = (.invalidWeight, "a weight must be a finite number of 0 or more")
        }
        let column = decoders[field].columns[0] + 1
        let name = schema.fields[field].name
        recordRejection(
            Rejection(
                provenance: batch.provenance(record), reason: problem.reason, column: column, field: name,
                detail: ": column \(column) (\(name)): \(problem.why)", rawFields: batch.rawFields(record)),
            reject)
        return nil
    }
}
