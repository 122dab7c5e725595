/// A GitHub-flavoured Markdown table whose cells are already escaped or are the report's own
/// text.
struct MarkdownTable {
    /// How a column's cells line up.
    enum Alignment {
        case left, right
    }

    /// Header text and alignment per column.
    var columns: [(header: String, alignment: Alignment)]
    /// Rows of cells; short rows are padded with empty cells so the table never breaks.
    var rows: [[String]] = []

    /// Creates a table with its columns.
    init(_ columns: [(header: String, alignment: Alignment)]) {
        self.columns = columns
    }

    /// Appends a row.
    mutating func append(_ row: [String]) {
        rows.append(row)
    }

    /// The table's lines.
    var lines: [String] {
        var lines = [line(columns.map(\.header))]
        lines.append(line(columns.map { $0.alignment == .right ? "---:" : "---" }))
        for row in rows {
            let cells = (0..<columns.count).map { $0 < row.count ? row[$0] : "" }
            lines.append(line(cells))
        }
        return lines
    }

    private func line(_ cells: [String]) -> String {
        "| " + cells.joined(separator: " | ") + " |"
    }
}
