import CandorAggregate
import CandorClean
import CandorCore
import CandorHistory
import CandorReport
import Foundation

/// What a cell publishes, as the history keeps it, and putting a kept publication back.
extension CellHolding {
    /// A metric as published: the overall cell's content (everything, since holding the overall
    /// keeps every figure).
    struct StoredMetric: Codable {
        var id: String
        var label: String
        var overall: Figure
        var detail: MetricDetail
        var segments: [SegmentTable]
        var base: String?
    }

    /// A segment row or pair cell as published: its labels and each metric's row (a metric with
    /// no row there has none).
    struct StoredRow: Codable {
        var labels: [String]
        var rows: [String: SegmentRow] = [:]
    }

    /// A cell's name in the history: its table and group hashes.
    static func name(_ key: CellSketches.Key) -> String {
        "\(key.table):" + String(key.first, radix: 16) + ":" + String(key.second, radix: 16)
    }

    /// The key a cell's name stands for; `nil` for another kind of cell.
    static func key(_ name: String) -> CellSketches.Key? {
        let parts = name.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 3, let table = Int(parts[0]), let first = UInt64(parts[1], radix: 16),
            let second = UInt64(parts[2], radix: 16)
        else { return nil }
        return CellSketches.Key(table: table, first: first, second: second)
    }

    /// Tonight's rows, by cell.
    func currentRows(_ metrics: [MetricResult]) -> [CellSketches.Key: StoredRow] {
        var cells: [CellSketches.Key: StoredRow] = [:]
        for metric in metrics {
            for table in metric.segments {
                for row in table.rows {
                    guard let key = key(table: table.name, labels: row.labels) else { continue }
                    cells[key, default: StoredRow(labels: row.labels)].rows[metric.id] = row
                }
            }
        }
        return cells
    }

    /// The cell of the row labelled `labels` in the table named `table`.
    func key(table: String, labels: [String]) -> CellSketches.Key? {
        guard let index = tableIndex[table], let first = labels.first else { return nil }
        return CellSketches.Key(
            table: index, first: CellSketches.labelHash(first, hash: hash),
            second: labels.count > 1 ? CellSketches.labelHash(labels[1], hash: hash) : 0)
    }

    /// Every metric as the wave's last run published it (the overall is held), the rows of the
    /// `held` cells (those that changed) marked with their publication's time.
    func restoreEverything(_ document: inout ReportDocument, held: Set<CellSketches.Key>, previous: PublishedCells) {
        guard let cell = previous.cells[Self.name(Self.overall)],
            let stored = try? Self.decoder.decode([StoredMetric].self, from: Data(cell.content))
        else { return }
        for index in document.metrics.indices {
            guard let kept = stored.first(where: { $0.id == document.metrics[index].id }) else { continue }
            document.metrics[index].label = kept.label
            document.metrics[index].overall = kept.overall
            document.metrics[index].detail = kept.detail
            document.metrics[index].segments = kept.segments
            document.metrics[index].base = kept.base
            for position in kept.segments.indices {
                let table = kept.segments[position]
                for row in table.rows.indices {
                    guard let key = key(table: table.name, labels: table.rows[row].labels), held.contains(key),
                        let cell = previous.cells[Self.name(key)]
                    else { continue }
                    document.metrics[index].segments[position].rows[row].heldSince =
                        ISO8601Milliseconds.format(cell.publishedAt)
                }
            }
        }
    }

    /// Puts the held rows' last publications back in place of tonight's, and adjusts the other
    /// rows' p-values over the rows now published.
    func restore(_ document: inout ReportDocument, held: Set<CellSketches.Key>, previous: PublishedCells) {
        let earlier = previous.cells[Self.name(Self.overall)].flatMap {
            try? Self.decoder.decode([StoredMetric].self, from: Data($0.content))
        }
        for index in document.metrics.indices {
            let metricID = document.metrics[index].id
            // A variance share weighs every group's mean: with some groups' figures held, tonight's
            // would add an equation on their hidden means. It keeps its last publication too.
            if !held.isEmpty, case .varianceShare = document.metrics[index].detail,
                let kept = earlier?.first(where: { $0.id == metricID })
            {
                document.metrics[index].overall = kept.overall
                document.metrics[index].detail = kept.detail
            }
            for position in document.metrics[index].segments.indices {
                var table = document.metrics[index].segments[position]
                var touched = false
                let heldKeys = held.filter { $0.table == tableIndex[table.name] && $0.first != 0 }
                for key in heldKeys.sorted() {
                    let cell = previous.cells[Self.name(key)]
                    let kept = cell.flatMap { try? Self.decoder.decode(StoredRow.self, from: Data($0.content)) }
                    var row = kept?.rows[metricID]
                    row?.heldSince = cell.map { ISO8601Milliseconds.format($0.publishedAt) }
                    let current = table.rows.firstIndex { self.key(table: table.name, labels: $0.labels) == key }
                    switch (current, row) {
                    case (let current?, let row?): table.rows[current] = row
                    case (let current?, nil): table.rows.remove(at: current)
                    case (nil, let row?):
                        table.rows.insert(
                            row, at: insertionIndex(of: row.labels, in: table, earlier: earlier, metricID))
                    case (nil, nil): continue
                    }
                    touched = true
                }
                guard touched else { continue }
                table.readjust(keeping: Set(table.rows.indices.filter { table.rows[$0].heldSince != nil }))
                document.metrics[index].segments[position] = table
            }
        }
    }

    /// Where a kept row that tonight's table lacks goes: after the row that preceded it when it
    /// was published, else first.
    private func insertionIndex(
        of labels: [String], in table: SegmentTable, earlier: [StoredMetric]?, _ metricID: String
    ) -> Int {
        guard
            let rows = earlier?.first(where: { $0.id == metricID })?.segments.first(where: { $0.name == table.name })?
                .rows,
            let position = rows.firstIndex(where: { $0.labels == labels })
        else { return table.rows.count }
        for before in rows[..<position].reversed() {
            if let index = table.rows.firstIndex(where: { $0.labels == before.labels }) { return index + 1 }
        }
        return 0
    }

    /// The cells this run records: a held cell as it was last published, every other one as
    /// published tonight (a cell with no respondents and no publication is left out: its last
    /// state is empty, as a missing cell's is).
    func record(
        _ metrics: [MetricResult], rows: [CellSketches.Key: StoredRow], sketches: CellSketches,
        held: Set<CellSketches.Key>, previous: PublishedCells?, runTime: Date
    ) -> [PublishedCell] {
        var cells: [PublishedCell] = []
        let keys = Set(sketches.cells.keys).union(held).union([Self.overall])
        for key in keys.sorted() {
            let name = Self.name(key)
            if held.contains(key) {
                if var kept = previous?.cells[name] {
                    kept.held = true
                    cells.append(kept)
                }
                continue
            }
            guard let sketch = sketches.cells[key] else { continue }
            let content: Data?
            if key == Self.overall {
                content = try? Self.encoder.encode(
                    metrics.map {
                        StoredMetric(
                            id: $0.id, label: $0.label, overall: $0.overall, detail: $0.detail, segments: $0.segments,
                            base: $0.base)
                    })
            } else {
                content = try? rows[key].map { try Self.encoder.encode($0) } ?? Data()
            }
            cells.append(
                PublishedCell(
                    cell: name, sketch: sketch.serialized, content: Array(content ?? Data()), publishedAt: runTime,
                    held: false))
        }
        return cells
    }

    /// Content as sorted JSON; a non-finite number as a string, so that nothing fails to encode.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return decoder
    }
}
