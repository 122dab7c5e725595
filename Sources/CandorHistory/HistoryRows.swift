import CandorAggregate
import Foundation
internal import GRDB

/// Reading and writing a `WaveRecord` as rows of the history's tables.
enum HistoryRows {
    /// Replaces `wave`'s rows (its pipeline and label) with `wave`; call inside a transaction.
    static func insert(_ wave: WaveRecord, into db: Database) throws {
        try db.execute(
            sql: "DELETE FROM wave WHERE pipeline = ? AND label = ?", arguments: [wave.pipeline, wave.wave])
        try db.execute(
            sql: """
                INSERT INTO wave (pipeline, label, run_time, definition_sha256, respondents)
                VALUES (?, ?, ?, ?, ?)
                """,
            arguments: [wave.pipeline, wave.wave, wave.runTime, wave.definitionSHA256, wave.respondents])
        let id = db.lastInsertedRowID
        for (position, input) in wave.inputs.enumerated() {
            try db.execute(
                sql: "INSERT INTO wave_input (wave_id, position, path, sha256, bytes) VALUES (?, ?, ?, ?, ?)",
                arguments: [id, position, input.path, input.sha256, input.bytes])
        }
        for (position, metric) in wave.metrics.enumerated() {
            try db.execute(
                sql: """
                    INSERT INTO wave_metric (wave_id, position, metric_id, kind, label, definition_hash)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [id, position, metric.id, metric.kind, metric.label, metric.definitionHash])
        }
        let statement = try db.makeStatement(
            sql: """
                INSERT INTO figure (wave_id, position, metric_id, segment, labels, part, value, count, n,
                    effective_n, interval_low, interval_high, interval_method, suppressed, suppression_reason,
                    unreliable, promoters, detractors)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for (position, entry) in wave.figures.enumerated() {
            if position == wave.figures.count / 2 { WriteInterruptionHook.pauseIfAsked() }
            let figure = entry.figure
            let values: [(any DatabaseValueConvertible)?] = [
                id, position, entry.key.metric, entry.key.segment, encode(entry.key.labels), entry.key.part,
                figure.value, figure.count, figure.suppressed ? nil : figure.n, figure.effectiveN,
                figure.interval?.low, figure.interval?.high, figure.interval?.method.rawValue, figure.suppressed,
                figure.suppressionReason, figure.unreliable, figure.promoterSplit?.promoters,
                figure.promoterSplit?.detractors,
            ]
            try statement.execute(arguments: StatementArguments(values))
        }
        for cell in wave.cells {
            try db.execute(
                sql: """
                    INSERT INTO published_cell (wave_id, cell, sketch, content, published_at, held)
                    VALUES (?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, cell.cell, cell.sketch.map { Data($0) }, Data(cell.content), cell.publishedAt, cell.held,
                ])
        }
    }

    /// The cells the last run of `wave` of `pipeline` recorded; `nil` when the wave has no run.
    static func cells(pipeline: String, wave: String, in db: Database) throws -> PublishedCells? {
        guard
            let row = try Row.fetchOne(
                db, sql: "SELECT id, run_time, definition_sha256 FROM wave WHERE pipeline = ? AND label = ?",
                arguments: [pipeline, wave])
        else { return nil }
        let id: Int64 = row["id"]
        var cells: [String: PublishedCell] = [:]
        for cell in try Row.fetchAll(db, sql: "SELECT * FROM published_cell WHERE wave_id = ?", arguments: [id]) {
            let sketch: Data? = cell["sketch"]
            let content: Data = cell["content"]
            let name: String = cell["cell"]
            cells[name] = PublishedCell(
                cell: name, sketch: sketch.map { Array($0) }, content: Array(content),
                publishedAt: cell["published_at"], held: cell["held"])
        }
        return PublishedCells(definitionSHA256: row["definition_sha256"], runTime: row["run_time"], cells: cells)
    }

    /// The history's secret key for cell sketches, `nil` before the first run stored one.
    static func storedHoldKey(in db: Database) throws -> [UInt8]? {
        try Data.fetchOne(db, sql: "SELECT key FROM hold_secret WHERE id = 1").map { Array($0) }
    }

    /// The history's secret key for cell sketches; on first use `proposing`, else one from the
    /// system's random source.
    static func holdKey(in db: Database, proposing: [UInt8]?) throws -> [UInt8] {
        if let key = try storedHoldKey(in: db) { return key }
        var generator = SystemRandomNumberGenerator()
        let key = proposing ?? (0..<16).map { _ in UInt8.random(in: 0...255, using: &generator) }
        try db.execute(sql: "INSERT INTO hold_secret (id, key) VALUES (1, ?)", arguments: [Data(key)])
        return key
    }

    /// The waves of `pipeline`, most recent run first, leaving out `excluding`, at most `limit`.
    static func waves(pipeline: String, excluding: String?, limit: Int?, in db: Database) throws -> [WaveRecord] {
        let rows = try Row.fetchAll(
            db,
            sql: """
                SELECT id, label, run_time, definition_sha256, respondents FROM wave
                WHERE pipeline = ? AND label IS NOT ? ORDER BY run_time DESC, id DESC LIMIT ?
                """,
            arguments: [pipeline, excluding, limit ?? -1])
        return try rows.map { row in
            let id: Int64 = row["id"]
            return WaveRecord(
                pipeline: pipeline, wave: row["label"], runTime: row["run_time"],
                definitionSHA256: row["definition_sha256"], respondents: row["respondents"],
                inputs: try inputs(of: id, in: db), metrics: try metrics(of: id, in: db),
                figures: try figures(of: id, in: db))
        }
    }

    private static func inputs(of id: Int64, in db: Database) throws -> [WaveInput] {
        try Row.fetchAll(
            db, sql: "SELECT path, sha256, bytes FROM wave_input WHERE wave_id = ? ORDER BY position", arguments: [id]
        ).map { WaveInput(path: $0["path"], sha256: $0["sha256"], bytes: $0["bytes"]) }
    }

    private static func metrics(of id: Int64, in db: Database) throws -> [WaveMetric] {
        try Row.fetchAll(
            db,
            sql: "SELECT metric_id, kind, label, definition_hash FROM wave_metric WHERE wave_id = ? ORDER BY position",
            arguments: [id]
        ).map {
            WaveMetric(id: $0["metric_id"], kind: $0["kind"], label: $0["label"], definitionHash: $0["definition_hash"])
        }
    }

    private static func figures(of id: Int64, in db: Database) throws -> [HistoryFigure] {
        try Row.fetchAll(db, sql: "SELECT * FROM figure WHERE wave_id = ? ORDER BY position", arguments: [id]).map {
            row in
            let key = FigureKey(
                metric: row["metric_id"], segment: row["segment"], labels: decode(row["labels"]), part: row["part"])
            let suppressed: Bool = row["suppressed"]
            var interval: Interval?
            if let low: Double = row["interval_low"], let high: Double = row["interval_high"],
                let method = IntervalMethod(rawValue: row["interval_method"] ?? "")
            {
                interval = Interval(low: low, high: high, method: method)
            }
            var figure = Figure(
                value: row["value"], count: row["count"], n: row["n"] ?? 0, effectiveN: row["effective_n"],
                interval: interval, suppressed: suppressed, suppressionReason: row["suppression_reason"],
                unreliable: row["unreliable"])
            if let promoters: Double = row["promoters"], let detractors: Double = row["detractors"] {
                figure.promoterSplit = PromoterSplit(promoters: promoters, detractors: detractors)
            }
            return HistoryFigure(key: key, figure: figure)
        }
    }

    /// Labels as a JSON array of strings: readable in the SQLite shell, and no separator to escape.
    private static func encode(_ labels: [String]) -> String {
        guard let data = try? JSONEncoder().encode(labels) else { return "[]" }
        return String(decoding: data, as: UTF8.self)
    }

    private static func decode(_ text: String) -> [String] {
        (try? JSONDecoder().decode([String].self, from: Data(text.utf8))) ?? []
    }
}
