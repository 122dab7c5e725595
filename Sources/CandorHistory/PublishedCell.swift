import Foundation

/// One cell of a wave's report as last published: what a later run of the same open wave keeps
/// showing while the cell is held (see `Docs/PIPELINE.md`, "Nightly runs of an open wave").
///
/// The content is the cell's published figures, encoded by the pipeline (never an answer); the
/// sketch summarises the respondents behind that publication as keyed hashes, so that the next
/// run can count how many of them changed.
package struct PublishedCell: Sendable, Equatable {
    /// The cell's name, e.g. `overall`, `segment:department:Sales` or `quality:accepted`.
    package var cell: String
    /// The sketch of the respondents behind the publication; `nil` for a data-quality count.
    package var sketch: [UInt8]?
    /// The published figures, as the pipeline encoded them.
    package var content: [UInt8]
    /// The run time of the run that published this content.
    package var publishedAt: Date
    /// Whether the run recording it kept an earlier publication rather than tonight's figures.
    package var held: Bool

    /// Creates a cell.
    package init(cell: String, sketch: [UInt8]?, content: [UInt8], publishedAt: Date, held: Bool) {
        self.cell = cell
        self.sketch = sketch
        self.content = content
        self.publishedAt = publishedAt
        self.held = held
    }
}

/// The cells a wave's last run published, with what they depend on.
package struct PublishedCells: Sendable, Equatable {
    /// SHA-256 of the definition the run used: cells are never carried across a changed definition.
    package var definitionSHA256: String
    /// When that run started.
    package var runTime: Date
    /// The cells, by name.
    package var cells: [String: PublishedCell]

    /// Creates the set.
    package init(definitionSHA256: String, runTime: Date, cells: [String: PublishedCell]) {
        self.definitionSHA256 = definitionSHA256
        self.runTime = runTime
        self.cells = cells
    }
}
