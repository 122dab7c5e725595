import CandorAggregate
import Foundation
internal import GRDB

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A pipeline's run history: one SQLite file holding, per pipeline and wave, what the last run
/// of that wave published.
///
/// Every write is one transaction, so a run killed at any moment leaves the history as it was
/// before that run (SQLite's rollback journal undoes a half-written transaction at the next
/// open). The schema is versioned by `HistorySchema`'s migrations. Use one store from one task.
package struct HistoryStore: Sendable {
    /// The history file.
    package let path: String
    private let queue: DatabaseQueue

    /// Opens the history at `path`, creating it (mode 0600: it describes a workforce) and
    /// migrating its schema to the current version.
    ///
    /// - Parameter create: When false, a missing file is an error instead of a new history.
    /// - Throws: `HistoryError` when the file cannot be created, opened or migrated.
    package init(path: String, create: Bool = true) throws(HistoryError) {
        self.path = path
        if !FileManager.default.fileExists(atPath: path) {
            guard create else { throw HistoryError(path: path, reason: "no history has been recorded here yet") }
            // Created before SQLite opens it, so that it never exists with looser permissions.
            let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY | O_CLOEXEC | O_NOFOLLOW, 0o600)
            if descriptor < 0, errno != EEXIST {
                throw HistoryError(path: path, reason: "cannot be created: \(String(cString: strerror(errno)))")
            }
            if descriptor >= 0 { close(descriptor) }
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: false))
            try HistorySchema.migrator.migrate(queue)
        } catch {
            throw HistoryError(path: path, reason: Self.reason(error))
        }
    }

    /// Records `wave`, replacing what an earlier run of the same pipeline and wave recorded,
    /// in one transaction.
    ///
    /// - Throws: `HistoryError`; the history is then as it was before the call.
    /// - Parameter night: this run's participation, appended to the wave's nights (see
    ///   `ParticipationNight`) in the same transaction; `nil` when the run has no roster.
    package func record(_ wave: WaveRecord, night: ParticipationNight? = nil) throws(HistoryError) {
        do {
            try queue.write { db in
                try HistoryRows.insert(wave, into: db)
                if let night { try HistoryRows.append(night, pipeline: wave.pipeline, wave: wave.wave, into: db) }
            }
        } catch {
            throw HistoryError(path: path, reason: Self.reason(error))
        }
    }

    /// The most recent wave of `pipeline`, by run time, whose label is not `wave`.
    package func previousWave(pipeline: String, before wave: String) throws(HistoryError) -> WaveRecord? {
        try waves(pipeline: pipeline, excluding: wave, limit: 1).first
    }

    /// The waves of `pipeline`, most recent first, without `excluding`'s, at most `limit`.
    package func waves(pipeline: String, excluding wave: String? = nil, limit: Int? = nil) throws(HistoryError)
        -> [WaveRecord]
    {
        do {
            return try queue.read { db in
                try HistoryRows.waves(pipeline: pipeline, excluding: wave, limit: limit, in: db)
            }
        } catch {
            throw HistoryError(path: path, reason: Self.reason(error))
        }
    }

    /// Removes `wave` of `pipeline`, its participation by night too; false when there was no
    /// such wave.
    package func forget(pipeline: String, wave: String) throws(HistoryError) -> Bool {
        do {
            return try queue.write { db in
                try db.execute(
                    sql: "DELETE FROM wave WHERE pipeline = ? AND label = ?", arguments: [pipeline, wave])
                let removed = db.changesCount > 0
                try db.execute(
                    sql: "DELETE FROM participation WHERE pipeline = ? AND wave = ?", arguments: [pipeline, wave])
                return removed || db.changesCount > 0
            }
        } catch {
            throw HistoryError(path: path, reason: Self.reason(error))
        }
    }

    /// The participation recorded for `wave` of `pipeline`, one entry per night, oldest first.
    package func nights(pipeline: String, wave: String) throws(HistoryError) -> [ParticipationNight] {
        do {
            return try queue.read { db in try HistoryRows.nights(pipeline: pipeline, wave: wave, in: db) }
        } catch {
            throw HistoryError(path: path, reason: Self.reason(error))
        }
    }

    /// What the last run of `wave` of `pipeline` published cell by cell; `nil` when none ran.
    package func publishedCells(pipeline: String, wave: String) throws(HistoryError) -> PublishedCells? {
        do {
            return try queue.read { db in try HistoryRows.cells(pipeline: pipeline, wave: wave, in: db) }
        } catch {
            throw HistoryError(path: path, reason: Self.reason(error))
        }
    }

    /// The history's secret key for the cells' sketches (16 bytes): `proposing` (else a random
    /// one) when the history has none yet.
    package func holdKey(proposing: [UInt8]? = nil) throws(HistoryError) -> [UInt8] {
        do {
            return try queue.write { db in try HistoryRows.holdKey(in: db, proposing: proposing) }
        } catch {
            throw HistoryError(path: path, reason: Self.reason(error))
        }
    }

    /// The secret key the history at `path` holds for the cells' sketches, read without writing
    /// anything (no file created, no migration, no key proposed); `nil` when there is no history
    /// there yet, or it has no key yet. For `candor run --shard`, which may run while nothing
    /// else writes and must not create the history its merge will.
    /// - Throws: `HistoryError` when the file exists but cannot be read.
    package static func storedHoldKey(path: String) throws(HistoryError) -> [UInt8]? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            let queue = try DatabaseQueue(path: path, configuration: Self.configuration(readonly: true))
            return try queue.read { db in
                guard try db.tableExists("hold_secret") else { return nil }
                return try HistoryRows.storedHoldKey(in: db)
            }
        } catch {
            throw HistoryError(path: path, reason: Self.reason(error))
        }
    }

    /// The applied migrations' identifiers, oldest first.
    package func appliedMigrations() throws(HistoryError) -> [String] {
        do {
            return try queue.read { db in try HistorySchema.migrator.appliedMigrations(db) }
        } catch {
            throw HistoryError(path: path, reason: Self.reason(error))
        }
    }

    /// How every connection to a history is opened.
    private static func configuration(readonly: Bool) -> Configuration {
        var configuration = Configuration()
        configuration.readonly = readonly
        // Pipelines sharing a history file run one after another (one lock per output folder),
        // but `candor history` may read while a run writes.
        configuration.busyMode = .timeout(30)
        configuration.label = "candor.history"
        return configuration
    }

    private static func reason(_ error: any Error) -> String {
        if let error = error as? DatabaseError {
            return error.message ?? "SQLite error \(error.resultCode.rawValue)"
        }
        return "\(error)"
    }
}
