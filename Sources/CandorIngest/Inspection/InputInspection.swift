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
    /// Per column, in header order.
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
    /// - Parameter profileColumns: count distinct values per column (off: count records only,
    ///   the cheapest pass through ingest).
    package static func inspect(
        path: String, options: ReadOptions = ReadOptions(), profileColumns: Bool = true, threaded: Bool = false
    ) throws(IngestError) -> InputInspection {
        let stream = try IngestStream(path: path, options: options, threaded: threaded)
        let names = stream.layout.columnNames
        var counters = profileColumns ? names.map { _ in [String: Int]() } : []
        var capped = [Bool](repeating: false, count: counters.count)
        var records = 0
        var rejected: [ReasonCode: Int] = [:]
        while let batch = try stream.next() {
            records += batch.count
            for record in 0..<batch.count {
                if let problem = batch.problem(record) {
                    rejected[problem.reason, default: 0] += 1
                    continue
                }
                for column in 0..<counters.count {
                    let value = String(decoding: batch.field(record, column), as: UTF8.self)
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
            file: path, shape: stream.shape!, records: records, rejectedByReason: rejected, columns: profiles)
    }
}
