import Foundation
import Testing

/// Bad definitions (78), unreadable inputs (66) and a data-quality failure (65): the exit
/// status, the exact line on stderr, and which files are (not) written.
@Suite struct DefinitionAndInputErrorTests {
    /// One broken copy of bad-boss.yml: the text replaced, and the line candor must print.
    /// Lines and columns are 1-based, counted by hand in Pipelines/bad-boss.yml.
    struct BrokenDefinition: CustomTestStringConvertible, Sendable {
        var old: String
        var new: String
        var message: String
        var testDescription: String { new }
    }

    static let brokenDefinitions = [
        // Line 14 is "  max_reject_share: 0.10"; the key starts in column 3.
        BrokenDefinition(
            old: "  max_reject_share: 0.10", new: "  max_rejects_share: 0.10",
            message:
                "Pipelines/bad-boss.yml:14:3: unknown key 'max_rejects_share' in output; did you mean 'max_reject_share'? (allowed: directory, formats, max_reject_share, per_group, retain, history, cache)"
        ),
        // Line 59 is "  - {name: trusts_manager, type: likert, …}": "  - {" is 5 characters,
        // "name: trusts_manager, " 22 more, "type: " 6 more, so the value starts in column 34.
        BrokenDefinition(
            old: "type: likert, column: trust_manager", new: "type: likertt, column: trust_manager",
            message:
                "Pipelines/bad-boss.yml:61:34: unknown type 'likertt' for field 'trusts_manager'; use one of id, category, likert, multiselect, integer, number, boolean, timestamp, text"
        ),
    ]

    @Test(arguments: brokenDefinitions)
    func aBadDefinitionExits78WithFileLineAndColumn(_ broken: BrokenDefinition) throws {
        let workspace = try Workspace()
        try workspace.edit("Pipelines/bad-boss.yml", replacing: broken.old, with: broken.new)
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(result.status == 78)
        #expect(result.stdout == "")
        #expect(result.stderrLines == ["candor: error: " + broken.message])
        // Found before any data is read: not even the output folder is made.
        #expect(!FileFacts.exists(workspace.path("Reports")))
    }

    @Test func anUnknownTopLevelKeyNamesItsLineAndColumn() throws {
        let workspace = try Workspace()
        // Line 4 is `title: "Bad bosses (sample data)"`.
        try workspace.edit("Pipelines/bad-boss.yml", replacing: "\ntitle: ", with: "\ntitel: ")
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(result.status == 78)
        let line = try #require(result.stderrLines.first)
        #expect(result.stderrLines.count == 1)
        #expect(line.hasPrefix("candor: error: Pipelines/bad-boss.yml:4:1: unknown key 'titel' "))
        #expect(line.contains("did you mean 'title'?"))
    }

    @Test func aMissingDefinitionExits78() throws {
        let workspace = try Workspace()
        let result = try workspace.candor("run", "Pipelines/nowhere.yml")
        #expect(result.status == 78)
        #expect(result.stderrLines == ["candor: error: Pipelines/nowhere.yml: the pipeline definition does not exist"])
    }

    /// An input that cannot be read at all: (how to make it, --input, the message after `bad-boss: `).
    static let unreadableInputs: [(setup: String, input: String, message: String)] = [
        ("", "missing.csv", "missing.csv: No such file or directory"),
        ("", "SampleData", "SampleData: is a directory, not a CSV file"),
        ("empty", "empty.csv", "empty.csv: is empty"),
        ("blank", "blank.csv", "blank.csv: has no header row (only blank lines)"),
        ("", "drop/*.csv", "no input file matches drop/*.csv"),
    ]

    @Test(arguments: unreadableInputs)
    func anUnreadableInputExits66(setup: String, input: String, message: String) throws {
        let workspace = try Workspace()
        if setup == "empty" { try workspace.write(input, "") }
        if setup == "blank" { try workspace.write(input, "\n\n") }
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "--input", input)
        #expect(result.status == 66)
        #expect(result.stdout == "")
        #expect(result.stderrLines == ["candor: error: bad-boss: " + message])
        let reports = FileFacts.entries(workspace.reports())
        #expect(
            !reports.contains("bad-boss.md") && !reports.contains("bad-boss.json")
                && !reports.contains("bad-boss.rejects.csv"))
    }

    @Test func aDefinitionsMissingInputIsNamedAsWritten() throws {
        let workspace = try Workspace()
        try FileManager.default.removeItem(atPath: workspace.path("SampleData/bad-boss.csv"))
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(result.status == 66)
        #expect(
            result.stderrLines == ["candor: error: bad-boss: ../SampleData/bad-boss.csv: No such file or directory"])
        #expect(FileFacts.jsonLines(workspace.reports() + "/runs.jsonl").map { $0?["exit_code"] as? Int } == [66])
    }

    /// 7 of 1,500 records rejected (see `CronRunTests.sampleRejected`) is 0.467%, printed with one
    /// decimal as 0.5%: `python3 -c "print(f'{7/1500*100:.1f}%')"` prints 0.5%.
    @Test func aRejectedShareAboveTheLimitExits65AndWritesOnlyTheRejects() throws {
        let workspace = try Workspace()
        let reports = workspace.reports()
        let first = try workspace.candor("run", "Pipelines/bad-boss.yml")
        try #require(first.status == 0)
        let markdown = FileFacts.identity(reports + "/bad-boss.md")
        let json = FileFacts.identity(reports + "/bad-boss.json")
        let rejects = FileFacts.identity(reports + "/bad-boss.rejects.csv")
        try FileManager.default.removeItem(atPath: reports + "/bad-boss.rejects.csv")

        try workspace.edit("Pipelines/bad-boss.yml", replacing: "max_reject_share: 0.10", with: "max_reject_share: 0.0")
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(result.status == 65)
        #expect(result.stdout == "")
        #expect(
            result.stderrLines == [
                "candor: error: bad-boss: 0.5% of records were rejected (7 of 1500), above max_reject_share 0.0%; see \(reports)/bad-boss.rejects.csv"
            ])
        // The reports are untouched; the rejects file, which says why, is written again.
        #expect(FileFacts.identity(reports + "/bad-boss.md") == markdown)
        #expect(FileFacts.identity(reports + "/bad-boss.json") == json)
        #expect(rejects != nil)
        #expect(FileFacts.mode(reports + "/bad-boss.rejects.csv") == 0o600)
        let rejectsText = try String(contentsOfFile: reports + "/bad-boss.rejects.csv", encoding: .utf8)
        #expect(rejectsText.hasPrefix("file,line,record,byte_offset,reason,column,field,message,raw_fields\r\n"))
        // Seven records rejected, one line each (none of these holds a line break), after the header.
        #expect(
            rejectsText.components(separatedBy: "\r\n").filter { !$0.isEmpty }.count == 1 + CronRunTests.sampleRejected)
        #expect(FileFacts.jsonLines(reports + "/runs.jsonl").map { $0?["exit_code"] as? Int } == [0, 65])
    }

    @Test func aRejectedShareAboveTheLimitOnAFirstRunWritesNoReport() throws {
        let workspace = try Workspace()
        try workspace.edit("Pipelines/bad-boss.yml", replacing: "max_reject_share: 0.10", with: "max_reject_share: 0.0")
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(result.status == 65)
        #expect(FileFacts.entries(workspace.reports()) == [".candor.lock", "bad-boss.rejects.csv", "runs.jsonl"])
    }
}
