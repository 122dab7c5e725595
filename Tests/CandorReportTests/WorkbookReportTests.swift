import CandorAggregate
import Foundation
import Testing

@testable import CandorReport

/// The workbook as openpyxl reads it back (`Scripts/dump_workbook.py`): sheet names, numbers
/// stored as numbers with their formats, hidden figures empty with a comment, frozen headers and
/// the colour scale. Expected values are the fixture's own inputs (ReportFixtures), not output.
@Suite("Excel workbook")
struct WorkbookReportTests {
    /// What openpyxl saw, parsed from the script's JSON.
    struct Dump: Decodable {
        struct Sheet: Decodable {
            var name: String
            var freeze: String?
            var colour_scales: [String]
            var cells: [String: Cell]
        }
        struct Cell: Decodable {
            var value: Value?
            var type: String
            var format: String
            var comment: String?
            var bold: Bool
        }
        enum Value: Decodable, Equatable {
            case number(Double)
            case text(String)
            init(from decoder: any Decoder) throws {
                let container = try decoder.singleValueContainer()
                if let number = try? container.decode(Double.self) {
                    self = .number(number)
                } else {
                    self = .text(try container.decode(String.self))
                }
            }
        }
        var sheets: [Sheet]

        func sheet(_ name: String) -> Sheet? { sheets.first { $0.name == name } }
    }

    static let script = ReportFixtures.packageRoot.appendingPathComponent(
        "Tests/CandorReportTests/Scripts/dump_workbook.py"
    ).path

    /// Whether python3 with openpyxl is here (`scripts/ensure-deps --test` installs it).
    /// `python3` is the one on PATH (where a developer installed openpyxl), found through env.
    static let openpyxlAvailable: Bool = {
        (try? ExternalTool.run("/usr/bin/env", ["python3", "-c", "import openpyxl"]))?.status == 0
    }()

    /// Writes the workbook of `document` and reads it back with openpyxl.
    static func readBack(_ document: ReportDocument) throws -> Dump {
        let bytes = try WorkbookReport.render(document)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("candor-\(UUID().uuidString).xlsx")
        defer { try? FileManager.default.removeItem(at: url) }
        try Data(bytes).write(to: url)
        let result = try ExternalTool.run("/usr/bin/env", ["python3", script, url.path])
        #expect(result.status == 0, "openpyxl could not read the workbook: \(result.stderr)")
        return try JSONDecoder().decode(Dump.self, from: Data(result.stdout.utf8))
    }

