import CandorCore
import Testing

@testable import CandorClean

/// What one cell should become.
enum Expected: Sendable, CustomTestStringConvertible {
    /// Accepted with this stored value.
    case value(Int64)
    /// Blank: kept, stored missing, counted in `blanks`.
    case blank
    /// A declared non-answer: kept, stored missing, counted in `nonAnswers`.
    case nonAnswer
    /// Rejected as invalid_value with this reason (the message after "FILE:2: column 1 (f): ").
    case invalid(String)

    var testDescription: String {
        switch self {
        case .value(let value): "value \(value)"
        case .blank: "blank"
        case .nonAnswer: "non-answer"
        case .invalid(let why): "invalid: \(why)"
        }
    }
}

/// Cleans one record whose only column `f` holds `cell` (quoted, so outer spaces are kept) and
/// checks the outcome.
func expectCell(
    _ kind: FieldKind, _ cell: String, _ expected: Expected, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let run = try CleanHarness.run(SurveySchema(fields: [field("f", kind)]), "f\n\(CleanHarness.quoted(cell))\n")
    switch expected {
    case .value(let value):
        #expect(run.rejections.isEmpty, sourceLocation: sourceLocation)
        #expect(run.column(0) == [value], sourceLocation: sourceLocation)
        #expect(run.accounting.blanks.isEmpty && run.accounting.nonAnswers.isEmpty, sourceLocation: sourceLocation)
    case .blank:
        #expect(run.column(0) == [Response.missing], sourceLocation: sourceLocation)
        #expect(run.accounting.blanks == ["f": 1], sourceLocation: sourceLocation)
    case .nonAnswer:
        #expect(run.rejections.isEmpty, sourceLocation: sourceLocation)
        #expect(run.column(0) == [Response.missing], sourceLocation: sourceLocation)
        #expect(run.accounting.nonAnswers == ["f": 1], sourceLocation: sourceLocation)
        #expect(run.accounting.blanks.isEmpty, sourceLocation: sourceLocation)
    case .invalid(let why):
        #expect(run.responses.count == 0, sourceLocation: sourceLocation)
        #expect(run.rejections.map(\.reason) == [.invalidValue], sourceLocation: sourceLocation)
        #expect(run.messages == ["\(run.paths[0]):2: column 1 (f): \(why)"], sourceLocation: sourceLocation)
    }
}

let agree5 = LikertScale(
    name: "agree5", labels: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"],
    nonAnswers: ["Don't know", "N/A", "Prefer not to say"])
let agree4 = LikertScale(name: "agree4", labels: ["Strongly disagree", "Disagree", "Agree", "Strongly agree"])
let agree7 = LikertScale(
    name: "agree7",
    labels: [
        "Strongly disagree", "Disagree", "Somewhat disagree", "Neutral", "Somewhat agree", "Agree", "Strongly agree",
    ])

let departments = CategorySpec(values: ["Engineering", "Sales"], aliases: ["Eng": "Engineering"])

@Test(
    "category: trimmed, case-insensitive, aliases; an open set takes new values",
    arguments: [
        ("Engineering", Expected.value(0)), ("  sales ", .value(1)), ("ENGINEERING", .value(0)), ("eng", .value(0)),
        (" Eng", .value(0)), ("Support", .value(2)), ("", .blank), ("   ", .blank),
    ] as [(String, Expected)])
func openCategory(cell: String, expected: Expected) throws {
    try expectCell(.category(departments), cell, expected)
}

@Test(
    "category: a closed set rejects unknown values",
    arguments: [
        ("sales", Expected.value(1)), ("ENG", .value(0)),
        ("Support", .invalid("'Support' is not one of the declared values (Engineering, Sales)")),
    ] as [(String, Expected)])
func closedCategory(cell: String, expected: Expected) throws {
    var closed = departments
    closed.closed = true
    try expectCell(.category(closed), cell, expected)
}

@Test("category: an open set grows its codes in order of first appearance")
func openCategoryOrder() throws {
    let schema = SurveySchema(fields: [field("f", .category(departments))])
    let run = try CleanHarness.run(schema, "f\nSupport\nMarketing\n support\nsales\nMARKETING\nOps\n")
    // Declared: Engineering 0, Sales 1; then Support 2, Marketing 3, Ops 4.
    #expect(run.column(0) == [2, 3, 2, 1, 3, 4])
    #expect(run.cleaner.labels(ofField: 0) == ["Engineering", "Sales", "Support", "Marketing", "Ops"])
}

