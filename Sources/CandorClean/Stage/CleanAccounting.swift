import CandorCore

/// Where every record went, and the data-quality figures of the cleaning stage.
///
/// The invariant `read == accepted + rejected + excluded` holds at every moment between
/// records, per input and in total.
package struct CleanAccounting: Sendable, Equatable {
    /// Data records read (after header rows; blank lines are not records).
    package var read = 0
    /// Responses that reached the statistics.
    package var accepted = 0
    /// Records rejected, by reason.
    package var rejectedByReason: [ReasonCode: Int] = [:]
    /// Responses excluded, by filter name.
    package var excludedByFilter: [String: Int] = [:]
    /// Per field name: blank answers among accepted responses.
    package var blanks: [String: Int] = [:]
    /// Per field name: declared non-answers ("Don't know") among accepted responses.
    package var nonAnswers: [String: Int] = [:]
    /// Per field name: invalid values kept as non-response (`on_invalid: missing`).
    package var invalidAsMissing: [String: Int] = [:]
    /// Per block name: responses that answered every item the same way, and responses that
    /// answered every item (the base).
    package var straightLining: [String: (flagged: Int, answeredAll: Int)] = [:]
    /// Records identical in every field to an earlier record (well-formed records only, whatever
    /// became of them); `nil` where they are not counted, because an id rule dedupes the records
    /// (see `SurveySchema.countsIdenticalRows`).
    package var identicalRows: Int?
    /// Per input path: read, accepted, rejected and excluded.
    package var perInput: [String: InputCounts] = [:]
    /// The latest value of the schema's first timestamp field among accepted responses, in
    /// seconds since 1970-01-01T00:00:00Z; `nil` with no such field or no such value. The report's
    /// date comes from it when `--as-of` does not give one.
    package var latestTimestamp: Int64?

    /// Counts for one input.
    package struct InputCounts: Sendable, Equatable {
        /// Records read.
        package var read = 0
        /// Accepted.
        package var accepted = 0
        /// Rejected.
        package var rejected = 0
        /// Excluded by a filter.
        package var excluded = 0

        /// Creates the counts of one input.
        package init(read: Int = 0, accepted: Int = 0, rejected: Int = 0, excluded: Int = 0) {
            self.read = read
            self.accepted = accepted
            self.rejected = rejected
            self.excluded = excluded
        }
    }

    /// Records rejected in all.
    package var rejected: Int { rejectedByReason.values.reduce(0, +) }
    /// Responses excluded in all.
    package var excluded: Int { excludedByFilter.values.reduce(0, +) }
    /// Whether every record is accounted for.
    package var balances: Bool { read == accepted + rejected + excluded }

    package static func == (lhs: CleanAccounting, rhs: CleanAccounting) -> Bool {
        lhs.read == rhs.read && lhs.accepted == rhs.accepted && lhs.rejectedByReason == rhs.rejectedByReason
            && lhs.excludedByFilter == rhs.excludedByFilter && lhs.blanks == rhs.blanks
            && lhs.nonAnswers == rhs.nonAnswers && lhs.invalidAsMissing == rhs.invalidAsMissing
            && lhs.straightLining.mapValues { [$0.flagged, $0.answeredAll] }
                == rhs.straightLining.mapValues { [$0.flagged, $0.answeredAll] }
            && lhs.perInput == rhs.perInput && lhs.latestTimestamp == rhs.latestTimestamp
            && lhs.identicalRows == rhs.identicalRows
    }
}
