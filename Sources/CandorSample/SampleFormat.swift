/// The export layout of a sample file, mimicking what each survey tool downloads.
package enum SampleFormat: String, CaseIterable, Sendable {
    /// Plain CSV: one header row of column names, multi-select answers joined with ";".
    case generic
    /// Qualtrics "Download data" CSV: UTF-8 BOM, three header rows (column ids, question texts,
    /// ImportId JSON), metadata columns first, multi-select choice texts joined with ",".
    case qualtrics
    /// Google Forms response sheet as CSV: `Timestamp` first, question texts as headers,
    /// multi-select answers joined with ", ".
    case googleForms = "google-forms"
}
