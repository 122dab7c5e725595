import CandorAggregate
import CandorClean
import CandorHistory
import CandorReport
import Foundation

/// A run's use of the history: before the reports, the previous wave to compare with; after
/// them, this wave's record.
struct RunHistory {
    /// The store; `nil` when the history is off.
    let store: HistoryStore?
    let request: RunRequest

    /// Opens the history in force (creating it), or none when it is off.
    ///
    /// - Throws: `RunFailure` (cannot write output) when the file cannot be opened or migrated;
    ///   nothing has been published then.
    init(_ request: RunRequest) throws(RunFailure) {
        self.request = request
        guard let path = request.historyPath else {
            store = nil
            return
        }
        do { store = try HistoryStore(path: path) } catch {
            throw RunFailure(.cannotWriteOutput, error.description)
        }
    }

    /// The changes of `document`'s metrics since the previous wave, if the history has one.
    func changes(for document: ReportDocument) throws(RunFailure) -> WaveChanges? {
        guard let store else { return nil }
        let settings = request.definition.history
        do {
            let recent = try store.waves(
                pipeline: request.definition.name, excluding: request.waveLabel, limit: settings.trendWaves - 1)
            var ids: [String] = []
            for case .metric(let id, _) in request.definition.headlines where !ids.contains(id) { ids.append(id) }
            if ids.isEmpty { ids = document.metrics.map(\.id) }
            return WaveChangeAssembly.changes(
                metrics: document.metrics, wave: request.waveLabel, previous: recent.first, recent: recent,
                settings: settings, headlineIDs: ids)
        } catch {
            throw RunFailure(.cannotWriteOutput, error.description)
        }
    }

    /// The key the cleaner sketches cells with (see `CellHolding`), before the pass: the history's
    /// own when it exists, else a new random one that `hold` stores with the first record (so a
    /// run that fails before publishing leaves no history behind). `nil` when the history is off,
    /// so that a run without history pays nothing.
    static func sketchKey(_ request: RunRequest) throws(RunFailure) -> [UInt8]? {
        guard let path = request.historyPath else { return nil }
        guard FileManager.default.fileExists(atPath: path) else {
            var generator = SystemRandomNumberGenerator()
            return (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        }
        do { return try HistoryStore(path: path, create: false).holdKey() } catch {
            throw RunFailure(.cannotWriteOutput, error.description)
        }
    }

    /// Holds `document`'s cells whose respondents changed too little since this wave's last run
    /// (`CellHolding`); the cells to record. None when the history is off or the pass has no
    /// sketches (a merge of shards' partials). `key` is the one the sketches were made with.
    func hold(_ document: inout ReportDocument, sketches: CellSketches?, key: [UInt8]?, started: Date)
        throws(RunFailure) -> [PublishedCell]
    {
        guard let store, let sketches, let key else { return [] }
        do {
            // Another key in the history (a concurrent first run stored its own) makes every cell
            // look changed: all is published fresh, nothing wrongly held.
            let stored = try store.holdKey(proposing: key)
            let holding = CellHolding(definition: request.definition, hash: CellHolding.hash(key: stored))
            let previous =
                stored == key
                ? try store.publishedCells(pipeline: request.definition.name, wave: request.waveLabel) : nil
            return holding.apply(
                to: &document, sketches: sketches, previous: previous, definitionSHA256: request.definition.sha256,
                runTime: started)
        } catch {
            throw RunFailure(.cannotWriteOutput, error.description)
        }
    }

    /// Records the published `document` as this wave, replacing an earlier run of the same wave,
    /// with its `cells` as published (or held), and appends `night` to the wave's participation
    /// (kept across reruns).
    func record(
        _ document: ReportDocument, started: Date, night: ParticipationNight? = nil, cells: [PublishedCell] = []
    ) throws(RunFailure) {
        guard let store else { return }
        let definition = request.definition
        var wave = WaveRecord(
            pipeline: definition.name, wave: request.waveLabel, runTime: started,
            definitionSHA256: definition.sha256, respondents: document.accounting.accepted,
            inputs: document.inputs.map { WaveInput(path: $0.path, sha256: $0.sha256, bytes: $0.bytes) },
            metrics: document.metrics.map {
                WaveMetric(
                    id: $0.id, kind: $0.kind.name, label: $0.label,
                    definitionHash: definition.history.metricHashes[$0.id] ?? "")
            },
            figures: PublishedFigures.figures(of: document.metrics))
        wave.cells = cells
        do { try store.record(wave, night: night) } catch {
            throw RunFailure(.cannotWriteOutput, error.description)
        }
    }
}
