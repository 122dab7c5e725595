import CandorCore
import Foundation
import Testing

@testable import CandorPipeline

/// The rejects file: exact bytes for hostile values, read back by an independent parser.
@Suite struct RejectsWriterTests {
    /// Rejections carrying formula-like, quoted, multi-line, tabbed, control and non-ASCII values.
    static let hostile: [Rejection] = [
        Rejection(
            provenance: Provenance(file: "exports/q1.csv", line: 12, recordNumber: 11, byteOffset: 1834),
            reason: .invalidValue, column: 3, field: "department",
            message: "exports/q1.csv:12: column 3 (department): \"=cmd|' /C calc'!A0\" is not an allowed value",
            rawFields: ["r-17", "=cmd|' /C calc'!A0", "-1+1", "@SUM(A1)"]),
        Rejection(
            provenance: Provenance(file: "=evil.csv", line: 1, recordNumber: 1, byteOffset: 0),
            reason: .raggedRecord,
            message: "-1+1 fields\nsecond line",
            rawFields: [
                "He said \"hi\"", "multi\r\nline", "\ttabbed", "\rcr", "+plus", "Zoë, São Paulo", "日本語",
                "back\\slash", "ctl\u{01}\u{1F}\u{7F}",
            ]),
        Rejection(
            provenance: Provenance(file: "exports/q1.csv", line: 40, recordNumber: 38, byteOffset: 9000),
            reason: .invalidValue, column: 7, field: "@SUM(A1)", message: "\tTabbed message", rawFields: []),
    ]

    /// Worked out independently with Python 3's csv and json modules (csv.writer's default
    /// QUOTE_MINIMAL quotes exactly the cells holding , " CR or LF):
    /// `python3 Tests/CandorPipelineTests/Reference/rejects_rows.py` prints these lines as Swift
    /// literals; its rows are `hostile` above.
    static let expectedRows = [
        "file,line,record,byte_offset,reason,column,field,message,raw_fields",
        "exports/q1.csv,12,11,1834,invalid_value,3,department,\"exports/q1.csv:12: column 3 (department): \"\"=cmd|' /C calc'!A0\"\" is not an allowed value\",\"[\"\"r-17\"\",\"\"=cmd|' /C calc'!A0\"\",\"\"-1+1\"\",\"\"@SUM(A1)\"\"]\"",
        "'=evil.csv,1,1,0,ragged_record,,,\"'-1+1 fields\nsecond line\",\"[\"\"He said \\\"\"hi\\\"\"\"\",\"\"multi\\r\\nline\"\",\"\"\\ttabbed\"\",\"\"\\rcr\"\",\"\"+plus\"\",\"\"Zoë, São Paulo\"\",\"\"日本語\"\",\"\"back\\\\slash\"\",\"\"ctl\\u0001\\u001f\u{7F}\"\"]\"",
        "exports/q1.csv,40,38,9000,invalid_value,7,'@SUM(A1),'\tTabbed message,[]",
    ]

    @Test func writesExactBytes() throws {
        let folder = ScratchFolder()
        let writer = try RejectsWriter(path: folder.file("rejects.csv"))
        for rejection in Self.hostile { try writer.append(rejection) }
        #expect(writer.rowCount == 3)
        try writer.commit()

        let data = try #require(FileManager.default.contents(atPath: folder.file("rejects.csv")))
        let expected = Self.expectedRows.map { $0 + "\r\n" }.joined()
        #expect(String(decoding: data, as: UTF8.self) == expected)
        #expect(Array(data) == Array(expected.utf8))
        #expect(permissionBits(folder.file("rejects.csv")).map { $0 & 0o077 } == 0)  // no group/other bits
        #expect(folder.entries() == ["rejects.csv"])
    }

