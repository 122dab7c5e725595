import CandorCore
import CandorIngest
import CandorStorage

/// The cleaning stage's state and logic, as a value: `Cleaner` moves it out of its class
/// storage for the length of a batch, so the per-record work pays no exclusivity checks.
struct CleanerState {
    /// The schema being applied.
    package let schema: SurveySchema
    /// One decoder per schema field, with its value caches and category table.
    var decoders: [FieldDecoder]
    /// The respondent ids seen, with where each was first seen.
    var deduplicator = Deduplicator()
    /// The fingerprints of the well-formed records seen, for identical rows.
    var rowFingerprints = FingerprintSet()
    /// Every count so far: where the records went, data quality, free-text samples.
    var tallies: CleanTallies

    /// Per field, in schema order: a record's quality marks (`QualityMark`), set while decoding.
    private var marks: [UInt8]
    /// Counts each block answered whole, and straight-lined.
    private let straightLining: StraightLining
    /// The first timestamp field, whose latest accepted value dates the report.
    private let timestampField: Int?

    /// The accounting so far.
    package var accounting: CleanAccounting { tallies.accounting(schema: schema, inputInProgress: inputPath) }
    /// The number of the input in progress (0 for the first), −1 before any.
    var inputIndex = -1
    /// The input in progress, as records and messages name it.
    var inputPath = ""
    private var row: [Int64]
    private var dedupeColumn: Int?
    /// The column of the respondent id the cells' sketches use (see `CellSketcher`).
    private var idColumn: Int?
    /// When `keep: latest` is in force: the record (input, record number) that wins each id,
    /// found by a first pass. `nil` otherwise.
    let latestWinners: LatestResponses?
    /// With the history on: turns each accepted response into its cells' sketch entries.
    var sketcher: CellSketcher?

    /// Creates a cleaner for `schema`. With `latestWinners`, duplicates are resolved in favour
    /// of the winners found beforehand instead of the first occurrence.
    init(
        schema: SurveySchema, latestWinners: LatestResponses?, textSampleLimit: Int, sketchPlan: CellSketchPlan? = nil
    ) {
        self.schema = schema
        tallies = CleanTallies(
            fieldCount: schema.fields.count, blockCount: schema.blocks.count, textSampleLimit: textSampleLimit)
        tallies.sketches = sketchPlan.map { CellSketches(capacity: $0.capacity) }
        sketcher = sketchPlan.map { CellSketcher(plan: $0, fieldCount: schema.fields.count) }
        textFields = schema.fields.indices.filter {
            if case .text = schema.fields[$0].kind { return true } else { return false }
        }
        decoders = schema.fields.map { FieldDecoder(spec: $0) }
        row = Array(repeating: Response.missing, count: schema.fields.count)
        self.latestWinners = latestWinners
        straightLining = StraightLining(schema: schema)
        marks = Array(repeating: QualityMark.none, count: schema.fields.count)
        timestampField = schema.fields.firstIndex {
            if case .timestamp = $0.kind { return true } else { return false }
        }
    }

    /// Starts a new input: binds every field to its column(s) in `layout`.
    /// - Throws: `SchemaError.missingColumn` when the input lacks a mapped column.
    package mutating func begin(input path: String, layout: HeaderLayout) throws(SchemaError) {
        let columns = try ColumnBinder.bind(schema, to: layout, file: path)
        let impliedFormats = TimestampFormat.implied(by: layout.format)
        for index in decoders.indices {
            decoders[index].columns = columns[index]
            decoders[index].impliedTimestampFormats = impliedFormats
        }
        tallies.finishInput(inputPath)
        inputIndex += 1
        inputPath = path
        // Here, not when the input's first id is registered: an input whose ids all come from
        // a merged piece (`absorb`) registers none itself, and must still be named.
        inputPaths.append(path)
        dedupeColumn = schema.dedupe.map { columns[$0.field][0] }
        // The respondent's id for the cells' sketches: the dedupe field, else the first id field.
        let idField =
            schema.dedupe?.field ?? schema.fields.firstIndex { if case .id = $0.kind { true } else { false } }
        idColumn = idField.map { columns[$0][0] }
    }

    /// The labels of a category field's codes, in code order (declared values first).
    package func labels(ofField field: Int) -> [String] { decoders[field].categories?.labels ?? [] }

