internal import GRDB

/// The history's tables, one migration per schema version.
///
/// A migration, once released, is never edited: a change to the schema is a new migration, so
/// that a history written by an older candor is brought up to date in place.
enum HistorySchema {
    /// Every migration, in order.
    static var migrator: DatabaseMigrator {
        var migrator = DatabaseMigrator()
        migrator.registerMigration("v1: waves, inputs, metrics, figures") { db in
            try db.execute(
                sql: """
                    CREATE TABLE wave (
                        id INTEGER PRIMARY KEY,
                        pipeline TEXT NOT NULL,
                        label TEXT NOT NULL,
                        run_time DATETIME NOT NULL,
                        definition_sha256 TEXT NOT NULL,
                        respondents INTEGER NOT NULL,
                        UNIQUE (pipeline, label)
                    );
                    CREATE INDEX wave_by_run_time ON wave (pipeline, run_time);
                    CREATE TABLE wave_input (
                        wave_id INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        path TEXT NOT NULL,
                        sha256 TEXT NOT NULL,
                        bytes INTEGER NOT NULL,
                        PRIMARY KEY (wave_id, position)
                    );
                    CREATE TABLE wave_metric (
                        wave_id INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        metric_id TEXT NOT NULL,
                        kind TEXT NOT NULL,
                        label TEXT NOT NULL,
                        definition_hash TEXT NOT NULL,
                        PRIMARY KEY (wave_id, position)
                    );
                    CREATE TABLE figure (
                        wave_id INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
                        position INTEGER NOT NULL,
                        metric_id TEXT NOT NULL,
                        segment TEXT NOT NULL,
                        labels TEXT NOT NULL,
                        part TEXT NOT NULL,
                        value REAL,
                        count REAL,
                        n INTEGER,
                        effective_n REAL,
                        interval_low REAL,
                        interval_high REAL,
                        interval_method TEXT,
                        suppressed INTEGER NOT NULL,
                        suppression_reason TEXT,
                        unreliable INTEGER NOT NULL,
                        promoters REAL,
                        detractors REAL,
                        PRIMARY KEY (wave_id, position)
                    );
                    """)
        }
        // Participation by night: one row per run of a wave with a roster. Not tied to the wave's
        // row, which a rerun of the wave replaces: the nights of an open wave must outlive that.
        migrator.registerMigration("v-participation") { db in
            try db.execute(
                sql: """
                    CREATE TABLE participation (
                        id INTEGER PRIMARY KEY,
                        pipeline TEXT NOT NULL,
                        wave TEXT NOT NULL,
                        run_time DATETIME NOT NULL,
                        inputs TEXT NOT NULL,
                        invited INTEGER NOT NULL,
                        responded INTEGER NOT NULL
                    );
                    CREATE INDEX participation_by_wave ON participation (pipeline, wave, id);
                    """)
        }
        migrator.registerMigration("v-holds") { db in
            // Holding cells between runs of an open wave (`PublishedCell`): the history's secret
            // key for the cells' sketches, and each cell's last publication per wave.
            try db.execute(
                sql: """
                    CREATE TABLE hold_secret (
                        id INTEGER PRIMARY KEY CHECK (id = 1),
                        key BLOB NOT NULL
                    );
                    CREATE TABLE published_cell (
                        wave_id INTEGER NOT NULL REFERENCES wave (id) ON DELETE CASCADE,
                        cell TEXT NOT NULL,
                        sketch BLOB,
                        content BLOB NOT NULL,
                        published_at DATETIME NOT NULL,
                        held INTEGER NOT NULL,
                        PRIMARY KEY (wave_id, cell)
                    );
                    """)
        }
        return migrator
    }
}