    @Test func readsBackThroughAnIndependentParser() throws {
        let folder = ScratchFolder()
        let writer = try RejectsWriter(path: folder.file("rejects.csv"))
        for rejection in Self.hostile { try writer.append(rejection) }
        try writer.commit()
        let data = try #require(FileManager.default.contents(atPath: folder.file("rejects.csv")))
        let rows = try #require(MiniCSV.parse(String(decoding: data, as: UTF8.self)))

        #expect(rows.first == RejectsWriter.columns)
        #expect(rows.count == Self.hostile.count + 1)
        for (row, rejection) in zip(rows.dropFirst(), Self.hostile) {
            #expect(row.count == 9)
            guard row.count == 9 else { continue }
            #expect(Self.unneutralised(row[0]) == rejection.provenance.file)
            #expect(row[1] == String(rejection.provenance.line))
            #expect(row[2] == String(rejection.provenance.recordNumber))
            #expect(row[3] == String(rejection.provenance.byteOffset))
            #expect(row[4] == rejection.reason.rawValue)
            #expect(row[5] == rejection.column.map(String.init) ?? "")
            #expect(Self.unneutralised(row[6]) == rejection.field ?? "")
            #expect(Self.unneutralised(row[7]) == rejection.message)
            let fields = try JSONDecoder().decode([String].self, from: Data(row[8].utf8))
            #expect(fields == rejection.rawFields)
        }
    }

    @Test func headerOnlyWhenNothingWasRejected() throws {
        let folder = ScratchFolder()
        let writer = try RejectsWriter(path: folder.file("rejects.csv"))
        try writer.commit()
        #expect(folder.read("rejects.csv") == "file,line,record,byte_offset,reason,column,field,message,raw_fields\r\n")
    }

    @Test func abandonKeepsThePreviousFile() throws {
        let folder = ScratchFolder()
        folder.create("rejects.csv", "old\r\n")
        let writer = try RejectsWriter(path: folder.file("rejects.csv"))
        try writer.append(Self.hostile[0])
        writer.abandon()
        #expect(folder.read("rejects.csv") == "old\r\n")
        #expect(folder.entries() == ["rejects.csv"])
    }

    /// Cell-level cases, worked out by hand from the rules (prefix, then quote with "" doubling).
    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+1", "'+1"), ("-1", "'-1"), ("@A1", "'@A1"), ("\tx", "'\tx"),
        ("\rx", "\"'\rx\""), ("a,b", "\"a,b\""), ("say \"hi\"", "\"say \"\"hi\"\"\""), ("a\r\nb", "\"a\r\nb\""),
        ("=a,b", "\"'=a,b\""), ("x=1", "x=1"), ("", ""), ("'already", "'already"), ("Zoë", "Zoë"),
    ])
    func cells(value: String, written: String) {
        #expect(SpreadsheetSafeCSV.textCell(value) == written)
    }

    /// Removes the writer's formula-guard quote, as a reader that knows the convention would.
    static func unneutralised(_ cell: String) -> String {
        guard cell.hasPrefix("'"), let second = cell.unicodeScalars.dropFirst().first,
            SpreadsheetSafeCSV.formulaTriggers.contains(second)
        else { return cell }
        return String(cell.dropFirst())
    }
}

/// A deliberately small RFC 4180 reader, written separately from the writer, for round trips.
enum MiniCSV {
    /// Parses CRLF-terminated records; nil on a malformed file (stray quote, missing final CRLF).
    static func parse(_ text: String) -> [[String]]? {
        var rows: [[String]] = []
        var row: [String] = []
        var cell = String.UnicodeScalarView()
        var scalars = Array(text.unicodeScalars)[...]
        while let scalar = scalars.popFirst() {
            switch scalar {
            case "\"" where cell.isEmpty:
                // Quoted cell: runs to the next lone quote; "" stands for one quote.
                var closed = false
                while let inner = scalars.popFirst() {
                    if inner == "\"" {
                        if scalars.first == "\"" {
                            scalars.removeFirst()
                            cell.append("\"")
                        } else {
                            closed = true
                            break
                        }
                    } else {
                        cell.append(inner)
                    }
                }
                guard closed, let next = scalars.first, next == "," || next == "\r" else { return nil }
            case ",":
                row.append(String(cell))
                cell = String.UnicodeScalarView()
            case "\r" where scalars.first == "\n":
                scalars.removeFirst()
                row.append(String(cell))
                rows.append(row)
                row = []
                cell = String.UnicodeScalarView()
            case "\"", "\r", "\n":
                return nil  // not allowed unquoted
            default:
                cell.append(scalar)
            }
        }
        guard row.isEmpty, cell.isEmpty else { return nil }
        return rows
    }
}
