import CandorCore

/// Everything the cleaning stage counts, as one value: where the records went, the
/// data-quality counts and the free-text samples.
///
/// A part of an input read on its own starts from an empty tally of the same shape (`empty()`),
/// and absorbing it is `merge`: no counter is reset or added by hand, so a new one cannot be
/// forgotten in either place. `CleanAccounting`, the figures the report shows, is worked out
/// from a tally by `accounting(schema:inputInProgress:)`.
struct CleanTallies: Mergeable {
    /// Data records read, in all.
    var read = 0
    /// Responses accepted, in all.
    var accepted = 0
    /// Records rejected, by reason.
    var rejectedByReason: [ReasonCode: Int] = [:]
    /// Responses excluded, by filter name.
    var excludedByFilter: [String: Int] = [:]
    /// Counts of the inputs finished, by path.
    var finishedInputs: [String: CleanAccounting.InputCounts] = [:]
    /// Counts of the input in progress, kept apart so the hot path does no dictionary lookup.
    var current = CleanAccounting.InputCounts()
    /// Blank, non-answer and invalid-as-missing counts per field, mark by mark (the count of
    /// quality mark m for field f at (m − 1) × fields + f), in one flat array so that accepting
    /// a response does no dictionary lookup and makes one array unique, not one per mark.
    var qualityCounts: [Int]
    /// Per block: the responses that answered every item the same way.
    var straightLiners: [Int]
    /// Records identical in every field to an earlier one.
    var identicalRows = 0
    /// Per block: the responses that answered every item (the straight-lining base).
    var answeredWholeBlock: [Int]
    /// Per field: the first free-text answers of accepted responses, in input order, at most
    /// `textSampleLimit` each (empty for fields that are not free text).
    var textSamples: [[String]]
    /// At most this many free-text answers are kept per field (0: none).
    let textSampleLimit: Int
    /// The latest value (seconds since the epoch) of the schema's first timestamp field among
    /// accepted responses; `nil` before any. A maximum merges exactly, so a two-part read agrees.
    var latestTimestamp: Int64?
    /// The sketches of the cells' respondents, when the history is on (`CellSketchPlan`).
    var sketches: CellSketches?

    /// An empty tally for a schema of `fieldCount` fields and `blockCount` blocks.
    init(fieldCount: Int, blockCount: Int, textSampleLimit: Int) {
        qualityCounts = Array(repeating: 0, count: 3 * fieldCount)
        straightLiners = Array(repeating: 0, count: blockCount)
        answeredWholeBlock = Array(repeating: 0, count: blockCount)
        textSamples = Array(repeating: [], count: fieldCount)
        self.textSampleLimit = textSampleLimit
    }

    /// An empty tally of the same shape, for a part of the input read on its own.
    func empty() -> CleanTallies {
        var tallies = CleanTallies(
            fieldCount: textSamples.count, blockCount: straightLiners.count, textSampleLimit: textSampleLimit)
        tallies.sketches = sketches.map { CellSketches(capacity: $0.capacity) }
        return tallies
    }

    /// Counts a record read from the input in progress.
    @inline(__always) mutating func countRead() {
        read += 1
        current.read += 1
    }

    /// Counts a response accepted (its quality marks and blocks are counted by the caller).
    @inline(__always) mutating func countAccepted() {
        accepted += 1
        current.accepted += 1
    }

    /// Keeps `seconds` when it is the latest timestamp so far.
    mutating func noteTimestamp(_ seconds: Int64) {
        latestTimestamp = max(latestTimestamp ?? seconds, seconds)
    }

    /// Counts a record rejected for `reason`.
    mutating func countRejected(_ reason: ReasonCode) {
        rejectedByReason[reason, default: 0] += 1
        current.rejected += 1
    }

    /// Counts a response excluded by the filter named `filter`.
    mutating func countExcluded(_ filter: String) {
        excludedByFilter[filter, default: 0] += 1
        current.excluded += 1
    }

    /// Files the counts of the input in progress under `path` (none before the first input)
    /// and starts the next input's from zero.
    mutating func finishInput(_ path: String) {
        if !path.isEmpty { finishedInputs[path] = current }
        current = CleanAccounting.InputCounts()
    }

    /// Adds `other`'s counts; its input in progress continues this one's, and its free-text
    /// answers come after this tally's (as many as the limit leaves room for).
    mutating func merge(_ other: CleanTallies) {
        read += other.read
        accepted += other.accepted
        rejectedByReason.merge(other.rejectedByReason, uniquingKeysWith: +)
        excludedByFilter.merge(other.excludedByFilter, uniquingKeysWith: +)
        finishedInputs.merge(other.finishedInputs) { $0.adding($1) }
        current = current.adding(other.current)
        qualityCounts.addElementwise(other.qualityCounts)
        straightLiners.addElementwise(other.straightLiners)
        identicalRows += other.identicalRows
        answeredWholeBlock.addElementwise(other.answeredWholeBlock)
        if let latest = other.latestTimestamp { noteTimestamp(latest) }
        if let theirs = other.sketches { sketches?.merge(theirs) }
        for field in textSamples.indices where field < other.textSamples.count {
            let room = max(textSampleLimit - textSamples[field].count, 0)
            textSamples[field].append(contentsOf: other.textSamples[field].prefix(room))
        }
    }

    /// The figures of the stage so far, with fields and blocks named from `schema`, and the
    /// input in progress filed under `inputInProgress` (empty before the first input).
    func accounting(schema: SurveySchema, inputInProgress: String) -> CleanAccounting {
        var result = CleanAccounting()
        result.read = read
        result.accepted = accepted
        result.rejectedByReason = rejectedByReason
        result.excludedByFilter = excludedByFilter
        result.perInput = finishedInputs
        result.latestTimestamp = latestTimestamp
        result.identicalRows = schema.countsIdenticalRows ? identicalRows : nil
        if !inputInProgress.isEmpty { result.perInput[inputInProgress] = current }
        let width = schema.fields.count
        for (field, spec) in schema.fields.enumerated() {
            if qualityCounts[field] > 0 { result.blanks[spec.name] = qualityCounts[field] }
            if qualityCounts[width + field] > 0 { result.nonAnswers[spec.name] = qualityCounts[width + field] }
            if qualityCounts[2 * width + field] > 0 {
                result.invalidAsMissing[spec.name] = qualityCounts[2 * width + field]
            }
        }
        // A one-item block cannot be straight-lined: every respondent would be "flagged".
        for (index, block) in schema.blocks.enumerated() where block.fields.count > 1 {
            result.straightLining[block.name] = (straightLiners[index], answeredWholeBlock[index])
        }
        return result
    }
}

extension CleanAccounting.InputCounts {
    /// These counts and `other`'s, added.
    func adding(_ other: Self) -> Self {
        Self(
            read: read + other.read, accepted: accepted + other.accepted, rejected: rejected + other.rejected,
            excluded: excluded + other.excluded)
    }
}
