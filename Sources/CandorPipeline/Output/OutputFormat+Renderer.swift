/// The one place where each output format's renderer is registered.
extension OutputFormat {
    /// The renderer that writes this format, or `nil` while this build has none (the definition
    /// loader and `--format` then refuse the format with exit 78 rather than skip it silently).
    package var renderer: (any ReportRenderer)? {
        switch self {
        case .markdown: MarkdownRenderer()
        case .json: JSONRenderer()
        case .html: HTMLRenderer()
        case .xlsx: nil
        case .csv: nil
        }
    }
}
