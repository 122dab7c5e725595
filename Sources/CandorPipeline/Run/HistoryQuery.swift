import CandorAggregate
import CandorHistory
import CandorReport
import Foundation

/// `candor history`: a pipeline's waves, and forgetting one.
package enum HistoryQuery {
    /// The waves of `request`'s pipeline in its history, oldest first.
    ///
    /// - Throws: `RunFailure` (configuration) when the definition turned the history off;
    ///   (unreadable input) when there is no history file or it cannot be read.
    package static func listing(_ request: RunRequest) throws(RunFailure) -> HistoryListing {
        let (store, path) = try open(request)
        let definition = request.definition
        var ids: [String] = []
        for case .metric(let id, _) in definition.headlines where !ids.contains(id) { ids.append(id) }
        let metrics = definition.plan.metrics
        if ids.isEmpty { ids = metrics.map(\.id) }
        let columns = ids.compactMap { id in
            metrics.first { $0.id == id }.map {
                HistoryListing.Column(id: id, label: $0.label, unit: $0.kind.type.unit)
            }
        }
        let records: [WaveRecord]
        do { records = try store.waves(pipeline: definition.name) } catch {
            throw RunFailure(.unreadableInput, error.description)
        }
        let waves = records.reversed().map { record in
            HistoryListing.Wave(
                wave: record.wave, runTime: ISO8601Milliseconds.format(record.runTime),
                respondents: record.respondents, inputs: record.inputs.map { ($0.path, $0.sha256) },
                figures: Dictionary(
                    ids.compactMap { id in record.figure(FigureKey(metric: id)).map { (id, $0) } },
                    uniquingKeysWith: { first, _ in first }))
        }
        return HistoryListing(pipeline: definition.name, path: path, columns: columns, waves: waves)
    }

    /// Removes `wave` of `request`'s pipeline from its history.
    ///
    /// - Throws: `RunFailure` as for `listing`, and (usage) when the history has no such wave.
    package static func forget(_ request: RunRequest, wave: String) throws(RunFailure) {
        let (store, path) = try open(request)
        let removed: Bool
        do { removed = try store.forget(pipeline: request.definition.name, wave: wave) } catch {
            throw RunFailure(.cannotWriteOutput, error.description)
        }
        guard removed else {
            throw RunFailure(.usage, "history \(path) has no wave '\(wave)' of \(request.definition.name)")
        }
    }

    private static func open(_ request: RunRequest) throws(RunFailure) -> (HistoryStore, String) {
        guard let path = request.historyPath else {
            throw RunFailure(
                .configuration,
                "\(request.definition.name): the definition turns the history off (output.history: false)")
        }
        do { return (try HistoryStore(path: path, create: false), path) } catch {
            throw RunFailure(.unreadableInput, error.description)
        }
    }
}