    /// The free-text fields, whose first answers are kept (`CleanTallies.textSamples`).
    private let textFields: [Int]

    /// Cleans one batch: accepted responses are appended to `responses`, rejected records are
    /// passed to `reject`.
    /// - Throws: `CleanFailure` for an invalid value of a field whose policy is `fail`.
    mutating func clean(
        _ batch: RecordBatch, into responses: inout ResponseBatch, reject: (Rejection) -> Void
    ) throws(CleanFailure) {
        let checkProblems = batch.hasProblems
        if let bytes = expectedDataBytes {
            expectedDataBytes = nil
            if dedupeColumn != nil { reserveIDs(forDataBytes: bytes, sampling: batch) }
        }
        try batch.withFields { (fields) throws(CleanFailure) in
            for field in decoders.indices { decoders[field].lookAhead(fields) }
            touchedIDs.removeAll(keepingCapacity: true)
            if let column = dedupeColumn, deduplicator.count >= Self.touchThreshold {
                touchedSlots ^= deduplicator.touch(fields, column: column, keeping: &touchedIDs)
            }
            for record in 0..<batch.count {
                tallies.countRead()
                if checkProblems, let problem = batch.problem(record) {
                    if let column = dedupeColumn, column < fields.fieldCount(record) {
                        _ = registerID(batch, fields, record, column: column)
                    }
                    let provenance = batch.provenance(record)
                    let location = problem.column.map { ": column \($0)" } ?? ""
                    recordRejection(
                        Rejection(
                            provenance: provenance, reason: problem.reason, column: problem.column, field: nil,
                            detail: "\(location): \(problem.detail)",
                            rawFields: batch.rawFields(record)),
                        reject)
                    continue
                }
                try cleanRecord(batch, fields, record, into: &responses, reject: reject)
            }
        }
    }

    /// Cleans record `record` of `batch`, whose fields `fields` are.
    private mutating func cleanRecord(
        _ batch: RecordBatch, _ fields: BatchFields, _ record: Int, into responses: inout ResponseBatch,
        reject: (Rejection) -> Void
    ) throws(CleanFailure) {
        let recordFields = fields.fields(of: record)
        let isRepeat =
            schema.countsIdenticalRows
            && !rowFingerprints.insert(RowFingerprint.of(recordFields, count: fields.fieldCount(record)))
        if isRepeat { tallies.identicalRows += 1 }
        let (firstProblem, failingField) = decodeFields(recordFields, record)
        if let excludedBy = excludingFilter(requireKnown: false) {
            exclude(excludedBy)
            return
        }
        if let field = failingField {
            // The answer itself stays out of the message: it goes to stderr and on to cron mail.
            let provenance = batch.provenance(record)
            throw CleanFailure(
                description:
                    "\(provenance.fileAndLine): column \(decoders[field].columns[0] + 1) (\(schema.fields[field].name)): the answer is not a valid \(schema.fields[field].kind.typeName) value (not shown, as it may identify a respondent); the field's on_invalid is fail, so the run stops"
            )
        }
        var duplicateOf: (input: Int, line: Int, record: Int)?
        if let column = dedupeColumn { duplicateOf = registerID(batch, fields, record, column: column) }
        if let problem = firstProblem {
            let provenance = batch.provenance(record)
            let column = decoders[problem.field].columns[0] + 1
            recordRejection(
                Rejection(
                    provenance: provenance, reason: problem.reason, column: column,
                    field: schema.fields[problem.field].name,
                    detail: ": column \(column) (\(schema.fields[problem.field].name)): \(problem.why)",
                    rawFields: batch.rawFields(record)),
                reject)
            return
        }
        if let excludedBy = excludingFilter(requireKnown: true) {
            exclude(excludedBy)
            return
        }
        // An identical earlier record met the same checks and filters, so it was accepted or
        // rejected as a duplicate itself: this one repeats a counted response.
        if isRepeat && schema.rejectsIdenticalRows {
            recordRejection(
                Rejection(
                    provenance: batch.provenance(record), reason: .duplicateRow, column: nil, field: nil,
                    detail: ": identical in every field to an earlier record", rawFields: batch.rawFields(record)),
                reject)
            return
        }
        // `keep: latest` decides among the records that have a timestamp; an id none of whose
        // records has one has no winner, and falls back to keeping the first.
        if let winners = latestWinners, let column = dedupeColumn,
            let winner = winners.winner(for: fields.field(record, column))
        {
            if winner != LatestResponses.Key(input: inputIndex, record: batch.recordNumber(record)) {
                rejectByDedupe(
                    batch, record, column: column, reason: .supersededResponse,
                    detail:
                        ": superseded by a later response of the same respondent (record \(winner.record) of \(winners.path(of: winner.input)))",
                    reject)
                return
            }
        } else if let first = duplicateOf, let column = dedupeColumn {
            rejectByDedupe(
                batch, record, column: column, reason: .duplicateID, detail: "",
                duplicateOf: Provenance(
                    file: inputPaths[first.input], line: first.line, recordNumber: first.record, byteOffset: 0),
                reject)
            return
        }
        var weight = 1.0
        if let field = schema.weightField {
            guard let valid = checkedWeight(row[field], field: field, batch, record, reject) else { return }
            weight = valid
        }
        if sketcher != nil {
            let id = idColumn.map { fields.field(record, $0) }
            sketcher!.add(row: row, id: id, schema: schema, decoders: decoders, into: &tallies.sketches!)
        }
        accept(weight: weight, into: &responses)
        if tallies.textSampleLimit > 0 { keepText(fields, record) }
    }

