import CandorCore
import CandorIngest
import CandorStorage

/// For `dedupe: keep: latest`: which record of each respondent id is the latest one.
///
/// Keeping the latest response cannot be decided in one streaming pass (a later record may
/// supersede one already counted), so a run with this rule reads its inputs twice: a first,
/// cheap pass reads only the id and the ordering timestamp of every record into this table,
/// and the cleaning pass keeps exactly the winners. Ties go to the later record.
package struct LatestResponses: Sendable {
    /// A record: its input's position in the run and its record number there.
    package struct Key: Sendable, Equatable {
        package var input: Int
        package var record: Int
    }

    private var ids = ByteInterner(expected: 1 << 16)
    private var latest: [Int64] = []
    private var winners: [Key] = []
    private var paths: [String] = []

    /// The winning record of `id`, if the id was seen.
    func winner(for id: UnsafeRawBufferPointer) -> Key? {
        ids.code(of: id).map { winners[$0] }
    }

    /// The path of input number `input`.
    func path(of input: Int) -> String { input < paths.count ? paths[input] : "?" }

    mutating func observe(id: UnsafeRawBufferPointer, timestamp: Int64, key: Key) {
        let (code, isNew) = ids.intern(id)
        if isNew {
            latest.append(timestamp)
            winners.append(key)
        } else if timestamp >= latest[code] {
            latest[code] = timestamp
            winners[code] = key
        }
    }

    mutating func addPath(_ path: String) { paths.append(path) }
}

/// The first pass of `keep: latest`: feeds every record's id and timestamp to a
/// `LatestResponses` table.
package struct LatestResponseFinder {
    private var table = LatestResponses()
    private var timestampDecoder: FieldDecoder
    private var idColumn = 0
    private var inputIndex = -1
    private let schema: SurveySchema

    /// Creates a finder for a schema whose dedupe rule is `keep: latest`.
    package init?(schema: SurveySchema) {
        guard let rule = schema.dedupe, case .latest(let orderBy) = rule.keep else { return nil }
        self.schema = schema
        timestampDecoder = FieldDecoder(spec: schema.fields[orderBy])
    }

    /// Starts an input.
    package mutating func begin(input path: String, layout: HeaderLayout) throws(SchemaError) {
        guard let rule = schema.dedupe, case .latest(let orderBy) = rule.keep else { return }
        let columns = try ColumnBinder.bind(schema, to: layout, file: path)
        idColumn = columns[rule.field][0]
        timestampDecoder.columns = columns[orderBy]
        timestampDecoder.impliedTimestampFormats = TimestampFormat.implied(by: layout.format)
        inputIndex += 1
        table.addPath(path)
    }

    /// Reads the ids and timestamps of a batch. Records ingest rejects, or whose timestamp is
    /// blank or invalid, do not take part (they cannot win); nor do blank ids, which are not
    /// duplicates of each other (as under `keep: first`).
    package mutating func observe(_ batch: RecordBatch) {
        batch.withFields { fields in
            for record in 0..<batch.count where batch.problem(record) == nil && !fields.field(record, idColumn).isEmpty
            {
                guard case .value(let seconds) = timestampDecoder.decode(fields.fields(of: record), record) else {
                    continue
                }
                table.observe(
                    id: fields.field(record, idColumn), timestamp: seconds,
                    key: .init(input: inputIndex, record: batch.provenance(record).recordNumber))
            }
        }
    }

    /// The winners found.
    package var result: LatestResponses { table }
}
