import CandorAggregate
import Foundation

/// What one run of a pipeline published for one wave: the history's unit of record.
///
/// Only published aggregates are here, never a person's answers: a suppressed figure is kept as
/// suppressed, with no value, count or n.
package struct WaveRecord: Sendable, Equatable {
    /// The pipeline's name.
    package var pipeline: String
    /// The wave's label (`--wave`, the definition's `wave:`, else `current`).
    package var wave: String
    /// When the run started.
    package var runTime: Date
    /// SHA-256 of the definition file's bytes.
    package var definitionSHA256: String
    /// Accepted respondents, after dedupe and filters.
    package var respondents: Int
    /// The inputs read, in order.
    package var inputs: [WaveInput]
    /// Every metric, with the hash of its definition.
    package var metrics: [WaveMetric]
    /// Every published figure.
    package var figures: [HistoryFigure]
    /// Every cell as published (or held) by this run, for the next run of the same wave.
    package var cells: [PublishedCell] = []

    /// Creates a record.
    package init(
        pipeline: String, wave: String, runTime: Date, definitionSHA256: String, respondents: Int,
        inputs: [WaveInput], metrics: [WaveMetric], figures: [HistoryFigure]
    ) {
        self.pipeline = pipeline
        self.wave = wave
        self.runTime = runTime
        self.definitionSHA256 = definitionSHA256
        self.respondents = respondents
        self.inputs = inputs
        self.metrics = metrics
        self.figures = figures
    }

    /// The figure recorded under `key`, if any.
    package func figure(_ key: FigureKey) -> Figure? {
        figures.first { $0.key == key }?.figure
    }
}

/// One input file of a wave.
package struct WaveInput: Sendable, Equatable {
    /// The path as the run was given it.
    package var path: String
    /// SHA-256 of its bytes, lowercase hex.
    package var sha256: String
    /// Its size in bytes.
    package var bytes: Int

    /// Creates an input.
    package init(path: String, sha256: String, bytes: Int) {
        self.path = path
        self.sha256 = sha256
        self.bytes = bytes
    }
}

/// One metric of a wave and the hash of what defined it.
package struct WaveMetric: Sendable, Equatable {
    /// The metric's id.
    package var id: String
    /// Its kind's name (`share`, `nps`, …).
    package var kind: String
    /// Its label.
    package var label: String
    /// SHA-256 of its definition (question, scale, `where`): a change is never computed across two.
    package var definitionHash: String

    /// Creates a metric entry.
    package init(id: String, kind: String, label: String, definitionHash: String) {
        self.id = id
        self.kind = kind
        self.label = label
        self.definitionHash = definitionHash
    }
}

/// Where a figure sits in a report: the same key in two waves names the same figure.
package struct FigureKey: Sendable, Hashable {
    /// The metric's id.
    package var metric: String
    /// The segment table's name (`department`, `department × tenure`); empty for the overall figure.
    package var segment: String
    /// The group's labels in the segment table; empty for the overall figure.
    package var labels: [String]
    /// Which of the metric's figures: empty for its primary figure, else a detail's name
    /// (`item:NAME`, `promoters`, `option:TEXT`, …).
    package var part: String

    /// Creates a key.
    package init(metric: String, segment: String = "", labels: [String] = [], part: String = "") {
        self.metric = metric
        self.segment = segment
        self.labels = labels
        self.part = part
    }
}

/// One published figure and where it sits.
package struct HistoryFigure: Sendable, Equatable {
    /// Where it sits.
    package var key: FigureKey
    /// The figure as published (a suppressed one carries no numbers).
    package var figure: Figure

    /// Creates a history figure; a suppressed figure is stored without its n.
    package init(key: FigureKey, figure: Figure) {
        self.key = key
        self.figure = figure.suppressed ? figure.hidden(figure.suppressionReason ?? "below_threshold") : figure
        if self.figure.suppressed { self.figure.n = 0 }
    }
}
