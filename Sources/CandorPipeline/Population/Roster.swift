import CandorClean
import CandorCore
import CandorIngest
import Foundation

/// The roster of everyone invited, counted per value of each mapped column.
///
/// It is read through the same ingest as the responses (libcsv, encoding and dialect detection),
/// so a broken row is reported the same way: file, line and column. Unlike a response, a roster
/// row cannot be rejected and the run go on, since every row is a person in the denominator: a
/// row ingest cannot read stops the run (exit 65). Memory grows with the number of distinct
/// values, not with rows.
struct Roster: Sendable, Equatable {
    /// One mapped column's counts.
    struct ColumnCounts: Sendable, Equatable {
        /// The definition field the column maps to.
        var field: Int
        /// The field's name.
        var fieldName: String
        /// People per value (trimmed), in order of first appearance.
        var values: [(value: String, invited: Int)]
        /// Rows with a blank value.
        var blank: Int

        static func == (lhs: ColumnCounts, rhs: ColumnCounts) -> Bool {
            lhs.field == rhs.field && lhs.fieldName == rhs.fieldName && lhs.blank == rhs.blank
                && lhs.values.elementsEqual(rhs.values) { $0.value == $1.value && $0.invited == $1.invited }
        }
    }

    /// Rows (people invited).
    var invited: Int
    /// Per mapped column, in the definition's order.
    var columns: [ColumnCounts]

    /// Opens the roster `spec` names and finds its mapped columns, reading the header only.
    /// - Throws: `RunFailure` as `read` does for the file and its header.
    static func open(_ spec: PopulationSpec) throws(RunFailure) -> (stream: IngestStream, columns: [Int]) {
        let stream: IngestStream
        do { stream = try IngestStream(path: spec.path, displayName: spec.displayPath) } catch {
            throw RunFailure(.unreadableInput, "population roster: \(error.description)")
        }
        let indexes = try spec.columns.map { column throws(RunFailure) -> Int in
            let matches = stream.layout.columnNames.indices.filter { stream.layout.columnNames[$0] == column.column }
            guard matches.count == 1 else {
                let error =
                    matches.isEmpty
                    ? SchemaError.missingColumn(
                        field: column.fieldName, column: column.column, file: spec.displayPath,
                        available: stream.layout.columnNames)
                    : SchemaError.ambiguousColumn(
                        field: column.fieldName, header: column.column, firstColumn: matches[0] + 1,
                        secondColumn: matches[1] + 1, file: spec.displayPath)
                throw RunFailure(.configuration, "population roster: \(error.description)")
            }
            return matches[0]
        }
        return (stream, indexes)
    }

    /// Reads the roster `spec` names.
    /// - Throws: `RunFailure`: unreadable input (66) for a missing or unreadable file, configuration
    ///   (78) for a mapped column the header lacks, data quality (65) for a row that cannot be read.
    static func read(_ spec: PopulationSpec) throws(RunFailure) -> Roster {
        let (stream, indexes) = try open(spec)
        var tallies = spec.columns.map { _ in (order: [String](), counts: [String: Int](), blank: 0) }
        var invited = 0
        do {
            while let batch = try stream.next() {
                for record in 0..<batch.count {
                    if let problem = batch.problem(record) {
                        let column = problem.column.map { " column \($0):" } ?? ""
                        throw RunFailure(
                            .dataQuality,
                            "population roster: \(batch.provenance(record).fileAndLine):\(column) \(problem.detail); every roster row is a person invited, so the roster must be read whole"
                        )
                    }
                    for (slot, index) in indexes.enumerated() {
                        guard index < batch.fieldCount(record) else {
                            throw RunFailure(
                                .dataQuality,
                                "population roster: \(batch.provenance(record).fileAndLine): column \(index + 1): the row has \(batch.fieldCount(record)) fields, so no '\(spec.columns[slot].column)'"
                            )
                        }
                        let value = batch.withField(record, index) { String(decoding: $0, as: UTF8.self) }
                            .trimmingCharacters(in: .whitespaces)
                        if value.isEmpty {
                            tallies[slot].blank += 1
                        } else if let count = tallies[slot].counts[value] {
                            tallies[slot].counts[value] = count + 1
                        } else {
                            tallies[slot].counts[value] = 1
                            tallies[slot].order.append(value)
                        }
                    }
                    invited += 1
                }
            }
        } catch let failure as RunFailure {
            throw failure
        } catch {
            throw RunFailure(.unreadableInput, "population roster: \(error)")
        }
        return Roster(
            invited: invited,
            columns: zip(spec.columns, tallies).map { column, tally in
                ColumnCounts(
                    field: column.field, fieldName: column.fieldName,
                    values: tally.order.map { ($0, tally.counts[$0] ?? 0) }, blank: tally.blank)
            })
    }
}