@Test(
    "likert 1–5: labels in any case, numbers, non-answers",
    arguments: [
        ("Strongly agree", Expected.value(5)), ("strongly AGREE", .value(5)), ("  Disagree ", .value(2)),
        ("neither agree nor disagree", .value(3)), ("1", .value(1)), ("5", .value(5)),
        ("Don't know", .nonAnswer), ("n/a", .nonAnswer), ("PREFER NOT TO SAY", .nonAnswer), ("", .blank),
        ("7", .invalid("'7' is not a point of scale agree5 (1–5 or its labels)")),
        ("0", .invalid("'0' is not a point of scale agree5 (1–5 or its labels)")),
        ("Agreed", .invalid("'Agreed' is not a point of scale agree5 (1–5 or its labels)")),
    ] as [(String, Expected)])
func likert5(cell: String, expected: Expected) throws {
    try expectCell(.likert(agree5, reverse: false), cell, expected)
}

@Test(
    "likert 4- and 7-point scales",
    arguments: [
        (agree4, "Agree", Expected.value(3)), (agree4, "4", .value(4)), (agree4, "strongly disagree", .value(1)),
        (agree4, "5", .invalid("'5' is not a point of scale agree4 (1–4 or its labels)")),
        (agree4, "Don't know", .invalid("'Don't know' is not a point of scale agree4 (1–4 or its labels)")),
        (agree7, "Somewhat agree", .value(5)), (agree7, "neutral", .value(4)), (agree7, "7", .value(7)),
        (agree7, "8", .invalid("'8' is not a point of scale agree7 (1–7 or its labels)")),
    ] as [(LikertScale, String, Expected)])
func likertScales(scale: LikertScale, cell: String, expected: Expected) throws {
    try expectCell(.likert(scale, reverse: false), cell, expected)
}

@Test(
    "likert reverse-coded: point p stores min + max − p",
    arguments: [
        (agree5, "2", Expected.value(4)), (agree5, "Strongly disagree", .value(5)), (agree5, "3", .value(3)),
        (agree5, "strongly agree", .value(1)), (agree5, "Don't know", .nonAnswer),
        (agree4, "1", .value(4)), (agree4, "Agree", .value(2)), (agree7, "2", .value(6)),
    ] as [(LikertScale, String, Expected)])
func likertReverse(scale: LikertScale, cell: String, expected: Expected) throws {
    try expectCell(.likert(scale, reverse: true), cell, expected)
}

@Test("likert non-answers are counted per field and never rejected")
func likertNonAnswersCounted() throws {
    let schema = SurveySchema(fields: [
        field("q1", .likert(agree5, reverse: false)), field("q2", .likert(agree5, reverse: true)),
    ])
    let run = try CleanHarness.run(schema, "q1,q2\nDon't know,N/A\n4,don't know\nAgree,\n")
    #expect(run.rejections.isEmpty)
    #expect(run.column(0) == [Response.missing, 4, 4])
    #expect(run.column(1) == [Response.missing, Response.missing, Response.missing])
    #expect(run.accounting.nonAnswers == ["q1": 1, "q2": 2])
    #expect(run.accounting.blanks == ["q2": 1])
}

@Test(
    "integer with a range (eNPS 0–10)",
    arguments: [
        ("7", Expected.value(7)), ("0", .value(0)), ("10", .value(10)), (" 3 ", .value(3)),
        ("11", .invalid("11 is outside 0–10")), ("-1", .invalid("-1 is outside 0–10")),
        ("eleven", .invalid("'eleven' is not a whole number")), ("7.5", .invalid("'7.5' is not a whole number")),
        ("N/A", .invalid("'N/A' is not a whole number")), ("", .blank),
    ] as [(String, Expected)])
func integerRange(cell: String, expected: Expected) throws {
    try expectCell(.integer(min: 0, max: 10), cell, expected)
}

