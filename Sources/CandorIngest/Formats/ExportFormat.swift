/// The survey tool an export came from, which decides how many header rows it has and what
/// they mean. Raw values are the spellings of the pipeline definition's `read.format` key.
package enum ExportFormat: String, Sendable, CaseIterable {
    /// Any CSV: one header row of column names.
    case generic
    /// Qualtrics: 3 header rows (column ids, question text, ImportId JSON), or the legacy
    /// 2-row export (V1…, question text) with a trailing empty column.
    case qualtrics
    /// SurveyMonkey: 2 header rows (question text continued across blank cells, sub-labels).
    case surveymonkey
    /// Google Forms: one header row starting with "Timestamp"; multi-select answers joined by ", ".
    case googleForms = "google-forms"
    /// Microsoft Forms: one header row starting `ID, Start time, Completion time, Email, Name`.
    case msForms = "ms-forms"
}
