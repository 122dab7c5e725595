import CandorAggregate
import CandorHistory
import CandorReport

/// Compares a run's results with the previous wave's, as the report shows them.
enum WaveChangeAssembly {
    /// The kinds compared by their earlier value only: a correlation or a variance share has no
    /// sampling distribution for a difference that this report could state honestly.
    static let untestedKinds: Set<String> = ["drivers", "variance_share"]

    /// The changes of `metrics` since `previous`, with the trend over `recent` (most recent first,
    /// not including this wave); `nil` when there is no previous wave.
    static func changes(
        metrics: [MetricResult], wave: String, previous: WaveRecord?, recent: [WaveRecord],
        settings: HistorySettings, headlineIDs: [String]
    ) -> WaveChanges? {
        guard let previous else { return nil }
        let previousHashes = Dictionary(
            previous.metrics.map { ($0.id, $0.definitionHash) }, uniquingKeysWith: { first, _ in first })
        var changes: [String: MetricChange] = [:]
        var overall: [(id: String, change: FigureChange)] = []
        for metric in metrics {
            guard let previousHash = previousHashes[metric.id] else { continue }
            guard previousHash == settings.metricHashes[metric.id] else {
                changes[metric.id] = MetricChange(overall: nil, definitionChanged: true, segments: [:])
                continue
            }
            let compare = { (current: Figure, key: FigureKey) -> FigureChange? in
                change(
                    current, previous.figure(key), kind: metric.kind.name, unit: metric.kind.unit,
                    previousWave: previous.wave, minimum: settings.minimumDifference)
            }
            var segments: [String: [[String]: FigureChange]] = [:]
            for table in metric.segments {
                let rows = table.rows.compactMap { row in
                    compare(row.figure, FigureKey(metric: metric.id, segment: table.name, labels: row.labels)).map {
                        (row.labels, $0)
                    }
                }
                segments[table.name] = Dictionary(adjusted(rows.map(\.1)).enumerated().map { (rows[$0].0, $1) }) {
                    first, _ in first
                }
            }
            let overallChange = compare(metric.overall, FigureKey(metric: metric.id))
            if let overallChange { overall.append((metric.id, overallChange)) }
            changes[metric.id] = MetricChange(overall: overallChange, definitionChanged: false, segments: segments)
        }
        // The overall figures are one table of tests, as each segment table is.
        for (id, change) in zip(overall.map(\.id), adjusted(overall.map(\.change))) {
            changes[id]?.overall = change
        }
        return WaveChanges(
            wave: wave, previousWave: previous.wave, minimumDifference: settings.minimumDifference, metrics: changes,
            trend: trend(
                metrics: metrics, wave: wave, recent: recent, limit: settings.trendWaves, ids: headlineIDs,
                hashes: settings.metricHashes))
    }

    /// One figure's change; `nil` unless both waves published it.
    private static func change(
        _ current: Figure, _ previous: Figure?, kind: String, unit: FigureUnit, previousWave: String, minimum: Double?
    ) -> FigureChange? {
        guard let previous, let previousValue = previous.value,
            let outcome = WaveComparison.compare(
                current: current, previous: previous, testable: !untestedKinds.contains(kind))
        else { return nil }
        let points = unit == .fraction ? outcome.difference * 100 : outcome.difference
        return FigureChange(
            previousWave: previousWave, previousValue: previousValue, difference: outcome.difference,
            test: outcome.test, pValue: outcome.pValue, pAdjusted: nil, significant: nil,
            meaningful: minimum.map { abs(points) >= $0 - 1e-9 })
    }

    /// `changes` with their p-values adjusted together (Benjamini–Hochberg) and the verdicts.
    private static func adjusted(_ changes: [FigureChange]) -> [FigureChange] {
        let adjusted = PValueAdjustment.benjaminiHochberg.adjusted(changes.map(\.pValue))
        return zip(changes, adjusted).map { change, pAdjusted in
            var change = change
            change.pAdjusted = pAdjusted
            change.significant = change.test == nil ? nil : pAdjusted.map { $0 < 0.05 } ?? false
            return change
        }
    }

    /// The headlines' overall figures in the last `limit` waves, oldest first, this one last.
    /// An earlier wave's figure is left out where the metric's definition (`hashes`) differed
    /// then: a trend line across a changed question would draw a change nobody measured.
    private static func trend(
        metrics: [MetricResult], wave: String, recent: [WaveRecord], limit: Int, ids: [String],
        hashes: [String: String]
    ) -> [TrendWave] {
        let current = TrendWave(
            wave: wave,
            figures: Dictionary(
                metrics.filter { ids.contains($0.id) }.map { ($0.id, $0.overall) }, uniquingKeysWith: { a, _ in a }))
        let earlier = recent.prefix(max(0, limit - 1)).reversed().map { record in
            let sameDefinition = Set(record.metrics.filter { hashes[$0.id] == $0.definitionHash }.map(\.id))
            return TrendWave(
                wave: record.wave,
                figures: Dictionary(
                    ids.filter(sameDefinition.contains).compactMap { id in
                        record.figure(FigureKey(metric: id)).map { (id, $0) }
                    },
                    uniquingKeysWith: { a, _ in a }))
        }
        return earlier + [current]
    }
}
