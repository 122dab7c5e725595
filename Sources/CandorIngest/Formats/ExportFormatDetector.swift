#if canImport(FoundationEssentials)
    internal import FoundationEssentials
#else
    internal import Foundation
#endif

/// Recognises a survey tool's export from its first records and lays out its header.
///
/// Auto-detection tries, in order (the first match wins):
/// - **Qualtrics** (3 header rows): at least 3 records, and every cell of record 3 is a JSON
///   object with a string `ImportId` (`{"ImportId":"QID1"}`). Names are row 1 (StartDate, …,
///   Q1, Q2_1); ids are `[row 1, ImportId]`; question texts are row 2.
/// - **Qualtrics legacy** (2 header rows): record 1 starts with `V1` or `ResponseID`, at least
///   2 records, and record 1 ends in an empty cell (each line ends in a comma). That empty
///   trailing column is dropped from the header, and ``HeaderLayout/dropsTrailingEmptyColumn``
///   tells the reader to drop it from the data. Names are row 1 (V1…V10, Q1…); ids are
///   `[row 1, row 2]`, because row 2 holds the names modern exports use for the metadata
///   columns (ResponseID, StartDate); question texts are row 2.
/// - **SurveyMonkey** (2 header rows): record 1 starts with `Respondent ID` or `Collector ID`,
///   and record 2 holds a `Response` or `Open-Ended Response` cell. A blank row-1 cell continues
///   the question before it (a checkbox or matrix question has one column per option). The
///   name is the question when the row-2 sub-label is blank or `Response`, else
///   `question - sublabel`; ids are the name plus the sub-label alone when it is an option
///   label (not blank, `Response` or `Open-Ended Response`, which repeat under many
///   questions); question texts are the continued row 1.
/// - **Microsoft Forms** (1 header row): record 1 starts `ID, Start time, Completion time,
///   Email, Name`.
/// - **Google Forms** (1 header row): record 1 starts with `Timestamp`; multi-select answers
///   are joined by ", ".
/// - **generic** (1 header row) otherwise.
///
/// Cells are compared exactly (the BOM is already gone, spaces count). A declared format
/// skips detection: `generic` always applies; any other declared format must match its rule
/// above (for a declared Qualtrics file the legacy trailing empty cell is optional) or
/// ``HeaderLayoutError`` is thrown. An empty file (no records) is generic with no header rows.
package enum ExportFormatDetector {
    /// The opening cells of a Microsoft Forms header.
    static let msFormsPrefix = ["ID", "Start time", "Completion time", "Email", "Name"]

    /// Works out the header layout of a file.
    /// - Parameters:
    ///   - firstRecords: the file's first parsed records (3 are enough; fewer when the file is shorter).
    ///   - declared: the format the pipeline definition declares, or `nil` for auto.
    /// - Throws: ``HeaderLayoutError`` when `declared` is not generic and the header does not fit it.
    package static func detect(firstRecords: [[String]], declared: ExportFormat?) throws(HeaderLayoutError)
        -> HeaderLayout
    {
        let records = Array(firstRecords.prefix(3))
        guard let first = records.first else {
            if let declared, declared != .generic {
                throw HeaderLayoutError(declared: declared, expected: expectation(declared), found: "no records")
            }
            return HeaderLayout(format: .generic, headerRows: 0, columnNames: [], columnIDs: [], questionTexts: [])
        }
        switch declared {
        case nil:
            return qualtrics(records) ?? qualtricsLegacy(records, requireTrailingEmpty: true) ?? surveyMonkey(records)
                ?? msForms(first) ?? googleForms(first) ?? .singleRow(first, format: .generic)
        case .generic?:
            return .singleRow(first, format: .generic)
        case .qualtrics?:
            if let layout = qualtrics(records) ?? qualtricsLegacy(records, requireTrailingEmpty: false) {
                return layout
            }
            throw mismatch(.qualtrics, records)
        case .surveymonkey?:
            if let layout = surveyMonkey(records) { return layout }
            throw mismatch(.surveymonkey, records)
        case .googleForms?:
            if let layout = googleForms(first) { return layout }
            throw mismatch(.googleForms, records)
        case .msForms?:
            if let layout = msForms(first) { return layout }
            throw mismatch(.msForms, records)
        }
    }

    /// The modern Qualtrics layout, if record 3 is a row of ImportId JSON cells.
    static func qualtrics(_ records: [[String]]) -> HeaderLayout? {
        guard records.count >= 3, !records[2].isEmpty else { return nil }
        var importIDs: [String] = []
        for cell in records[2] {
            guard let id = importID(in: cell) else { return nil }
            importIDs.append(id)
        }
        let names = records[0]
        return HeaderLayout(
            format: .qualtrics, headerRows: 3, columnNames: names,
            columnIDs: names.indices.map { index in
                index < importIDs.count ? [names[index], importIDs[index]] : [names[index]]
            },
            questionTexts: names.indices.map { cell(records[1], $0) }
        )
    }

    /// The `ImportId` of one Qualtrics JSON header cell such as `{"ImportId":"QID2_TEXT"}`.
    static func importID(in cell: String) -> String? {
        struct Cell: Decodable { var ImportId: String }
        guard cell.hasPrefix("{") else { return nil }
        return try? JSONDecoder().decode(Cell.self, from: Data(cell.utf8)).ImportId
    }

    /// The legacy Qualtrics layout (V1… / ResponseID… then question text), if it fits.
    static func qualtricsLegacy(_ records: [[String]], requireTrailingEmpty: Bool) -> HeaderLayout? {
        guard records.count >= 2, let lead = records[0].first, lead == "V1" || lead == "ResponseID" else { return nil }
        let trailingEmpty = records[0].count > 1 && records[0].last == ""
        if requireTrailingEmpty && !trailingEmpty { return nil }
        let names = Array(records[0].dropLast(trailingEmpty ? 1 : 0))
        return HeaderLayout(
            format: .qualtrics, headerRows: 2, columnNames: names,
            columnIDs: names.indices.map { index in
                let second = records[1].indices.contains(index) ? records[1][index] : ""
                return second.isEmpty || second == names[index] ? [names[index]] : [names[index], second]
            },
            questionTexts: names.indices.map { cell(records[1], $0) },
            dropsTrailingEmptyColumn: trailingEmpty
        )
    }

    /// The SurveyMonkey layout, if record 1 opens with its id columns and record 2 has sub-labels.
    static func surveyMonkey(_ records: [[String]]) -> HeaderLayout? {
        guard records.count >= 2, let lead = records[0].first, lead == "Respondent ID" || lead == "Collector ID",
            records[1].contains(where: { $0 == "Response" || $0 == "Open-Ended Response" })
        else { return nil }
        let columnCount = max(records[0].count, records[1].count)
        var names: [String] = []
        var ids: [[String]] = []
        var questions: [String?] = []
        var question = ""
        for index in 0..<columnCount {
            let top = records[0].indices.contains(index) ? records[0][index] : ""
            if !top.isEmpty { question = top }
            let sub = records[1].indices.contains(index) ? records[1][index] : ""
            let name: String
            if sub.isEmpty || sub == "Response" {
                name = question
            } else if question.isEmpty {
                name = sub
            } else {
                name = question + " - " + sub
            }
            let isOptionLabel = !sub.isEmpty && sub != "Response" && sub != "Open-Ended Response"
            names.append(name)
            ids.append(isOptionLabel && sub != name ? [name, sub] : [name])
            questions.append(question.isEmpty ? nil : question)
        }
        return HeaderLayout(
            format: .surveymonkey, headerRows: 2, columnNames: names, columnIDs: ids, questionTexts: questions
        )
    }

    /// The Microsoft Forms layout, if the header opens with its five fixed columns.
    static func msForms(_ header: [String]) -> HeaderLayout? {
        guard header.starts(with: msFormsPrefix) else { return nil }
        return .singleRow(header, format: .msForms)
    }

    /// The Google Forms layout, if the header opens with `Timestamp`.
    static func googleForms(_ header: [String]) -> HeaderLayout? {
        guard header.first == "Timestamp" else { return nil }
        return .singleRow(header, format: .googleForms, multiSelectSeparator: ", ")
    }

    /// Cell `index` of `record`, or `nil` when the record is shorter.
    static func cell(_ record: [String], _ index: Int) -> String? {
        record.indices.contains(index) ? record[index] : nil
    }

    /// What a declared format's header looks like, for error messages.
    static func expectation(_ format: ExportFormat) -> String {
        switch format {
        case .generic: "one header row"
        case .qualtrics:
            "3 header rows whose third holds {\"ImportId\":...} cells, or a legacy header starting with V1 or ResponseID"
        case .surveymonkey:
            "a first header row starting with Respondent ID or Collector ID and a second holding Response or Open-Ended Response"
        case .googleForms: "a header starting with Timestamp"
        case .msForms: "a header starting with ID, Start time, Completion time, Email, Name"
        }
    }

    /// The error for a declared format whose rule did not match, describing the header found.
    static func mismatch(_ format: ExportFormat, _ records: [[String]]) -> HeaderLayoutError {
        let found: String
        switch format {
        case .qualtrics:
            if records.count < 3 {
                found =
                    "\(records.count) record\(records.count == 1 ? "" : "s") starting with \(quoted(records[0].first))"
            } else {
                let bad = records[2].first(where: { importID(in: $0) == nil })
                found =
                    "first cell \(quoted(records[0].first)) and a third row with \(quoted(bad)) where an ImportId cell belongs"
            }
        case .surveymonkey:
            found =
                "first cells \(quoted(records[0].first))"
                + (records.count > 1 ? " and \(quoted(records[1].first))" : " and no second record")
        case .msForms:
            found = "a header starting with \(records[0].prefix(5).map { quoted($0) }.joined(separator: ", "))"
        case .generic, .googleForms:
            found = "a header starting with \(quoted(records[0].first))"
        }
        return HeaderLayoutError(declared: format, expected: expectation(format), found: found)
    }

    /// A cell for an error message: quoted, cut to 40 characters, or "nothing".
    static func quoted(_ cell: String?) -> String {
        guard let cell else { return "nothing" }
        return "\"" + (cell.count > 40 ? cell.prefix(40) + "…" : cell) + "\""
    }
}
