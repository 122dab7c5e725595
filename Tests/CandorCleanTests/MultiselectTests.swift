import CandorCore
import Testing

@testable import CandorClean

/// Bits: Micromanager 1, Absentee 2, "Credit taker, blame shifter" 4, Bully 8, None of these 16.
private let options = ["Micromanager", "Absentee", "Credit taker, blame shifter", "Bully"]
private let optionList = "Micromanager; Absentee; Credit taker, blame shifter; Bully; None of these"

private func joined(_ separator: String) -> FieldKind {
    .multiselect(
        MultiselectSpec(options: options, noneOption: "None of these", encoding: .joined(separator: separator)))
}

@Test(
    "multiselect joined with \";\"",
    arguments: [
        ("Micromanager;Bully", Expected.value(9)), ("Bully; micromanager", .value(9)), ("None of these", .value(16)),
        ("Credit taker, blame shifter;Absentee", .value(6)), ("Bully;Bully", .value(8)), ("Absentee", .value(2)),
        ("Micromanager;Bully;", .value(9)), ("", .blank),
        ("Micromanager;Tyrant", .invalid("'Tyrant' is not one of the options (\(optionList))")),
        ("Credit taker", .invalid("'Credit taker' is not one of the options (\(optionList))")),
        ("Bullying", .invalid("'Bullying' is not one of the options (\(optionList))")),
    ] as [(String, Expected)])
func joinedSemicolon(cell: String, expected: Expected) throws {
    try expectCell(joined(";"), cell, expected)
}

@Test(
    "multiselect joined with \", \" where an option's own text holds \", \"",
    arguments: [
        ("Credit taker, blame shifter, Bully", Expected.value(12)),
        ("Absentee, Credit taker, blame shifter", .value(6)),
        ("Credit taker, blame shifter", .value(4)), ("micromanager, absentee, bully", .value(11)),
        ("Micromanager, Tyrant", .invalid("'Tyrant' is not one of the options (\(optionList))")),
        ("Tyrant, Bully", .invalid("'Tyrant' is not one of the options (\(optionList))")),
    ] as [(String, Expected)])
func joinedCommaSpace(cell: String, expected: Expected) throws {
    try expectCell(joined(", "), cell, expected)
}

private let perOption = [ColumnSource(header: "Q5_1"), ColumnSource(header: "Q5_2"), ColumnSource(header: "Q5_3")]
private let shortOptions = ["Micromanager", "Absentee"]

@Test(
    "multiselect, one column per option (SurveyMonkey): non-blank is chosen, all blank is unanswered",
    arguments: [
        (["Micromanager", "", ""], Expected.value(1)), (["", "Absentee", ""], .value(2)),
        (["Micromanager", "Absentee", ""], .value(3)), (["", "", "None of these"], .value(4)), (["", "", ""], .blank),
        (["x", "", ""], .value(1)),
    ] as [([String], Expected)])
func columnPerOption(cells: [String], expected: Expected) throws {
    let kind = FieldKind.multiselect(
        MultiselectSpec(options: shortOptions, noneOption: "None of these", encoding: .columnPerOption(perOption)))
    try expectRow(kind, cells, expected)
}

@Test(
    "multiselect, 0/1 columns",
    arguments: [
        (["1", "0", "0"], Expected.value(1)), (["0", "1", "1"], .value(6)), (["1", "1", "0"], .value(3)),
        (["", "", ""], .blank),
        (["2", "0", "0"], .invalid("'2' in the column for 'Micromanager' is not 0 or 1")),
        (["yes", "0", "0"], .invalid("'yes' in the column for 'Micromanager' is not 0 or 1")),
    ] as [([String], Expected)])
func binaryColumns(cells: [String], expected: Expected) throws {
    let kind = FieldKind.multiselect(
        MultiselectSpec(options: shortOptions, noneOption: "None of these", encoding: .binaryColumns(perOption)))
    try expectRow(kind, cells, expected)
}

/// Like `expectCell`, for a field that spans the columns Q5_1, Q5_2 and Q5_3 (after a `pad`
/// column, so the field's first column is column 2).
private func expectRow(
    _ kind: FieldKind, _ cells: [String], _ expected: Expected, sourceLocation: SourceLocation = #_sourceLocation
) throws {
    let schema = SurveySchema(fields: [field("f", kind)])
    let run = try CleanHarness.run(
        schema, "pad,Q5_1,Q5_2,Q5_3\nx,\(cells.map(CleanHarness.quoted).joined(separator: ","))\n")
    switch expected {
    case .value(let value):
        #expect(run.rejections.isEmpty, sourceLocation: sourceLocation)
        #expect(run.column(0) == [value], sourceLocation: sourceLocation)
    case .blank:
        #expect(run.column(0) == [Response.missing], sourceLocation: sourceLocation)
        #expect(run.accounting.blanks == ["f": 1], sourceLocation: sourceLocation)
    case .nonAnswer:
        Issue.record("no non-answers for multiselect")
    case .invalid(let why):
        #expect(run.messages == ["\(run.paths[0]):2: column 2 (f): \(why)"], sourceLocation: sourceLocation)
    }
}

@Test("the none option is the bit after the declared options")
func noneBit() {
    let spec = MultiselectSpec(options: options, noneOption: "None of these", encoding: .joined(separator: ";"))
    #expect(spec.noneBit == 16)
    #expect(MultiselectSpec(options: options, encoding: .joined(separator: ";")).noneBit == 0)
}
