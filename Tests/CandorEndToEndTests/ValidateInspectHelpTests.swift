import Foundation
import Testing

/// `candor validate`, `candor inspect --json`, `--help` and usage errors on the built binary.
@Suite struct ValidateInspectHelpTests {
    /// The sample's header, from `head -1 SampleData/bad-boss.csv`.
    static let sampleColumns = [
        "respondent_id", "submitted_at", "department", "role", "tenure", "manager_id", "is_manager",
        "promoted_for_technical_skill", "wanted_to_manage", "bad_boss_types", "left_job_because_of_manager",
        "manager_supports_growth", "trust_manager", "comment",
    ]

    @Test func validateWritesNothingAndExits0OnAGoodDefinition() throws {
        let workspace = try Workspace()
        let result = try workspace.candor("validate", "Pipelines/bad-boss.yml")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        #expect(result.stdoutLines.first == "pipeline bad-boss (Pipelines/bad-boss.yml)")
        #expect(
            result.stdoutLines.contains(
                "  input ../SampleData/bad-boss.csv: generic, utf-8, delimiter comma (,), 1 header row(s), 14 columns; every field's column found"
            ))
        let reports = workspace.reports()
        #expect(
            result.stdoutLines.last
                == "  would write \(reports)/bad-boss.md, \(reports)/bad-boss.json, \(reports)/bad-boss.html, \(reports)/bad-boss.xlsx, \(reports)/bad-boss.csv, \(reports)/bad-boss.rejects.csv (0600) and append to \(reports)/runs.jsonl"
        )
        #expect(FileFacts.entries(workspace.root) == ["Pipelines", "SampleData"])
    }

    @Test func validateExits78ForAMappedColumnTheInputLacks() throws {
        let workspace = try Workspace()
        let renamed = ["resp_id"] + Self.sampleColumns.dropFirst()
        let sample = try String(contentsOfFile: workspace.path("SampleData/bad-boss.csv"), encoding: .utf8)
        try workspace.write(
            "renamed.csv", sample.replacingOccurrences(of: "respondent_id,submitted_at,", with: "resp_id,submitted_at,")
        )
        let result = try workspace.candor("validate", "Pipelines/bad-boss.yml", "--input", "renamed.csv")
        #expect(result.status == 78)
        #expect(result.stdout == "")
        // The message lists the first twelve columns, then an ellipsis.
        let listed = renamed.prefix(12).map { "'\($0)'" }.joined(separator: ", ")
        #expect(
            result.stderrLines == [
                "candor: error: bad-boss: renamed.csv: field 'respondent' maps to column 'respondent_id', which the header does not have (columns: \(listed), …); fix the field's column in the definition"
            ])
        #expect(FileFacts.entries(workspace.root) == ["Pipelines", "SampleData", "renamed.csv"])
    }

    @Test func validateExits66ForAMissingInput() throws {
        let workspace = try Workspace()
        let result = try workspace.candor("validate", "Pipelines/bad-boss.yml", "--input", "missing.csv")
        #expect(result.status == 66)
        #expect(result.stderrLines == ["candor: error: bad-boss: missing.csv: No such file or directory"])
    }

    /// Expected values from the files themselves: python3's csv module reads 1,500 data rows
    /// after one header row in bad-boss.csv and after three in bad-boss-qualtrics.csv (opened
    /// as utf-8-sig: it starts with a byte-order mark); every record ends in CRLF (`python3 -c
    /// "b=open(F,'rb').read(); print(b.count(b'\r\n'), b.count(b'\r'))"` prints 1520 1520 for
    /// bad-boss.csv and 1522 1522 for the Qualtrics file; the other 15 line feeds are inside
    /// quoted comments); SampleData/README.md puts exactly one ragged row among the 7 dirty ones.
    @Test func inspectJSONPrintsOneObjectPerFile() throws {
        let workspace = try Workspace(pipelines: ["bad-boss", "bad-boss-qualtrics"])
        let result = try workspace.candor(
            "inspect", "--json", "SampleData/bad-boss.csv", "SampleData/bad-boss-qualtrics.csv")
        #expect(result.status == 0)
        #expect(result.stderr == "")
        try #require(result.stdoutLines.count == 2)
        let objects = try result.stdoutLines.map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        for object in objects {
            for key in [
                "file", "encoding", "delimiter", "lineEndings", "format", "headerRows", "columns", "records",
                "rejected", "rejectedByReason",
            ] {
                #expect(object[key] != nil, "missing key \(key)")
            }
            #expect(object["encoding"] as? String == "utf-8")
            #expect(object["delimiter"] as? String == ",")
            #expect(object["lineEndings"] as? String == "CRLF")
            #expect(object["records"] as? Int == 1500)
            #expect(object["rejected"] as? Int == 1)
            #expect(object["rejectedByReason"] as? [String: Int] == ["ragged_record": 1])
            // Issue 20: snake_case keys, as in the reports, with the camelCase ones kept as
            // aliases for one release.
            #expect(object["line_endings"] as? String == "CRLF")
            #expect(object["rejected_by_reason"] as? [String: Int] == ["ragged_record": 1])
            #expect(object["header_rows"] as? Int == object["headerRows"] as? Int)
            #expect(object["byte_order_mark"] as? Bool == object["byteOrderMark"] as? Bool)
            #expect(object["blank_lines"] as? Int == object["blankLines"] as? Int)
            let profiles = try #require(object["column_profiles"] as? [[String: Any]])
            #expect(profiles.first?["distinct_capped"] is Bool)
            #expect((object["columnProfiles"] as? [[String: Any]])?.first?["distinctCapped"] is Bool)
        }
        #expect(objects[0]["file"] as? String == "SampleData/bad-boss.csv")
        #expect(objects[0]["format"] as? String == "generic")
        #expect(objects[0]["headerRows"] as? Int == 1)
        #expect(objects[0]["columns"] as? [String] == Self.sampleColumns)
        #expect(objects[1]["file"] as? String == "SampleData/bad-boss-qualtrics.csv")
        #expect(objects[1]["format"] as? String == "qualtrics")
        #expect(objects[1]["headerRows"] as? Int == 3)
        #expect((objects[1]["columns"] as? [String])?.first == "StartDate")
        // Issue 19: the question text of Qualtrics' second header row, per column (column 10 is Q1,
        // "Which department do you work in?" in SampleData/bad-boss-qualtrics.csv's row 2).
        #expect(objects[0]["questions"] == nil)
        let questions = try #require(objects[1]["questions"] as? [Any])
        #expect(questions.count == (objects[1]["columns"] as? [String])?.count)
        #expect(questions[9] as? String == "Which department do you work in?")
    }

    @Test func inspectPrintsTheQuestionUnderItsColumn() throws {
        let workspace = try Workspace(pipelines: ["bad-boss-qualtrics"])
        let result = try workspace.candor("inspect", "--count-only", "SampleData/bad-boss-qualtrics.csv")
        #expect(result.status == 0)
        #expect(result.stdout.contains("    10. Q1\n         question: Which department do you work in?\n"))
        // A question that is its column's name is not repeated.
        #expect(!result.stdout.contains("question: Duration (in seconds)"))
    }

    /// A SurveyMonkey export (Tests/CandorIngestTests/Fixtures/formats/surveymonkey_other.csv):
    /// the question of row 1 is printed under each column whose name is not the question itself
    /// (the "Other (please specify)" box and the open-ended answer), and listed per column in
    /// `--json`; values read off the fixture's two header rows.
    @Test func inspectPrintsSurveyMonkeysQuestionRow() throws {
        let workspace = try Workspace()
        let fixture = CandorProcess.packageRoot.appendingPathComponent(
            "Tests/CandorIngestTests/Fixtures/formats/surveymonkey_other.csv"
        ).path
        let text = try workspace.candor("inspect", fixture)
        #expect(text.status == 0, "\(text.stderr)")
        #expect(text.stdout.contains("  format        surveymonkey, 2 header row(s)\n"))
        #expect(
            text.stdout.contains(
                "    6. How satisfied are you with your manager? - Other (please specify): 2 distinct; \"\" 1, \"Depends on the week\" 1\n"
                    + "         question: How satisfied are you with your manager?\n"))
        #expect(
            text.stdout.contains("    8. Anything else? - Open-Ended Response: ")
                && text.stdout.contains("         question: Anything else?"))
        // A column named by its question is not repeated.
        #expect(!text.stdout.contains("question: Which department do you work in?"))
        let json = try workspace.candor("inspect", "--json", "--count-only", fixture)
        #expect(json.status == 0, "\(json.stderr)")
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(json.stdoutLines.joined().utf8)) as? [String: Any])
        #expect(object["records"] as? Int == 2)
        #expect(
            object["questions"] as? [String] == [
                "Respondent ID", "Collector ID", "Start Date", "End Date", "How satisfied are you with your manager?",
                "How satisfied are you with your manager?", "Which department do you work in?", "Anything else?",
            ])
    }

    /// The same figures as above (worked out there from the file's bytes), counted without
    /// column profiles: the profile key is left out rather than filled with zeros.
    @Test func inspectCountOnlyGivesTheSameCountsWithoutProfiles() throws {
        let workspace = try Workspace(pipelines: ["bad-boss"])
        let result = try workspace.candor("inspect", "--json", "--count-only", "SampleData/bad-boss.csv")
        #expect(result.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(result.stdoutLines.joined().utf8)) as? [String: Any])
        #expect(object["records"] as? Int == 1500)
        #expect(object["rejectedByReason"] as? [String: Int] == ["ragged_record": 1])
        #expect(object["lineEndings"] as? String == "CRLF")
        #expect(object["columns"] as? [String] == Self.sampleColumns)
        #expect(object["columnProfiles"] == nil)
    }

    @Test func inspectExits66ForAMissingFile() throws {
        let workspace = try Workspace()
        let result = try workspace.candor("inspect", "--json", "missing.csv")
        #expect(result.status == 66)
        #expect(result.stdout == "")
        #expect(result.stderrLines == ["candor: error: missing.csv: No such file or directory"])
    }

    /// The README's exit-status table, as `--help` prints it.
    static let exitStatusLines = [
        "  0  success: the reports were written",
        " 64  usage error: wrong command-line arguments",
        " 65  data-quality failure: rejects above max_reject_share, or none accepted",
        " 66  an input file is missing or unreadable",
        " 70  internal error (a bug in candor; please report it)",
        " 73  an output file cannot be created or written",
        " 75  another run holds the output folder's lock; try again later",
        " 78  configuration error in the pipeline definition",
        "130  interrupted (SIGINT); the previous reports were kept",
        "143  terminated (SIGTERM); the previous reports were kept",
    ]

    @Test(arguments: [["--help"], ["run", "--help"]])
    func helpIncludesTheExitStatusTable(arguments: [String]) throws {
        let result = try CandorProcess.run(arguments, in: "/")
        #expect(result.status == 0)
        for line in Self.exitStatusLines {
            #expect(result.stdoutLines.contains(line), "missing exit status line: \(line)")
        }
    }

    @Test(arguments: [["run", "--help"], ["validate", "--help"], ["inspect", "--help"], ["sample", "--help"]])
    func helpIncludesExamples(arguments: [String]) throws {
        let result = try CandorProcess.run(arguments, in: "/")
        #expect(result.status == 0)
        let examples = result.stdoutLines.drop { $0 != "Examples:" }.dropFirst()
        #expect(examples.first?.hasPrefix("  candor \(arguments[0]) ") == true)
    }

    /// (arguments, the first stderr line, or nil where only swift-argument-parser's wording applies)
    static let usageErrors: [([String], String?)] = [
        (["run"], nil),
        (["run", "Pipelines/bad-boss.yml", "--bogus"], nil),
        (["run", "Pipelines/bad-boss.yml", "--jobs", "0"], "Error: --jobs must be at least 1"),
        (["run", "Pipelines/bad-boss.yml", "--verbose", "--quiet"], "Error: --verbose and --quiet exclude each other"),
        (["run", "Pipelines/bad-boss.yml", "--log-format", "xml"], "Error: --log-format must be text or json"),
        (
            ["inspect", "--delimiter", "|", "SampleData/bad-boss.csv"],
            "Error: unknown delimiter '|'; use ',', ';' or 'tab'"
        ),
        (
            ["inspect", "--format", "bogus", "SampleData/bad-boss.csv"],
            "Error: The value 'bogus' is invalid for '--format <format>'. Please provide one of 'generic', 'qualtrics', 'surveymonkey', 'google-forms' or 'ms-forms'."
        ),
        (
            ["inspect", "--encoding", "klingon", "SampleData/bad-boss.csv"],
            "Error: The value 'klingon' is invalid for '--encoding <encoding>'. Please provide one of 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252' or 'latin-1'."
        ),
        (["frobnicate"], nil),
    ]

    @Test(arguments: usageErrors)
    func aUsageErrorExits64AndRunsNothing(arguments: [String], firstLine: String?) throws {
        let workspace = try Workspace()
        let result = try CandorProcess.run(arguments, in: workspace.root)
        #expect(result.status == 64)
        #expect(result.stdout == "")
        #expect(result.stderrLines.first?.hasPrefix("Error: ") == true)
        if let firstLine { #expect(result.stderrLines.first == firstLine) }
        #expect(!FileFacts.exists(workspace.path("Reports")))
    }
}
