import CandorCore

/// What `candor inspect` reports about one input: its shape, its records and, per column, how
/// many distinct values it holds and the most frequent few.
package struct InputInspection: Sendable {
    /// The input's path.
    package var file: String
    /// Encoding, delimiter, line endings, layout, size and checksum.
    package var shape: InputShape
    /// Data records read (after the header rows).
    package var records: Int
    /// Records ingest rejects, by reason.
    package var rejectedByReason: [ReasonCode: Int]
    /// Per column, in header order; empty when only records were counted.
    package var columns: [ColumnProfile]

    /// Records ingest rejects, in all.
    package var rejected: Int { rejectedByReason.values.reduce(0, +) }

    /// Distinct values of one column.
    package struct ColumnProfile: Sendable {
        /// The column's name.
        package var name: String
        /// Distinct values seen, up to `ColumnProfile.distinctLimit`.
        package var distinct: Int
        /// Whether more distinct values were seen than were counted.
        package var distinctCapped: Bool
        /// The most frequent values with their counts, most frequent first (ties by value).
        package var top: [(value: String, count: Int)]

        /// Counting stops at this many distinct values per column, so memory stays bounded on
        /// id-like columns.
        package static let distinctLimit = 10_000
    }

    /// Reads `path` through ingest and profiles it.
    /// - Parameters:
    ///   - profileColumns: count distinct values per column (off: count records and rejects
    ///     only, the cheapest pass through ingest, which reads large files with two threads).
    ///   - parallel: with `profileColumns` off, cut a large file in two parts read at once.
    package static func inspect(
        path: String, options: ReadOptions = ReadOptions(), profileColumns: Bool = true, parallel: Bool = true
    ) throws(IngestError) -> InputInspection {
        guard profileColumns else { return try count(path: path, options: options, parallel: parallel) }
        let stream = try IngestStream(path: path, options: options)
        let names = stream.layout.columnNames
        var counters = names.map { _ in [String: Int]() }
        var capped = [Bool](repeating: false, count: counters.count)
        var tally = Tally()
        while let batch = try stream.next() {
            tally.add(batch)
            for record in 0..<batch.count where batch.problem(record) == nil {
                for column in 0..<counters.count {
                    let value = batch.withField(record, column) { String(decoding: $0, as: UTF8.self) }
                    if counters[column][value] != nil || counters[column].count < ColumnProfile.distinctLimit {
                        counters[column][value, default: 0] += 1
                    } else {
                        capped[column] = true
                    }
                }
            }
        }
        let profiles = counters.indices.map { column in
            ColumnProfile(
                name: names[column], distinct: counters[column].count, distinctCapped: capped[column],
                top: counters[column].sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    .prefix(5).map { (value: $0.key, count: $0.value) })
        }
        // `shape` is set once the stream is exhausted, which the loop above guarantees.
        return InputInspection(
            file: path, shape: stream.shape!, records: tally.records, rejectedByReason: tally.rejectedByReason,
            columns: profiles)
    }

    private static func count(path: String, options: ReadOptions, parallel: Bool) throws(IngestError)
        -> InputInspection
    {
        let outcome = try ParallelIngest.read(
            path: path, options: options, minimumPartBytes: parallel ? ParallelIngest.defaultMinimumPartBytes : .max,
            initial: Tally()
        ) { tally, batch in tally.add(batch) }
        var total = Tally()
        for part in outcome.parts {
            total.records += part.partial.records
            total.rejectedByReason.merge(part.partial.rejectedByReason, uniquingKeysWith: +)
        }
        return InputInspection(
            file: path, shape: outcome.shape, records: total.records, rejectedByReason: total.rejectedByReason,
            columns: [])
    }

    /// Records read and rejected by reason.
    private struct Tally: Sendable {
        var records = 0
        var rejectedByReason: [ReasonCode: Int] = [:]

        mutating func add(_ batch: RecordBatch) {
            records += batch.count
            guard batch.hasProblems else { return }
            for record in 0..<batch.count {
                if let problem = batch.problem(record) { rejectedByReason[problem.reason, default: 0] += 1 }
            }
        }
    }
}
