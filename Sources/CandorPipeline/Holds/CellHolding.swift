import CandorAggregate
import CandorClean
import CandorCore
import CandorHistory
import CandorReport
import Foundation

/// Holding cells between runs of one open wave: the one place where tonight's figures become
/// the published ones, before any format is written or the history recorded.
///
/// A cell (the overall, a segment row, a pair cell) whose respondents changed by 1 to
/// `min_group_size − 1` since it was last published keeps that publication: otherwise the two
/// reports' difference would be those few people's answers. Additions, removals and replaced
/// answers count alike; they are read from the cells' sketches (`CellSketches`), never from
/// stored answers. Complementary holding then runs the suppression algorithm on each table of
/// changes (`ComplementarySuppression`), primary cells being the held ones and complements chosen
/// among cells that changed, so no held change is a difference of published figures. A held
/// cell's sketch stays the one last published, so changes add up until they reach the threshold.
///
/// When the overall is held every figure is kept: each group's change is then below the threshold
/// too (a respondent who changed in a group changed in the overall), and a fresh row's difference
/// from the overall and its test against the rest would carry tonight's overall.
struct CellHolding {
    /// The anonymity threshold.
    let minGroupSize: Int
    /// The history's secret hash, naming groups in cell keys.
    let hash: KeyedHash
    /// The sketches' capacity.
    let capacity: Int
    /// The table index (`CellSketches.Key.table`) of each segment table name.
    let tableIndex: [String: Int]
    /// The segment fields, and each pair's two fields' segment positions (`nil`: not a segment).
    let segmentCount: Int
    let pairMargins: [(first: Int?, second: Int?)]

    /// A change too large to read back (or unreadable): treated as large.
    static let large = 1 << 40
    /// The cell of the overall figures.
    static let overall = CellSketches.Key(table: 0)

    /// The plan for a pipeline of `definition` whose history's key is `key`.
    init(definition: PipelineDefinition, hash: KeyedHash) {
        let plan = definition.plan
        minGroupSize = plan.privacy.minGroupSize
        self.hash = hash
        capacity = Self.capacity(minGroupSize: minGroupSize)
        let names = plan.schema.fields.map(\.name)
        var index: [String: Int] = [:]
        for (position, field) in plan.segments.enumerated() { index[names[field]] = 1 + position }
        for (position, pair) in plan.segmentPairs.enumerated() {
            index[names[pair.first] + " × " + names[pair.second]] = 1 + plan.segments.count + position
        }
        tableIndex = index
        segmentCount = plan.segments.count
        pairMargins = plan.segmentPairs.map {
            (plan.segments.firstIndex(of: $0.first), plan.segments.firstIndex(of: $0.second))
        }
    }

    /// Entries a sketch must read back: up to `min_group_size − 1` respondents, two entries each
    /// when an answer was replaced.
    static func capacity(minGroupSize: Int) -> Int { max(2, 2 * (minGroupSize - 1)) }

    /// The sketch plan the cleaner needs for `definition`.
    static func sketchPlan(definition: PipelineDefinition, key: [UInt8]) -> CellSketchPlan {
        let plan = definition.plan
        return CellSketchPlan(
            hash: hash(key: key), capacity: capacity(minGroupSize: plan.privacy.minGroupSize),
            segments: plan.segments, pairs: plan.segmentPairs.map { [$0.first, $0.second] })
    }

    /// The keyed hash of a 16-byte key.
    static func hash(key: [UInt8]) -> KeyedHash {
        func word(_ offset: Int) -> UInt64 {
            (0..<8).reduce(0) { $0 | UInt64(key.count > offset + $1 ? key[offset + $1] : 0) << (8 * UInt64($1)) }
        }
        return KeyedHash(key: (word(0), word(8)))
    }

