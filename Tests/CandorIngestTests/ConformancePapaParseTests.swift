import Testing

/// A Papa Parse test case (tests/test-cases.extracted.json) whose expectation is also RFC 4180's:
/// the input, and every row including the header. Blank lines are skipped, as with Papa Parse's
/// `skipEmptyLines`; spaces are kept (`trimSpaces: false`).
struct PapaParseCase: Sendable, CustomTestStringConvertible {
    var name: String
    var input: String
    var rows: [[String]]

    var testDescription: String { name }

    static let all: [PapaParseCase] = [
        .init(name: "Two rows", input: "A,b,c\nd,E,f", rows: [["A", "b", "c"], ["d", "E", "f"]]),
        .init(
            name: "Three rows", input: "A,b,c\nd,E,f\nG,h,i",
            rows: [["A", "b", "c"], ["d", "E", "f"], ["G", "h", "i"]]),
        .init(name: "Whitespace at edges of unquoted field", input: "a,\tb ,c", rows: [["a", "\tb ", "c"]]),
        .init(name: "Quoted field", input: "A,\"B\",C", rows: [["A", "B", "C"]]),
        .init(name: "Quoted field with extra whitespace on edges", input: "A,\" B  \",C", rows: [["A", " B  ", "C"]]),
        .init(name: "Quoted field with delimiter", input: "A,\"B,B\",C", rows: [["A", "B,B", "C"]]),
        .init(name: "Quoted field with line break", input: "A,\"B\nB\",C", rows: [["A", "B\nB", "C"]]),
        .init(
            name: "Quoted fields with line breaks", input: "A,\"B\nB\",\"C\nC\nC\"", rows: [["A", "B\nB", "C\nC\nC"]]),
        .init(
            name: "Quoted fields at end of row with delimiter and line break", input: "a,b,\"c,c\nc\"\nd,e,f",
            rows: [["a", "b", "c,c\nc"], ["d", "e", "f"]]),
        .init(name: "Quoted field with escaped quotes", input: "A,\"B\"\"B\"\"B\",C", rows: [["A", "B\"B\"B", "C"]]),
        .init(
            name: "Quoted field with escaped quotes at boundaries", input: "A,\"\"\"B\"\"\",C",
            rows: [["A", "\"B\"", "C"]]),
        .init(name: "Unquoted field with quotes at end of field", input: "A,B\",C", rows: [["A", "B\"", "C"]]),
        .init(
            name: "Quoted field with quotes around delimiter", input: "A,\"\"\",\"\"\",C", rows: [["A", "\",\"", "C"]]),
        .init(
            name: "Quoted field with 5 quotes in a row and a delimiter",
            input: "\"1\",\"cnonce=\"\"\"\",nc=\"\"\"\"\",\"2\"",
            rows: [["1", "cnonce=\"\",nc=\"\"", "2"]]),
        .init(
            name: "Misplaced quotes in data, not as opening quotes", input: "A,B \"B\",C",
            rows: [["A", "B \"B\"", "C"]]),
        .init(
            name: "Quoted field has valid trailing quote via EOF", input: "a,b,c\nd,e,\"f\"",
            rows: [["a", "b", "c"], ["d", "e", "f"]]),
        .init(
            name: "Quoted field contains delimiters and \\n with valid trailing quote", input: "a,\"b,c\nd,e,f\"",
            rows: [["a", "b,c\nd,e,f"]]),
        .init(
            name: "Line starts with unquoted empty field", input: ",b,c\n\"d\",e,f",
            rows: [["", "b", "c"], ["d", "e", "f"]]),
        .init(
            name: "Line ends with quoted field", input: "a,b,c\nd,e,f\n\"g\",\"h\",\"i\"\n\"j\",\"k\",\"l\"",
            rows: [["a", "b", "c"], ["d", "e", "f"], ["g", "h", "i"], ["j", "k", "l"]]),
        .init(
            name: "Empty quoted field at EOF is empty", input: "a,b,\"\"\na,b,\"\"",
            rows: [["a", "b", ""], ["a", "b", ""]]),
        .init(
            name: "Multiple consecutive empty fields", input: "a,b,,,c,d\n,,e,,,f",
            rows: [["a", "b", "", "", "c", "d"], ["", "", "e", "", "", "f"]]),
        .init(name: "Two rows, just \\r", input: "A,b,c\rd,E,f", rows: [["A", "b", "c"], ["d", "E", "f"]]),
        .init(name: "Two rows, \\r\\n", input: "A,b,c\r\nd,E,f", rows: [["A", "b", "c"], ["d", "E", "f"]]),
        .init(name: "Quoted field with \\r\\n", input: "A,\"B\r\nB\",C", rows: [["A", "B\r\nB", "C"]]),
        .init(name: "Quoted field with \\r", input: "A,\"B\rB\",C", rows: [["A", "B\rB", "C"]]),
        .init(
            name: "Misplaced quotes in data twice", input: "A,B\",C\nD,E\",F",
            rows: [["A", "B\"", "C"], ["D", "E\"", "F"]]),
        .init(
            name: "Row with enough fields but blank field in the beginning", input: "A,B,C\r\n,b1,c1\r\na2,b2,c2",
            rows: [["A", "B", "C"], ["", "b1", "c1"], ["a2", "b2", "c2"]]),
        .init(
            name: "Last field of a line is empty", input: "a,b,\r\nd,e,f", rows: [["a", "b", ""], ["d", "e", "f"]]),
        .init(name: "Other fields are empty", input: "a,,c\r\n,,", rows: [["a", "", "c"], ["", "", ""]]),
        .init(
            name: "Carriage return in header inside quotes, with line feed endings",
            input: "\"a\r\na\",\"b\"\n\"c\",\"d\"\n\"e\",\"f\"\n\"g\",\"h\"\n\"i\",\"j\"",
            rows: [["a\r\na", "b"], ["c", "d"], ["e", "f"], ["g", "h"], ["i", "j"]]),
        .init(
            name: "Line feed in header inside quotes, with CRLF endings",
            input: "\"a\na\",\"b\"\r\n\"c\",\"d\"\r\n\"e\",\"f\"\r\n\"g\",\"h\"\r\n\"i\",\"j\"",
            rows: [["a\na", "b"], ["c", "d"], ["e", "f"], ["g", "h"], ["i", "j"]]),
        .init(
            name: "UTF-8 BOM encoded input is stripped", input: "\u{FEFF}A,B\nX,Y", rows: [["A", "B"], ["X", "Y"]]),
        .init(
            name: "Skip empty lines, with newline at end of input", input: "a,b,c\r\n\r\nd,e,f\r\n",
            rows: [["a", "b", "c"], ["d", "e", "f"]]),
        .init(
            name: "Skip empty lines while detecting delimiter", input: "a,b\n1,2\n3,4\n",
            rows: [["a", "b"], ["1", "2"], ["3", "4"]]),
        .init(name: "Tab delimiter", input: "a\tb\tc\r\nd\te\tf", rows: [["a", "b", "c"], ["d", "e", "f"]]),
        .init(
            name: "Semicolon delimiter when first field is quoted with commas",
            input: "\"Field1,1,1\";Field2;\"Field3\";Field4;Field5;Field6",
            rows: [["Field1,1,1", "Field2", "Field3", "Field4", "Field5", "Field6"]]),
        .init(
            name: "Semicolon delimiter when some fields are quoted with commas",
            input: "Field1;Field2;\"Field,3,\"\"3,3\";Field4;Field5;\"Field6,6\"",
            rows: [["Field1", "Field2", "Field,3,\"3,3", "Field4", "Field5", "Field6,6"]]),
    ]
}
