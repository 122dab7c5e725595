import CandorAggregate

/// What `candor history` prints: a pipeline's waves, oldest first, with n and the headline
/// figures.
package struct HistoryListing: Sendable, Equatable {
    /// One headline metric, as the columns name it.
    package struct Column: Sendable, Equatable {
        /// The metric's id.
        package var id: String
        /// Its label.
        package var label: String
        /// Its figures' units.
        package var unit: FigureUnit

        /// Creates a column.
        package init(id: String, label: String, unit: FigureUnit) {
            self.id = id
            self.label = label
            self.unit = unit
        }
    }

    /// One wave.
    package struct Wave: Sendable, Equatable {
        /// Its label.
        package var wave: String
        /// When its last run started, ISO 8601 in UTC.
        package var runTime: String
        /// Accepted respondents.
        package var respondents: Int
        /// The inputs' paths and SHA-256.
        package var inputs: [(path: String, sha256: String)]
        /// Per headline metric id, the overall figure as published.
        package var figures: [String: Figure]

        /// Creates a wave's line.
        package init(
            wave: String, runTime: String, respondents: Int, inputs: [(path: String, sha256: String)],
            figures: [String: Figure]
        ) {
            self.wave = wave
            self.runTime = runTime
            self.respondents = respondents
            self.inputs = inputs
            self.figures = figures
        }

        package static func == (lhs: Wave, rhs: Wave) -> Bool {
            lhs.wave == rhs.wave && lhs.runTime == rhs.runTime && lhs.respondents == rhs.respondents
                && lhs.inputs.map(\.path) == rhs.inputs.map(\.path)
                && lhs.inputs.map(\.sha256) == rhs.inputs.map(\.sha256) && lhs.figures == rhs.figures
        }
    }

    /// The pipeline's name.
    package var pipeline: String
    /// The history file.
    package var path: String
    /// The headline metrics.
    package var columns: [Column]
    /// The waves, oldest first.
    package var waves: [Wave]

    /// Creates a listing.
    package init(pipeline: String, path: String, columns: [Column], waves: [Wave]) {
        self.pipeline = pipeline
        self.path = path
        self.columns = columns
        self.waves = waves
    }

    /// A plain-text table, one line per wave, ending with a newline.
    package var text: String {
        guard !waves.isEmpty else { return "no wave of \(pipeline) in \(path)\n" }
        var table = MarkdownTable(
            [("Wave", .left), ("Run time (UTC)", .left), ("n", .right)]
                + columns.map { (MarkdownEscaping.escape($0.label), .right) })
        for wave in waves {
            table.append(
                [MarkdownEscaping.escape(wave.wave), wave.runTime, FigureText.count(wave.respondents)]
                    + columns.map { column in
                        wave.figures[column.id].map { FigureCells(figure: $0, unit: column.unit).value }
                            ?? FigureText.missing
                    })
        }
        return table.lines.joined(separator: "\n") + "\n"
    }

    /// The same as JSON, keys sorted, ending with a newline.
    package var json: String {
        let units = Dictionary(columns.map { ($0.id, $0.unit) }, uniquingKeysWith: { first, _ in first })
        let value = JSONValue.object([
            "pipeline": .string(pipeline),
            "history": .string(path),
            "waves": .array(
                waves.map { wave in
                    .object([
                        "wave": .string(wave.wave),
                        "run_time": .string(wave.runTime),
                        "respondents": .integer(wave.respondents),
                        "inputs": .array(
                            wave.inputs.map { .object(["path": .string($0.path), "sha256": .string($0.sha256)]) }),
                        "headlines": .object(
                            Dictionary(
                                uniqueKeysWithValues: wave.figures.map { id, figure in
                                    (id, JSONReport.figure(figure, unit: units[id] ?? .fraction))
                                })),
                    ])
                }),
        ])
        return value.text + "\n"
    }
}
