import CandorCore
import CandorIngest
import Foundation
import Testing

@testable import CandorClean

/// What one run of the cleaner over test CSV gave.
struct CleanRun {
    /// The accepted responses.
    var responses: ResponseBatch
    /// Rejected records, in order.
    var rejections: [Rejection]
    /// The cleaner, for its accounting and category labels.
    var cleaner: Cleaner
    /// The input paths, in order.
    var paths: [String]

    /// The accounting at the end.
    var accounting: CleanAccounting { cleaner.accounting }

    /// The stored words of accepted response `index` (see `Response`).
    func row(_ index: Int) -> [Int64] {
        responses.withUnsafeValues { values, _ in
            Array(values[index * responses.width..<(index + 1) * responses.width])
        }
    }

    /// Every accepted response's value of field `field`, in order.
    func column(_ field: Int) -> [Int64] { (0..<responses.count).map { row($0)[field] } }

    /// The rejection messages, in order.
    var messages: [String] { rejections.map(\.message) }
}

/// Runs CSV text through ingest and the cleaner, the way a pipeline run does.
enum CleanHarness {
    /// Quotes `cell` for CSV (always), so outer spaces reach the cleaner as written.
    static func quoted(_ cell: String) -> String { "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"" }

    /// Writes each text in `texts` as `input1.csv`, `input2.csv`, … in a fresh temporary folder,
    /// passes their paths to `body`, and removes the folder when `body` returns or throws.
    static func withInputs<T>(_ texts: [String], _ body: ([String]) throws -> T) throws -> T {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("candor-clean-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let paths = texts.indices.map { folder.appendingPathComponent("input\($0 + 1).csv").path }
        for (path, text) in zip(paths, texts) { try Data(text.utf8).write(to: URL(fileURLWithPath: path)) }
        return try body(paths)
    }

    /// Writes `text` to a file in a fresh temporary folder for the length of `body`.
    static func withInput<T>(_ text: String, _ body: (String) throws -> T) throws -> T {
        try withInputs([text]) { try body($0[0]) }
    }

    /// Cleans each CSV text in `inputs` in order with one cleaner; the files are gone again when it returns.
    static func run(_ schema: SurveySchema, _ inputs: [String], latest: Bool = false) throws -> CleanRun {
        try withInputs(inputs) { try run(schema, paths: $0, latest: latest) }
    }

    /// Cleans the CSV files at `paths` in order with one cleaner.
    private static func run(_ schema: SurveySchema, paths: [String], latest: Bool) throws -> CleanRun {
        let options = ReadOptions(delimiter: UInt8(ascii: ","), format: .generic)
        var winners: LatestResponses?
        if latest {
            var finder = try #require(LatestResponseFinder(schema: schema))
            for path in paths {
                let stream = try IngestStream(path: path, options: options)
                try finder.begin(input: path, layout: stream.layout)
                while let batch = try stream.next() { finder.observe(batch) }
            }
            winners = finder.result
        }
        let cleaner = Cleaner(schema: schema, latestWinners: winners)
        var responses = ResponseBatch(width: schema.fields.count)
        var rejections: [Rejection] = []
        for path in paths {
            let stream = try IngestStream(path: path, options: options)
            try cleaner.begin(input: path, layout: stream.layout)
            while let batch = try stream.next() {
                try cleaner.clean(batch, into: &responses) { rejections.append($0) }
            }
        }
        return CleanRun(responses: responses, rejections: rejections, cleaner: cleaner, paths: paths)
    }

    /// Cleans one CSV text.
    static func run(_ schema: SurveySchema, _ csv: String, latest: Bool = false) throws -> CleanRun {
        try run(schema, [csv], latest: latest)
    }

    /// Cleans `header + first + second` whole with one cleaner, and again in two parts: `first`
    /// with a cleaner, `second` with its `laterPart()`, absorbed back as the two-part read does.
    /// Returns both cleaners, whose accounting must agree.
    static func wholeAndParted(
        _ schema: SurveySchema, header: String, first: String, second: String, textSampleLimit: Int = 0
    ) throws -> (whole: Cleaner, parted: Cleaner) {
        let options = ReadOptions(delimiter: UInt8(ascii: ","), format: .generic)
        return try withInputs([header + first + second, header + first, header + second]) { paths in
            func clean(_ cleaner: Cleaner, _ path: String, begin: Bool) throws {
                let stream = try IngestStream(path: path, options: options)
                if begin { try cleaner.begin(input: paths[0], layout: stream.layout) }
                var responses = ResponseBatch(width: schema.fields.count)
                while let batch = try stream.next() { try cleaner.clean(batch, into: &responses) { _ in } }
            }
            let whole = Cleaner(schema: schema, textSampleLimit: textSampleLimit)
            try clean(whole, paths[0], begin: true)
            let parted = Cleaner(schema: schema, textSampleLimit: textSampleLimit)
            try clean(parted, paths[1], begin: true)
            let later = parted.laterPart()
            try clean(later, paths[2], begin: false)
            let lines = first.split(separator: "\n").count
            parted.absorb(later, recoding: parted.recoding(of: later), lines: lines, records: lines)
            return (whole, parted)
        }
    }
}

/// A field read from the header text `name`.
func field(_ name: String, _ kind: FieldKind, onInvalid: InvalidPolicy = .reject, required: Bool = false) -> FieldSpec {
    FieldSpec(name: name, source: ColumnSource(header: name), kind: kind, onInvalid: onInvalid, required: required)
}

/// `id` and an eNPS-like `score` (integer 0–10) with the given policy.
private func scoreSchema(onInvalid: InvalidPolicy = .reject, required: Bool = false) -> SurveySchema {
    SurveySchema(fields: [
        field("id", .id), field("score", .integer(min: 0, max: 10), onInvalid: onInvalid, required: required),
    ])
}

@Test("on_invalid: reject sends the whole response to rejects with file, line, column and field")
func invalidRejects() throws {
    let run = try CleanHarness.run(scoreSchema(), "id,score\nA,5\nB,eleven\n")
    let path = run.paths[0]
    #expect(run.column(1) == [5])
    #expect(run.rejections.count == 1)
    let rejection = try #require(run.rejections.first)
    #expect(rejection.reason == .invalidValue)
    #expect(rejection.field == "score")
    #expect(rejection.column == 2)
    #expect(rejection.provenance.line == 3)
    #expect(rejection.provenance.recordNumber == 2)
    #expect(rejection.rawFields == ["B", "eleven"])
    #expect(rejection.message == "\(path):3: column 2 (score): 'eleven' is not a whole number")
    #expect(run.accounting.rejectedByReason == [.invalidValue: 1])
    #expect(run.accounting.invalidAsMissing.isEmpty)
}

@Test("on_invalid: missing keeps the response, stores missing and counts it")
func invalidAsMissing() throws {
    let run = try CleanHarness.run(scoreSchema(onInvalid: .missing), "id,score\nA,5\nB,eleven\nC,11\n")
    #expect(run.rejections.isEmpty)
    #expect(run.column(1) == [5, Response.missing, Response.missing])
    #expect(run.accounting.invalidAsMissing == ["score": 2])
    #expect(run.accounting.blanks.isEmpty)
    #expect(run.accounting.accepted == 3)
}

@Test("on_invalid: fail stops the run with a message naming file, line, column and field, never the answer")
func invalidFails() throws {
    // The message lands in cron mail: the answer ("call Jane") must not appear in it.
    try CleanHarness.withInput("id,score\nA,5\nB,call Jane\n") { path in
        let stream = try IngestStream(path: path, options: ReadOptions(delimiter: UInt8(ascii: ","), format: .generic))
        let cleaner = Cleaner(schema: scoreSchema(onInvalid: .fail))
        try cleaner.begin(input: path, layout: stream.layout)
        var responses = ResponseBatch(width: 2)
        let batch = try #require(try stream.next())
        #expect(
            throws: CleanFailure(
                description:
                    "\(path):3: column 2 (score): the answer is not a valid integer value (not shown, as it may identify a respondent); the field's on_invalid is fail, so the run stops"
            )
        ) {
            try cleaner.clean(batch, into: &responses) { _ in }
        }
    }
}

@Test("required and blank is missing_required; blank and not required is item non-response")
func blanks() throws {
    let required = try CleanHarness.run(scoreSchema(required: true), "id,score\nA,\nB,3\n")
    #expect(required.rejections.map(\.reason) == [.missingRequired])
    #expect(required.messages == ["\(required.paths[0]):2: column 2 (score): a required answer is blank"])
    #expect(required.column(1) == [3])
    #expect(required.accounting.blanks.isEmpty)

    let optional = try CleanHarness.run(scoreSchema(), "id,score\nA,\nB,3\nC,\"  \"\n")
    #expect(optional.rejections.isEmpty)
    #expect(optional.column(1) == [Response.missing, 3, Response.missing])
    #expect(optional.accounting.blanks == ["score": 2])
}

@Test("a mapped column the input lacks fails begin with the field, the column and the header")
func missingColumn() throws {
    try CleanHarness.withInput("id,rating\nA,5\n") { path in
        let stream = try IngestStream(path: path, options: ReadOptions(delimiter: UInt8(ascii: ","), format: .generic))
        let cleaner = Cleaner(schema: scoreSchema())
        #expect(
            throws: SchemaError.missingColumn(
                field: "score", column: "'score'", file: path, available: ["id", "rating"])
        ) {
            try cleaner.begin(input: path, layout: stream.layout)
        }
        let message = SchemaError.missingColumn(
            field: "score", column: "'score'", file: path, available: ["id", "rating"]
        )
        .description
        #expect(
            message
                == "\(path): field 'score' maps to column 'score', which the header does not have (columns: 'id', 'rating'); fix the field's column in the definition"
        )
    }
}

@Test("header text matches exactly, then case-insensitively")
func headerMatching() throws {
    let schema = SurveySchema(fields: [field("Score", .integer(min: 0, max: 10))])
    let run = try CleanHarness.run(schema, "SCORE\n4\n")
    #expect(run.column(0) == [4])
}