    /// Applies holding to `document` and returns the cells to record for this run.
    ///
    /// - Parameters:
    ///   - sketches: Tonight's sketches of every cell.
    ///   - previous: What the wave's last run recorded; `nil` for a wave's first run.
    ///   - definitionSHA256: Tonight's definition: across a changed definition nothing is held.
    ///   - runTime: Tonight's run time, the publication time of every fresh cell.
    func apply(
        to document: inout ReportDocument, sketches: CellSketches, previous: PublishedCells?,
        definitionSHA256: String, runTime: Date
    ) -> [PublishedCell] {
        guard let previous, previous.definitionSHA256 == definitionSHA256 else {
            if previous != nil {
                document.heldCells = HeldCells(
                    count: 0,
                    note:
                        "the definition changed since this wave's last run, so no earlier figure is kept: all are this run's"
                )
            }
            return record(
                document.metrics, rows: currentRows(document.metrics), sketches: sketches, held: [], previous: nil,
                runTime: runTime) + [qualityCell(document, runTime: runTime)]
        }
        let quality = holdQualityCounts(&document, previous: previous, runTime: runTime)
        var keys = Set(sketches.cells.keys)
        for name in previous.cells.keys { if let key = Self.key(name) { keys.insert(key) } }
        var changes: [CellSketches.Key: Int] = [:]
        for key in keys { changes[key] = change(key, now: sketches.cells[key], before: previous) }
        let changed = keys.filter { (changes[$0] ?? 0) > 0 }
        let held: Set<CellSketches.Key>
        let kept: Set<CellSketches.Key>
        if isSmall(changes[Self.overall] ?? 0) {
            // Every cell keeps its last publication, the unchanged ones too: tonight's tests
            // and differences would carry tonight's overall.
            held = changed
            kept = keys
            restoreEverything(&document, held: held, previous: previous)
        } else {
            held = complementaryHolds(keys: keys, changes: changes)
            kept = held
            restore(&document, held: held, previous: previous)
        }
        let shown = held.filter {
            $0 == Self.overall || ($0.first != 0 && ($0.second != 0 || $0.table <= segmentCount))
        }
        if !shown.isEmpty || !quality.held.isEmpty {
            document.heldCells = HeldCells(
                count: shown.count,
                overallSince: held.contains(Self.overall)
                    ? previous.cells[Self.name(Self.overall)].map { ISO8601Milliseconds.format($0.publishedAt) } : nil,
                qualityCounts: quality.held)
        }
        return record(
            document.metrics, rows: currentRows(document.metrics), sketches: sketches, held: kept, previous: previous,
            runTime: runTime) + [quality.cell]
    }

    /// The name of the data-quality counts' cell.
    static let qualityName = "quality"

    /// The data-quality counts as published tonight.
    func qualityCell(_ document: ReportDocument, runTime: Date) -> PublishedCell {
        let content = (try? Self.encoder.encode(QualityCounts.counts(document))) ?? Data()
        return PublishedCell(
            cell: Self.qualityName, sketch: nil, content: Array(content), publishedAt: runTime, held: false)
    }

    /// Keeps the last published data-quality counts when any moved by 1 to `min_group_size − 1`
    /// (see `QualityCounts`); the names of those that did, and the cell to record.
    func holdQualityCounts(_ document: inout ReportDocument, previous: PublishedCells, runTime: Date) -> (
        held: [String], cell: PublishedCell
    ) {
        guard let cell = previous.cells[Self.qualityName],
            let before = try? Self.decoder.decode([String: Int].self, from: Data(cell.content))
        else { return ([], qualityCell(document, runTime: runTime)) }
        let small = QualityCounts.smallChanges(
            from: before, to: QualityCounts.counts(document), minGroupSize: minGroupSize)
        guard !small.isEmpty else { return ([], qualityCell(document, runTime: runTime)) }
        QualityCounts.restore(before, into: &document)
        var kept = cell
        kept.held = true
        return (small, kept)
    }

    /// Whether a change must be held: some respondents, fewer than the threshold.
    func isSmall(_ change: Int) -> Bool { change > 0 && change < minGroupSize }

    /// Respondents whose entry differs between tonight's sketch of a cell and its last published
    /// one (a cell with none is empty); `large` when the difference cannot be read back.
    private func change(_ key: CellSketches.Key, now: SetSketch?, before previous: PublishedCells) -> Int {
        let old: SetSketch?
        if let cell = previous.cells[Self.name(key)] {
            old = cell.sketch.flatMap { SetSketch(capacity: capacity, serialized: $0) }
        } else {
            old = SetSketch(capacity: capacity)
        }
        guard let old else { return Self.large }
        switch (now ?? SetSketch(capacity: capacity)).difference(from: old) {
        case .large: return Self.large
        case .entries(let added, let removed): return Self.respondents(added: added, removed: removed)
        }
    }

    /// Respondents behind a difference: per id, the larger of its entries added and removed (a
    /// replaced answer is one of each; without an id field, two new respondents with the same
    /// answers are one entry added twice).
    static func respondents(added: [SetSketch.Entry], removed: [SetSketch.Entry]) -> Int {
        var counts: [UInt64: (added: Int, removed: Int)] = [:]
        for entry in added { counts[entry.id, default: (0, 0)].added += 1 }
        for entry in removed { counts[entry.id, default: (0, 0)].removed += 1 }
        return counts.values.reduce(0) { $0 + max($1.added, $1.removed) }
    }
}