    /// Decodes every field of `record` into `row` and `marks`. Returns the first problem that
    /// rejects the record and the first value that stops the run (`on_invalid: fail`); the
    /// caller acts on the failure only once no filter definitely excludes the response (an
    /// excluded response, an unfinished one say, never reaches the statistics).
    ///
    /// Through buffer pointers: written as array subscripts, each field's three stores checked
    /// the arrays' uniqueness and bounds again, about 1% of a run.
    private mutating func decodeFields(_ fields: RecordFields, _ record: Int) -> (
        firstProblem: (field: Int, reason: ReasonCode, why: String)?, failingField: Int?
    ) {
        var firstProblem: (field: Int, reason: ReasonCode, why: String)?
        var failingField: Int?
        decoders.withUnsafeMutableBufferPointer { decoders in
            marks.withUnsafeMutableBufferPointer { marks in
                row.withUnsafeMutableBufferPointer { row in
                    for field in decoders.indices {
                        let decoded = decoders[field].decode(fields, record)
                        marks[field] = QualityMark.none
                        let isNonAnswer = if case .nonAnswer = decoded { true } else { false }
                        // Consumed, so that a value with no payload to free is not destroyed by
                        // a call per field.
                        switch consume decoded {
                        case .value(let value):
                            row[field] = value
                        case .blank, .nonAnswer:
                            row[field] = Response.missing
                            if decoders[field].required {
                                if firstProblem == nil {
                                    firstProblem = (field, .missingRequired, "a required answer is blank")
                                }
                            } else {
                                marks[field] = isNonAnswer ? QualityMark.nonAnswer : QualityMark.blank
                            }
                        case .invalid(let why):
                            row[field] = Response.missing
                            switch decoders[field].onInvalid {
                            case .reject:
                                if firstProblem == nil { firstProblem = (field, .invalidValue, why) }
                            case .missing:
                                marks[field] = QualityMark.invalidAsMissing
                            case .fail:
                                if failingField == nil { failingField = field }
                            }
                        }
                    }
                }
            }
        }
        return (firstProblem, failingField)
    }

    /// Past this many ids the id set's index is larger than the CPU's nearer caches, so a batch's
    /// ids are touched before it is cleaned (`Deduplicator.touch`).
    private static let touchThreshold = 1 << 15
    /// What touching read, kept so that the reads stay.
    private var touchedSlots: UInt32 = 0
    /// Per record of the batch being cleaned, when its ids were touched: its id's key word and
    /// hash, so registering it does not work them out again.
    private var touchedIDs: [(key: UInt64, hash: UInt64)] = []

    /// The data bytes of the input begun, until its first batch sizes the id set by them.
    var expectedDataBytes: Int64?
    /// The most ids a size estimate reserves room for (an index of about 22 MB); past it the
    /// index grows as usual, so a misleading first batch cannot claim much memory.
    private static let reservationLimit = 1 << 22
    /// Below this many records a batch says too little about the input's record size.
    private static let reservationSample = 64

