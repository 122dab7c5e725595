import CandorIngest
import Testing

@testable import CandorClean

/// A header that names two columns alike cannot be mapped by that name: today's mapping took
/// the first silently (issue 22, defect 11).
@Suite struct DuplicateHeaderTests {
    /// Columns (1-based): 1 r, 2 team, 3 x, 4 team.
    static let layout = HeaderLayout(
        format: .generic, headerRows: 1, columnNames: ["r", "team", "x", "team"],
        columnIDs: [["r"], ["team"], ["x"], ["team"]], questionTexts: [nil, nil, nil, nil])

    @Test func mappingARepeatedHeaderNamesBothColumns() {
        let schema = SurveySchema(fields: [
            FieldSpec(name: "respondent", source: ColumnSource(header: "r"), kind: .id),
            FieldSpec(name: "team", source: ColumnSource(header: "Team"), kind: .category(CategorySpec())),
        ])
        #expect(
            throws: SchemaError.ambiguousColumn(
                field: "team", header: "team", firstColumn: 2, secondColumn: 4, file: "in.csv")
        ) {
            try Cleaner(schema: schema).begin(input: "in.csv", layout: Self.layout)
        }
        #expect(
            SchemaError.ambiguousColumn(field: "team", header: "team", firstColumn: 2, secondColumn: 4, file: "in.csv")
                .description
                == "in.csv: field 'team' maps to column 'team', which the header has twice (columns 2 and 4); rename one of them in the input, or map the field by a column id that tells them apart"
        )
    }

    @Test func aRepeatedHeaderNoFieldMapsIsFine() throws {
        let schema = SurveySchema(fields: [
            FieldSpec(name: "respondent", source: ColumnSource(header: "r"), kind: .id)
        ])
        try Cleaner(schema: schema).begin(input: "in.csv", layout: Self.layout)
    }

    @Test func theLayoutListsItsRepeatedNames() {
        let names = Self.layout.duplicateColumnNames
        #expect(names.map(\.name) == ["team"])
        #expect(names.map(\.columns) == [[1, 3]])
    }
}
