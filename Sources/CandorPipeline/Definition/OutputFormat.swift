/// A kind of report file a run can write (`output.formats`, `--format`).
///
/// Each format has one renderer, registered in `OutputFormat+Renderer.swift`; adding a format is
/// a case here, a renderer file and one line there, and the compiler points at the switch.
package enum OutputFormat: String, Sendable, Hashable, CaseIterable {
    /// `NAME.md`: the Markdown report.
    case markdown
    /// `NAME.json`: the JSON report (`Docs/report-schema.json`).
    case json
    /// `NAME.html`: one self-contained HTML page with inline SVG charts.
    case html
    /// `NAME.xlsx`: an Excel workbook, one sheet per table.
    case xlsx
    /// `NAME.csv`: the tidy CSV, one row per published figure.
    case csv

    /// What a definition writes when `output.formats` is absent: the two reports for people
    /// (Markdown, HTML) and the one for programs (JSON).
    package static let defaults: [OutputFormat] = [.markdown, .json, .html]

    /// The file name's extension, without the dot.
    package var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .json: "json"
        case .html: "html"
        case .xlsx: "xlsx"
        case .csv: "csv"
        }
    }

    /// The format named `text`.
    ///
    /// - Returns: the format, or the message naming the known formats, for a definition error or
    ///   the CLI.
    package static func available(_ text: String) -> Result<OutputFormat, OutputFormatUnavailable> {
        guard let format = OutputFormat(rawValue: text) else {
            let names = allCases.map(\.rawValue).joined(separator: ", ")
            return .failure(OutputFormatUnavailable(message: "unknown output format '\(text)'; use \(names)"))
        }
        return .success(format)
    }

    /// `formats` without repeats, in the order of `allCases`, so files are written, listed and
    /// logged in one fixed order whatever order the definition and the command line gave.
    package static func ordered(_ formats: some Sequence<OutputFormat>) -> [OutputFormat] {
        let wanted = Set(formats)
        return allCases.filter(wanted.contains)
    }
}

/// Why an output format named in a definition or on the command line cannot be written.
package struct OutputFormatUnavailable: Error, Sendable, Equatable {
    /// What is wrong and what to use instead.
    package var message: String
}
