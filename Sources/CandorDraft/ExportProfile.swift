import CandorCore
import CandorIngest

/// What one pass over a set of exports with the same columns found: how they are read, and a
/// profile of every column.
package struct ExportProfile: Sendable {
    /// The exports, as given.
    package var files: [String]
    /// The header layout (of the first export; the others match it).
    package var layout: HeaderLayout
    /// The encoding read.
    package var encoding: TextEncoding
    /// Whether the encoding was given rather than detected.
    package var encodingDeclared: Bool
    /// The delimiter in use.
    package var delimiter: UInt8
    /// Data records read, in all exports.
    package var records: Int
    /// Records ingest rejected (ragged rows, bad encoding…): left out of the profiles.
    package var rejected: Int
    /// Of those, records that were not valid UTF-8.
    package var invalidUTF8 = 0
    /// Per column, in header order.
    package var columns: [ColumnProfile]

    /// Reads every export once through ingest and profiles its columns.
    /// - Parameter options: what the user fixed with `--encoding`, `--delimiter`, `--format`;
    ///   the rest is detected.
    /// - Throws: ``DraftError`` when an export cannot be read or its columns differ from the
    ///   first's.
    package static func read(_ files: [String], options: ReadOptions = ReadOptions()) throws(DraftError)
        -> ExportProfile
    {
        try pass(files, options: options)
    }

    /// One pass over every export with `options`.
    private static func pass(_ files: [String], options: ReadOptions) throws(DraftError) -> ExportProfile {
        var profile: ExportProfile?
        for file in files {
            let stream: IngestStream
            do { stream = try IngestStream(path: file, options: options) } catch { throw .unreadable(error) }
            let names = stream.layout.columnNames
            guard !names.isEmpty else { throw .noColumns(file: file) }
            if let first = profile {
                guard first.layout.columnNames == names else {
                    throw .differentColumns(file: file, expected: first.layout.columnNames, found: names)
                }
            } else {
                profile = ExportProfile(
                    files: files, layout: stream.layout, encoding: stream.encoding,
                    encodingDeclared: options.encoding != nil, delimiter: stream.delimiter, records: 0, rejected: 0,
                    columns: names.indices.map { index in
                        ColumnProfile(name: names[index], question: stream.layout.questionTexts[index])
                    })
            }
            do {
                while let batch = try stream.next() { profile!.add(batch) }
            } catch {
                throw .unreadable(error)
            }
        }
        // `files` is never empty: the command requires at least one export.
        return profile!
    }

    private mutating func add(_ batch: RecordBatch) {
        records += batch.count
        for record in 0..<batch.count {
            if let problem = batch.problem(record) {
                rejected += 1
                if problem.reason == .invalidEncoding { invalidUTF8 += 1 }
                continue
            }
            for column in columns.indices { batch.withField(record, column) { columns[column].add($0) } }
        }
    }
}
