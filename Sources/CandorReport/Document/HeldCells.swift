/// What a run of an open wave kept from the wave's earlier publication, for the report to say so.
///
/// Between two runs of one wave, a cell (the overall, a segment row, a pair cell, a data-quality
/// count) whose respondents changed by 1 to `min_group_size − 1` keeps its last publication, and
/// enough other changed cells are kept too that no held change is a difference of published
/// figures (see `Docs/PIPELINE.md`, "Nightly runs of an open wave").
package struct HeldCells: Sendable, Equatable {
    /// Published cells showing an earlier run's figures.
    package var count: Int
    /// When every metric repeats an earlier publication (the overall changed too little): that
    /// run's time, ISO 8601 in UTC; `nil` when the overall figures are tonight's.
    package var overallSince: String?
    /// Data-quality counts showing an earlier run's value, by name (`accepted`, `rejected`…).
    package var qualityCounts: [String] = []
    /// Why nothing was held although the wave ran before (its definition changed), or `nil`.
    package var note: String?

    /// Creates the summary.
    package init(count: Int, overallSince: String? = nil, qualityCounts: [String] = [], note: String? = nil) {
        self.count = count
        self.overallSince = overallSince
        self.qualityCounts = qualityCounts
        self.note = note
    }
}
