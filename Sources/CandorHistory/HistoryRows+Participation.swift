import Foundation
internal import GRDB

extension HistoryRows {
    /// Appends `night` to `wave`'s nights, unless it repeats the last one (a rerun over the same
    /// inputs); call inside a transaction.
    static func append(_ night: ParticipationNight, pipeline: String, wave: String, into db: Database) throws {
        if let last = try nights(pipeline: pipeline, wave: wave, in: db).last, night.repeats(last) { return }
        try db.execute(
            sql: """
                INSERT INTO participation (pipeline, wave, run_time, inputs, invited, responded)
                VALUES (?, ?, ?, ?, ?, ?)
                """,
            arguments: [pipeline, wave, night.runTime, night.inputs, night.invited, night.responded])
    }

    /// `wave`'s nights, in the order they were recorded.
    static func nights(pipeline: String, wave: String, in db: Database) throws -> [ParticipationNight] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT run_time, inputs, invited, responded FROM participation
                WHERE pipeline = ? AND wave = ? ORDER BY id
                """,
            arguments: [pipeline, wave]
        ).map {
            ParticipationNight(
                runTime: $0["run_time"], inputs: $0["inputs"], invited: $0["invited"], responded: $0["responded"])
        }
    }
}
