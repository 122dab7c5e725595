/// How a file's header records map to columns, as ``ExportFormatDetector`` worked it out.
///
/// All per-column arrays have one entry per column, in file order.
package struct HeaderLayout: Sendable, Equatable {
    /// The export format the header matches.
    package var format: ExportFormat
    /// How many leading records are header, not data (0 only for an empty file).
    package var headerRows: Int
    /// The name of each column, matched first by a pipeline's `column:`.
    package var columnNames: [String]
    /// Every name a pipeline may map each column by, starting with the column name itself
    /// (then e.g. a Qualtrics ImportId, or a SurveyMonkey option label).
    package var columnIDs: [[String]]
    /// The question text behind each column where the header gives one apart from the name
    /// (Qualtrics row 2, SurveyMonkey row 1); `nil` where the name is all there is.
    package var questionTexts: [String?]
    /// Whether every record has an empty last column to drop (legacy Qualtrics ends each line
    /// in a comma). When `true`, the reader must drop the last field of the data records too,
    /// so that they line up with ``columnNames``.
    package var dropsTrailingEmptyColumn: Bool
    /// The text joining the options of a multi-select answer in one cell, if the format has a
    /// convention (", " for Google Forms).
    package var multiSelectSeparator: String?

    /// Creates a header layout.
    package init(
        format: ExportFormat, headerRows: Int, columnNames: [String], columnIDs: [[String]],
        questionTexts: [String?], dropsTrailingEmptyColumn: Bool = false, multiSelectSeparator: String? = nil
    ) {
        self.format = format
        self.headerRows = headerRows
        self.columnNames = columnNames
        self.columnIDs = columnIDs
        self.questionTexts = questionTexts
        self.dropsTrailingEmptyColumn = dropsTrailingEmptyColumn
        self.multiSelectSeparator = multiSelectSeparator
    }

    /// Column names the header holds more than once, each with its columns (0-based), in order
    /// of first appearance: a definition cannot tell such columns apart by name.
    package var duplicateColumnNames: [(name: String, columns: [Int])] {
        var columnsOfName: [String: [Int]] = [:]
        for (index, name) in columnNames.enumerated() { columnsOfName[name, default: []].append(index) }
        return columnNames.enumerated().compactMap { index, name in
            guard let columns = columnsOfName[name], columns.count > 1, columns[0] == index else { return nil }
            return (name, columns)
        }
    }

    /// A layout for formats with one header row of names and nothing else.
    static func singleRow(_ names: [String], format: ExportFormat, multiSelectSeparator: String? = nil) -> HeaderLayout
    {
        HeaderLayout(
            format: format, headerRows: 1, columnNames: names, columnIDs: names.map { [$0] },
            questionTexts: names.map { _ in nil }, multiSelectSeparator: multiSelectSeparator
        )
    }
}
