import CandorCharts

/// A data table of the HTML report: a caption, a header row and rows of text cells; numeric
/// columns right-aligned. Beside each chart it is the chart's full text equivalent.
struct HTMLTable {
    /// A column: its heading and whether it holds numbers (right-aligned).
    struct Column {
        var header: String
        var numeric: Bool
    }

    var caption: String?
    var columns: [Column]
    var rows: [[String]] = []

    /// A table whose first column is text and the others numbers, unless `numeric` says otherwise.
    init(caption: String? = nil, _ headers: [String], numeric: Set<Int>? = nil) {
        self.caption = caption
        columns = headers.enumerated().map { index, header in
            Column(header: header, numeric: numeric.map { $0.contains(index) } ?? (index > 0))
        }
    }

    mutating func append(_ row: [String]) { rows.append(row) }

    var markup: Markup {
        let head = Markup.node(
            "thead", [:],
            [.node("tr", [:], columns.map { .node("th", ["scope": "col"], text: $0.header) })])
        let body = Markup.node(
            "tbody", [:],
            rows.map { row in
                .node(
                    "tr", [:],
                    row.enumerated().map { index, cell in
                        if index == 0 { return .node("th", ["scope": "row"], text: cell) }
                        let numeric = index < columns.count && columns[index].numeric
                        return numeric ? .node("td", ["class": "number"], text: cell) : .node("td", [:], text: cell)
                    })
            })
        let caption = caption.map { [Markup.node("caption", [:], text: $0)] } ?? []
        return .node("div", ["class": "table"], [.node("table", [:], caption + [head, body])])
    }
}