    @Test(
        "openpyxl reads the sheets, numbers, formats and comments",
        .enabled(if: openpyxlAvailable, "python3 with openpyxl is missing (scripts/ensure-deps --test installs it)"))
    func readBack() throws {
        let dump = try Self.readBack(ReportFixtures.document())
        #expect(
            dump.sheets.map(\.name) == ["Headlines", "any_bad_boss", "enps", "boss_types", "Data quality", "Methods"])
        let share = try #require(dump.sheet("any_bad_boss"))
        #expect(share.freeze == "A3")
        #expect(share.cells["A1"]?.value == .text("Had one or more types of bad boss"))
        #expect(share.cells["A1"]?.bold == true)
        // Overall: 1,194 of 1,200 = 0.995, Wilson (0.9891344085810173, 0.9977065008222751), unrounded.
        #expect(share.cells["D3"]?.value == .number(0.995))
        #expect(share.cells["D3"]?.format == "0.0%")
        #expect(share.cells["E3"]?.value == .number(0.9891344085810173))
        #expect(share.cells["F3"]?.value == .number(0.9977065008222751))
        #expect(share.cells["G3"]?.value == .number(1_200))
        #expect(share.cells["G3"]?.format == "#,##0")
        #expect(share.cells["H3"]?.value == .number(1_194))
        // Field ops (row 6): 6 of 8 = 0.75, 0.75 − 0.995 below overall, flagged unreliable.
        #expect(share.cells["C6"]?.value == .text("Field ops"))
        #expect(share.cells["D6"]?.value == .number(0.75))
        #expect(share.cells["I6"]?.value == .number(0.75 - 0.995))
        #expect(share.cells["J6"]?.value == .number(0.0004))
        #expect(share.cells["K6"]?.value == .text("unreliable"))
        // Legal (3 respondents, under 5) and Support (complementary): empty, with the reason.
        #expect(share.cells["D7"]?.value == nil)
        #expect(share.cells["D7"]?.comment?.hasPrefix("Suppressed: fewer than 5 respondents") == true)
        #expect(share.cells["G7"] == nil)
        #expect(share.cells["D8"]?.value == nil)
        #expect(share.cells["D8"]?.comment?.contains("worked out by subtraction") == true)
        #expect(share.colour_scales == ["I4:I8"])
        // eNPS: +12 points, decimal format; promoters 420 of 1,200 = 0.35 as a percentage.
        let enps = try #require(dump.sheet("enps"))
        #expect(enps.cells["D3"]?.value == .number(12))
        #expect(enps.cells["D3"]?.format == "0.0")
        #expect(enps.cells["A4"]?.value == .text("promoters"))
        #expect(enps.cells["D4"]?.value == .number(0.35))
        #expect(enps.cells["D4"]?.format == "0.0%")
        let quality = try #require(dump.sheet("Data quality"))
        #expect(quality.freeze == "A2")
        #expect(quality.cells["A2"]?.value == .text("Records read"))
        #expect(quality.cells["C2"]?.value == .number(1_250))
        let headlines = try #require(dump.sheet("Headlines"))
        #expect(headlines.cells["B4"]?.value == .text("outside estimate: Gallup, State of the American Manager (2015)"))
    }

    @Test(
        "hostile labels stay text and the package stays well-formed",
        .enabled(if: openpyxlAvailable, "python3 with openpyxl is missing (scripts/ensure-deps --test installs it)"))
    func hostileLabels() throws {
        var document = HostileFixtures.document()
        document.metrics[0].id = "a/b:c*[d]?"
        let dump = try Self.readBack(document)
        #expect(dump.sheets[1].name == "a_b_c__d__")
        #expect(dump.sheets[1].cells["C4"]?.value == .text("<script>alert(1)</script>"))
        #expect(dump.sheets[1].cells["A1"]?.value == .text("**bold** | <img src=x onerror=alert(1)>"))
    }

    @Test(
        "a held figure's value cell says since when it is held",
        .enabled(if: openpyxlAvailable, "python3 with openpyxl is missing (scripts/ensure-deps --test installs it)"))
    func heldFigures() throws {
        var document = ReportFixtures.document()
        document.metrics[0].segments[0].rows[0].heldSince = "2026-12-05T02:00:00Z"
        let rowHeld = try #require(try Self.readBack(document).sheet("any_bad_boss"))
        // Row 4 is the first group, held; its value stays a number. The overall (row 3) is not.
        #expect(rowHeld.cells["D4"]?.value == .number(0.995))
        #expect(rowHeld.cells["D4"]?.comment?.hasPrefix("Held: as published at 2026-12-05T02:00:00Z.") == true)
        #expect(rowHeld.cells["D3"]?.comment == nil)
        document.heldCells = HeldCells(count: 9, overallSince: "2026-12-04T02:00:00Z")
        let allHeld = try #require(try Self.readBack(document).sheet("enps"))
        #expect(allHeld.cells["D3"]?.comment?.hasPrefix("Held: as published at 2026-12-04T02:00:00Z.") == true)
        #expect(allHeld.cells["D4"]?.comment?.hasPrefix("Held: as published at 2026-12-04T02:00:00Z.") == true)
    }

    @Test("the same document makes the same bytes")
    func deterministic() throws {
        #expect(
            try WorkbookReport.render(ReportFixtures.document()) == WorkbookReport.render(ReportFixtures.document()))
    }

    @Test(
        "sheet names are valid and unique regardless of case",
        arguments: [
            (["Headlines", "headlines", "HEADLINES"], ["Headlines", "headlines (2)", "HEADLINES (3)"]),
            (["'quoted'", "", "a:b"], ["quoted", "Sheet", "a_b"]),
            (
                [String(repeating: "x", count: 40), String(repeating: "x", count: 35)],
                [String(repeating: "x", count: 31), String(repeating: "x", count: 27) + " (2)"]
            ),
        ])
    func sheetNames(wanted: [String], expected: [String]) {
        var names = SheetNames()
        #expect(wanted.map { names.claim($0) } == expected)
    }

    @Test("column letters", arguments: [(0, "A"), (25, "Z"), (26, "AA"), (27, "AB"), (701, "ZZ"), (702, "AAA")])
    func columnNames(column: Int, letters: String) {
        #expect(SpreadsheetML.columnName(column) == letters)
    }
}