@Test(
    "boolean: yes/no, true/false, 1/0 in any case",
    arguments: [
        ("yes", Expected.value(1)), ("No", .value(0)), ("TRUE", .value(1)), ("false", .value(0)), ("1", .value(1)),
        ("0", .value(0)), ("", .blank),
        ("maybe", .invalid("'maybe' is not a yes/no answer (yes, true, y, 1, no, false, n, 0)")),
    ] as [(String, Expected)])
func booleanStandard(cell: String, expected: Expected) throws {
    try expectCell(.boolean(.standard), cell, expected)
}

@Test(
    "boolean: custom true_values and false_values replace the defaults",
    arguments: [
        ("Agreed", Expected.value(1)), ("agreed", .value(1)), ("Declined", .value(0)),
        ("yes", .invalid("'yes' is not a yes/no answer (Agreed, Declined)")),
    ] as [(String, Expected)])
func booleanCustom(cell: String, expected: Expected) throws {
    try expectCell(.boolean(BooleanSpec(trueValues: ["Agreed"], falseValues: ["Declined"])), cell, expected)
}

// python3 -c "import calendar; print(calendar.timegm((2026,3,14,9,5,31,0,0,0)), calendar.timegm((2026,3,14,0,0,0,0,0,0)))"
// -> 1773479131 1773446400
@Test(
    "timestamp: ISO 8601 and declared date styles; mixed styles each read right; ambiguity is invalid",
    arguments: [
        (["iso8601"], "2026-03-14T09:05:31Z", Expected.value(1_773_479_131)),
        (["iso8601"], "2026-03-14", .value(1_773_446_400)),
        (["iso8601"], "14/03/2026", .invalid("'14/03/2026' does not match the declared format(s) iso8601")),
        (["M/D/YYYY"], "3/14/2026", .value(1_773_446_400)),
        (["M/D/YYYY", "DD-MM-YYYY"], "3/14/2026", .value(1_773_446_400)),
        (["M/D/YYYY", "DD-MM-YYYY"], "14-03-2026", .value(1_773_446_400)),
        (
            ["M/D/YYYY", "DD-MM-YYYY"], "03-14-2026",
            .invalid("'03-14-2026' does not match the declared format(s) M/D/YYYY, DD-MM-YYYY")
        ),
        (
            ["M/D/YYYY", "DD-MM-YYYY"], "14/3/2026",
            .invalid("'14/3/2026' does not match the declared format(s) M/D/YYYY, DD-MM-YYYY")
        ),
        (
            ["M/D/YYYY", "D/M/YYYY"], "03/04/2026",
            .invalid("'03/04/2026' is ambiguous: it reads differently as M/D/YYYY and D/M/YYYY")
        ),
        (["M/D/YYYY", "D/M/YYYY"], "3/14/2026", .value(1_773_446_400)),
        (["iso8601"], "", .blank),
    ] as [([String], String, Expected)])
func timestamps(patterns: [String], cell: String, expected: Expected) throws {
    try expectCell(.timestamp(formats: try patterns.map { try TimestampFormat(pattern: $0) }), cell, expected)
}

@Test("timestamp: a column mixing M/D/YYYY and DD-MM-YYYY reads every row to its own date")
func timestampMixedColumn() throws {
    // python3 -c "import calendar; print([calendar.timegm((2026,m,d,0,0,0,0,0,0)) for (m,d) in [(3,14),(4,3),(12,1),(1,12)]])"
    // -> [1773446400, 1775174400, 1796083200, 1768176000]
    let formats = [try TimestampFormat(pattern: "M/D/YYYY"), try TimestampFormat(pattern: "DD-MM-YYYY")]
    let run = try CleanHarness.run(
        SurveySchema(fields: [field("f", .timestamp(formats: formats))]),
        "f\n3/14/2026\n03-04-2026\n12/1/2026\n12-01-2026\n")
    #expect(run.rejections.isEmpty)
    #expect(run.column(0) == [1_773_446_400, 1_775_174_400, 1_796_083_200, 1_768_176_000])
}

@Test(
    "text and id: answered stores 0, blank is missing",
    arguments: [("anything at all", Expected.value(0)), ("=1+1", .value(0)), ("", .blank)] as [(String, Expected)])
func text(cell: String, expected: Expected) throws {
    try expectCell(.text, cell, expected)
}
