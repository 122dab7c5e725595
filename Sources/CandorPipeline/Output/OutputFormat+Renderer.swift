/// The one place where each output format's renderer is registered.
extension OutputFormat {
    /// The renderer that writes this format.
    package var renderer: any ReportRenderer {
        switch self {
        case .markdown: MarkdownRenderer()
        case .json: JSONRenderer()
        case .html: HTMLRenderer()
        case .xlsx: WorkbookRenderer()
        case .csv: TidyCSVRenderer()
        }
    }
}