    /// Sizes the id set for the records `bytes` of data would hold at the rate of `batch` (the
    /// input's first): bytes per record from its records' offsets.
    private mutating func reserveIDs(forDataBytes bytes: Int64, sampling batch: RecordBatch) {
        guard batch.count >= Self.reservationSample else { return }
        let span = batch.provenance(batch.count - 1).byteOffset - batch.provenance(0).byteOffset
        guard span > 0 else { return }
        let expected = Double(bytes) * Double(batch.count - 1) / Double(span)
        deduplicator.reserve(deduplicator.count + Int(min(expected, Double(Self.reservationLimit))))
    }

    /// Paths of the inputs begun, by input number (for naming a duplicate's first occurrence).
    var inputPaths: [String] = []

    private mutating func registerID(_ batch: RecordBatch, _ fields: BatchFields, _ record: Int, column: Int) -> (
        input: Int, line: Int, record: Int
    )? {
        let id = fields.field(record, column)
        if id.isEmpty { return nil }
        let (line, number) = (batch.line(record), batch.recordNumber(record))
        guard record < touchedIDs.count else {
            return deduplicator.register(id, input: inputIndex, line: line, record: number)
        }
        let (key, hash) = touchedIDs[record]
        return deduplicator.register(
            id, key: OccurrenceLog.Key(word: key), hash: hash, input: inputIndex, line: line, record: number)
    }

    /// The first filter the current row fails. Before the rejection check only a definite
    /// "no" excludes; afterwards an unknown (unanswered filter field) excludes too.
    private func excludingFilter(requireKnown: Bool) -> String? {
        row.withUnsafeBufferPointer { values in
            for filter in schema.filters {
                switch filter.predicate.evaluate(values) {
                case .some(false): return filter.name
                case nil where requireKnown: return filter.name
                default: continue
                }
            }
            return nil
        }
    }

    private mutating func exclude(_ filter: String) {
        tallies.countExcluded(filter)
    }

    /// Rejects a record that dedupe does not keep, naming the id column and field. The record's
    /// `Provenance` is built here, not for every record: it holds the file name, a reference
    /// that would be counted up and down for each accepted response.
    private mutating func rejectByDedupe(
        _ batch: RecordBatch, _ record: Int, column: Int, reason: ReasonCode, detail: String,
        duplicateOf: Provenance? = nil, _ reject: (Rejection) -> Void
    ) {
        recordRejection(
            Rejection(
                provenance: batch.provenance(record), reason: reason, column: column + 1,
                field: schema.dedupe.map { schema.fields[$0.field].name }, detail: detail, duplicateOf: duplicateOf,
                rawFields: batch.rawFields(record)),
            reject)
    }

    mutating func recordRejection(_ rejection: Rejection, _ reject: (Rejection) -> Void) {
        tallies.countRejected(rejection.reason)
        reject(rejection)
    }

    /// What data-quality count a field of the current record adds to, if the record is accepted.
    private enum QualityMark {
        static let none: UInt8 = 0
        static let blank: UInt8 = 1
        static let nonAnswer: UInt8 = 2
        static let invalidAsMissing: UInt8 = 3
    }

    /// Keeps the record's free-text answers while the sample of each field has room.
    private mutating func keepText(_ fields: BatchFields, _ record: Int) {
        for field in textFields
        where row[field] != Response.missing && tallies.textSamples[field].count < tallies.textSampleLimit {
            tallies.textSamples[field].append(
                String(decoding: fields.field(record, decoders[field].columns[0]), as: UTF8.self))
        }
    }

    private mutating func accept(weight: Double, into responses: inout ResponseBatch) {
        tallies.countAccepted()
        let width = marks.count
        marks.withUnsafeBufferPointer { marks in
            tallies.qualityCounts.withUnsafeMutableBufferPointer { counts in
                for field in marks.indices where marks[field] != QualityMark.none {
                    counts[(Int(marks[field]) - 1) * width + field] += 1
                }
            }
        }
        straightLining.count(row, into: &tallies)
        if let field = timestampField, row[field] != Response.missing { tallies.noteTimestamp(row[field]) }
        row.withUnsafeBufferPointer { responses.append($0, weight: weight) }
    }
}
