import Foundation
import Testing

@testable import CandorIngest

/// Header layouts of real and hand-written survey exports, checked cell by cell.
struct ExportFormatDetectorTests {
    /// The records of a fixture, parsed by a minimal RFC 4180 reader (the real reader is
    /// libcsv-based and lives elsewhere); a UTF-8 BOM is skipped as the sniffer would.
    private func records(_ name: String) throws -> [[String]] {
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "csv", subdirectory: "Fixtures/formats"))
        var bytes = Array(try Data(contentsOf: url))
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        let text = try #require(String(validating: bytes, as: UTF8.self))
        var result: [[String]] = []
        var record: [String] = []
        var field = ""
        var inQuotes = false
        var iterator = text.makeIterator()
        var pending: Character?
        while let character = pending ?? iterator.next() {
            pending = nil
            if inQuotes {
                if character == "\"" {
                    let next = iterator.next()
                    if next == "\"" { field.append("\"") } else { inQuotes = false; pending = next }
                    continue
                }
                field.append(character)
            } else if character == "\"" && field.isEmpty {
                inQuotes = true
            } else if character == "," {
                record.append(field); field = ""
            } else if character == "\n" || character == "\r\n" {
                record.append(field); field = ""
                result.append(record); record = []
            } else {
                field.append(character)
            }
        }
        if !field.isEmpty || !record.isEmpty { record.append(field); result.append(record) }
        return result
    }

    private func detect(_ name: String, declared: ExportFormat? = nil) throws -> HeaderLayout {
        try ExportFormatDetector.detect(firstRecords: Array(try records(name).prefix(3)), declared: declared)
    }

    @Test func qualtricsThreeRowExport() throws {
        let layout = try detect("qualtrics_sample")
        // Read from qualtRics tests/testthat/files/sample.csv: 20 columns, rows 1-3 are header.
        let names = [
            "StartDate", "EndDate", "Status", "IPAddress", "Progress", "Duration (in seconds)", "Finished",
            "RecordedDate", "ResponseId", "RecipientLastName", "RecipientFirstName", "RecipientEmail",
            "ExternalReference", "LocationLatitude", "LocationLongitude", "DistributionChannel",
            "UserLanguage", "Q1", "Q2", "Q2 - Topics",
        ]
        let importIDs = [
            "startDate", "endDate", "status", "ipAddress", "progress", "duration", "finished",
            "recordedDate", "_recordId", "recipientLastName", "recipientFirstName", "recipientEmail",
            "externalDataReference", "locationLatitude", "locationLongitude", "distributionChannel",
            "userLanguage", "QID1", "QID2_TEXT", "QID2_TEXT_eae5a8d0e7fd4bd183e983e5Topics",
        ]
        let questions = [
            "Anfangsdatum", "Enddatum", "Antworttyp", "IP-Adresse", "Aktueller Stand",
            "Dauer (in Sekunden)", "Beendet", "Erfassungsdatum", "Antwort-ID", "Nachname des Empfängers",
            "Vorname des Empfängers", "E-Mail des Empfängers", "Externe Datenreferenz",
            "Breitengrad des Standorts", "Längengrad des Standorts", "Verteilungskanal", "Benutzersprache",
            "This is a multiple choice question.", "This is a free text question.", "Q2 - Topics",
        ]
        #expect(
            layout
                == HeaderLayout(
                    format: .qualtrics, headerRows: 3, columnNames: names,
                    columnIDs: zip(names, importIDs).map { [$0, $1] }, questionTexts: questions))
        #expect(try records("qualtrics_sample").count - layout.headerRows == 1)  // 1 response
        #expect(try detect("qualtrics_sample", declared: .qualtrics) == layout)
    }

    @Test func qualtricsLegacyExportDropsTheTrailingEmptyColumn() throws {
        let layout = try detect("qualtrics_sample_legacy")
        // Read from qualtRics sample_legacy.csv (BOM, every line ends in a comma).
        let names = [
            "V1", "V2", "V3", "V4", "V5", "V6", "V7", "V8", "V9", "V10", "Q1", "Q2",
            "LocationLatitude", "LocationLongitude", "LocationAccuracy",
        ]
        let row2 = [
            "ResponseID", "ResponseSet", "Name", "ExternalDataReference", "EmailAddress", "IPAddress",
            "Status", "StartDate", "EndDate", "Finished", "This is a multiple choice question.",
            "This is a free text question.", "LocationLatitude", "LocationLongitude", "LocationAccuracy",
        ]
        #expect(layout.format == .qualtrics)
        #expect(layout.headerRows == 2)
        #expect(layout.columnNames == names)
        #expect(layout.dropsTrailingEmptyColumn)
        #expect(layout.questionTexts == row2)
        #expect(layout.columnIDs[0] == ["V1", "ResponseID"])
        #expect(layout.columnIDs[10] == ["Q1", "This is a multiple choice question."])
        #expect(layout.columnIDs[12] == ["LocationLatitude"])  // same text twice is one id
        let data = try records("qualtrics_sample_legacy").dropFirst(layout.headerRows)
        #expect(data.count == 1)
        #expect(data.first.map { $0.dropLast().count } == 15)  // 1 response x 15 columns
    }

    @Test func surveyMonkeyContinuesQuestionsAcrossBlankCells() throws {
        let layout = try detect("surveymonkey")
        let q1 = "Which types of bad boss have you had?"
        let q2 = "How satisfied are you with your manager?"
        #expect(
            layout
                == HeaderLayout(
                    format: .surveymonkey, headerRows: 2,
                    columnNames: [
                        "Respondent ID", "Collector ID", "Start Date", "End Date",
                        "\(q1) - Micromanager", "\(q1) - Credit taker", "\(q1) - Absentee", q2,
                        "Anything else? - Open-Ended Response",
                    ],
                    columnIDs: [
                        ["Respondent ID"], ["Collector ID"], ["Start Date"], ["End Date"],
                        ["\(q1) - Micromanager", "Micromanager"], ["\(q1) - Credit taker", "Credit taker"],
                        ["\(q1) - Absentee", "Absentee"], [q2], ["Anything else? - Open-Ended Response"],
                    ],
                    questionTexts: [
                        "Respondent ID", "Collector ID", "Start Date", "End Date", q1, q1, q1, q2, "Anything else?",
                    ]))
    }

    /// A single-choice question with an "Other (please specify)" box: row 1 holds the question
    /// over its first column only, row 2 the sub-labels `Response` and `Other (please specify)`.
    /// Both columns carry the row-1 question (`candor inspect` prints it under the second,
    /// whose name is longer); `Response` and `Open-Ended Response` are not option ids.
    @Test func surveyMonkeyQuestionRowCoversTheOtherBox() throws {
        let layout = try detect("surveymonkey_other")
        let satisfied = "How satisfied are you with your manager?"
        let other = satisfied + " - Other (please specify)"
        #expect(layout.format == .surveymonkey)
        #expect(layout.headerRows == 2)
        #expect(
            layout.columnNames == [
                "Respondent ID", "Collector ID", "Start Date", "End Date", satisfied, other,
                "Which department do you work in?", "Anything else? - Open-Ended Response",
            ])
        #expect(
            layout.questionTexts == [
                "Respondent ID", "Collector ID", "Start Date", "End Date", satisfied, satisfied,
                "Which department do you work in?", "Anything else?",
            ])
        #expect(layout.columnIDs[4] == [satisfied])
        #expect(layout.columnIDs[5] == [other, "Other (please specify)"])
        #expect(layout.columnIDs[7] == ["Anything else? - Open-Ended Response"])
        #expect(try records("surveymonkey_other").dropFirst(2).map(\.count) == [8, 8])
    }

    @Test func googleForms() throws {
        let names = [
            "Timestamp", "Email Address", "Which types of bad boss have you had?",
            "How likely are you to recommend your team? (0-10)",
        ]
        #expect(
            try detect("google_forms")
                == HeaderLayout(
                    format: .googleForms, headerRows: 1, columnNames: names, columnIDs: names.map { [$0] },
                    questionTexts: [nil, nil, nil, nil], multiSelectSeparator: ", "))
        #expect(try records("google_forms")[1][2] == "Micromanager, Credit taker")
    }

    @Test func microsoftForms() throws {
        let names = [
            "ID", "Start time", "Completion time", "Email", "Name",
            "How satisfied are you with your manager?", "Which types of bad boss have you had?",
        ]
        #expect(
            try detect("ms_forms")
                == HeaderLayout(
                    format: .msForms, headerRows: 1, columnNames: names, columnIDs: names.map { [$0] },
                    questionTexts: Array(repeating: nil, count: 7)))
    }

    @Test func genericAndEmpty() throws {
        let header = ["respondent_id", "department", "q01"]
        let records = [header, ["1", "Sales", "Agree"]]
        #expect(
            try ExportFormatDetector.detect(firstRecords: records, declared: nil)
                == HeaderLayout(
                    format: .generic, headerRows: 1, columnNames: header,
                    columnIDs: header.map { [$0] }, questionTexts: [nil, nil, nil]))
        // Declared generic overrides detection even for a Qualtrics file.
        #expect(try detect("qualtrics_sample", declared: .generic).headerRows == 1)
        #expect(try ExportFormatDetector.detect(firstRecords: [], declared: nil).headerRows == 0)
        // A first column called ResponseID without the legacy trailing comma is generic when auto.
        #expect(
            try ExportFormatDetector.detect(firstRecords: [["ResponseID", "q1"], ["R_1", "3"]], declared: nil).format
                == .generic)
    }

    @Test func declaredFormatThatDoesNotFitThrows() throws {
        #expect(
            throws: HeaderLayoutError(
                declared: .qualtrics,
                expected:
                    "3 header rows whose third holds {\"ImportId\":...} cells, or a legacy header starting with V1 or ResponseID",
                found: "2 records starting with \"Timestamp\"")
        ) {
            try detect("google_forms", declared: .qualtrics)
        }
        let error = HeaderLayoutError(
            declared: .msForms, expected: "a header starting with ID, Start time, Completion time, Email, Name",
            found:
                "a header starting with \"Timestamp\", \"Email Address\", \"Which types of bad boss have you had?\", \"How likely are you to recommend your tea…\""
        )
        #expect(throws: error) { try detect("google_forms", declared: .msForms) }
        #expect(
            error.description == "read.format is ms-forms, which expects a header starting with ID, Start time, "
                + "Completion time, Email, Name, but the file has a header starting with \"Timestamp\", \"Email Address\", "
                + "\"Which types of bad boss have you had?\", \"How likely are you to recommend your tea…\"; "
                + "fix read.format or use auto")
        #expect(
            throws: HeaderLayoutError(
                declared: .googleForms, expected: "a header starting with Timestamp",
                found: "a header starting with \"ID\"")
        ) {
            try detect("ms_forms", declared: .googleForms)
        }
        #expect(
            throws: HeaderLayoutError(
                declared: .surveymonkey,
                expected:
                    "a first header row starting with Respondent ID or Collector ID and a second holding Response or Open-Ended Response",
                found: "first cells \"ID\" and \"1\"")
        ) {
            try detect("ms_forms", declared: .surveymonkey)
        }
        #expect(
            throws: HeaderLayoutError(
                declared: .qualtrics, expected: ExportFormatDetector.expectation(.qualtrics),
                found: "no records")
        ) {
            try ExportFormatDetector.detect(firstRecords: [], declared: .qualtrics)
        }
    }
}
