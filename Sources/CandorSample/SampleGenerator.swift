/// Writes a synthetic survey export, deterministically and in bounded memory.
///
/// The same arguments give the same bytes on every run and machine: randomness comes from a seeded
/// `SplitMix64` per row, and dates are formatted by hand in UTC. Output is RFC 4180 CSV with CRLF
/// line ends, handed to the sink in chunks of at most `maximumChunkBytes`.
package struct SampleGenerator: Sendable {
    /// The largest chunk the sink is ever given.
    package static let maximumChunkBytes = 65_536
    /// The seed `candor sample` uses unless told otherwise.
    package static let defaultSeed: UInt64 = 20_260_314

    /// The survey to write.
    package let survey: SampleSurvey
    /// The export layout.
    package let format: SampleFormat
    /// Data rows (header rows not counted).
    package let rows: Int
    /// The random seed.
    package let seed: UInt64
    /// How many data rows carry a planted defect (included in `rows`).
    package let dirtyRows: Int

    /// The usual number of dirty rows for a file of `rows`: 0.5%, rounded down.
    package static func defaultDirtyRows(forRows rows: Int) -> Int {
        max(0, rows) / 200
    }

    /// Checks the arguments and prepares a generator.
    /// - Throws: `SampleError` when the survey has no such format or a count is out of range.
    package init(survey: SampleSurvey, format: SampleFormat, rows: Int, seed: UInt64, dirtyRows: Int)
        throws(SampleError)
    {
        guard survey.supportedFormats.contains(format) else {
            throw .unsupportedFormat(survey: survey, format: format)
        }
        guard rows >= 0 else { throw .negativeRowCount(rows) }
        guard dirtyRows >= 0, dirtyRows <= rows else { throw .invalidDirtyRowCount(dirtyRows: dirtyRows, rows: rows) }
        self.survey = survey
        self.format = format
        self.rows = rows
        self.seed = seed
        self.dirtyRows = dirtyRows
    }

    /// Streams the whole file to `sink`, one chunk of at most `maximumChunkBytes` at a time.
    ///
    /// The buffer is only valid during each call; the sink must copy or write it out.
    /// - Throws: whatever the sink throws, which stops the output.
    package func write<Failure: Error>(to sink: (UnsafeRawBufferPointer) throws(Failure) -> Void) throws(Failure) {
        let roster = TeamRoster(seed: seed, rows: rows)
        let plan = DirtyRowPlan(rows: rows, dirtyRows: dirtyRows)
        let headers: [[String]]
        let record: (Int, DirtyRowKind?) -> [String]
        switch survey {
        case .badBoss:
            let export = BadBossExport(format: format, seed: seed, rows: rows, roster: roster)
            headers = export.headerRecords
            record = export.record
        case .engagement:
            let export = EngagementExport(seed: seed, rows: rows, roster: roster)
            headers = export.headerRecords
            record = export.record
        }
        var writer = CSVChunkWriter()
        // Qualtrics downloads start with a UTF-8 byte-order mark; readers must cope with it.
        if format == .qualtrics { writer.appendRaw([0xEF, 0xBB, 0xBF]) }
        for header in headers { writer.record(header) }
        for row in 0..<rows {
            writer.record(record(row, plan.kind(atRow: row)))
            if writer.isFull { try writer.drain(into: sink) }
        }
        try writer.drain(into: sink)
    }

    /// The whole file as one array, for tests and small outputs (memory grows with `rows`).
    package func bytes() -> [UInt8] {
        var output: [UInt8] = []
        write { chunk in output.append(contentsOf: chunk) }
        return output
    }
}
