/// A spreadsheet workbook as plain values: sheets of typed cells, with the few presentation
/// features the report needs. `SpreadsheetML` turns it into an Office Open XML package.
package struct Workbook: Sendable, Equatable {
    /// The sheets, in tab order; names are unique (see `SheetNames`).
    package var sheets: [Worksheet]

    /// Creates a workbook.
    package init(sheets: [Worksheet]) {
        self.sheets = sheets
    }
}

/// One sheet: rows of cells, the first `frozenRows` of them kept in view while scrolling.
package struct Worksheet: Sendable, Equatable {
    /// The tab's name (at most 31 characters, none of `[]:*?/\`).
    package var name: String
    /// The rows, top to bottom; a row may be shorter than others.
    package var rows: [[WorkbookCell]]
    /// Header rows frozen at the top.
    package var frozenRows: Int
    /// Column widths in characters, left to right; columns past the end keep the default.
    package var columnWidths: [Double]
    /// Cell ranges (e.g. `H2:H9`) coloured by a diverging blue–orange scale centred on zero.
    package var colourScaleRanges: [String]

    /// Creates a sheet.
    package init(
        name: String, rows: [[WorkbookCell]], frozenRows: Int = 1, columnWidths: [Double] = [],
        colourScaleRanges: [String] = []
    ) {
        self.name = name
        self.rows = rows
        self.frozenRows = frozenRows
        self.columnWidths = columnWidths
        self.colourScaleRanges = colourScaleRanges
    }
}

/// One cell's content and how it is shown.
package struct WorkbookCell: Sendable, Equatable {
    /// What the cell holds.
    package enum Content: Sendable, Equatable {
        /// Nothing (a suppressed or undefined figure).
        case empty
        /// Text.
        case text(String)
        /// A number, stored unrounded.
        case number(Double)
    }

    /// The content.
    package var content: Content
    /// The number format or emphasis.
    package var style: CellStyle
    /// A note shown on the cell (Excel's comment), e.g. why a figure is suppressed.
    package var comment: String?

    /// Creates a cell.
    package init(_ content: Content, style: CellStyle = .plain, comment: String? = nil) {
        self.content = content
        self.style = style
        self.comment = comment
    }

    /// A text cell.
    package static func text(_ value: String, style: CellStyle = .plain) -> WorkbookCell {
        WorkbookCell(.text(value), style: style)
    }

    /// A number cell, or an empty one when `value` is `nil` or not finite.
    package static func number(_ value: Double?, style: CellStyle) -> WorkbookCell {
        guard let value, value.isFinite else { return WorkbookCell(.empty, style: style) }
        return WorkbookCell(.number(value), style: style)
    }

    /// An empty cell.
    package static let empty = WorkbookCell(.empty)
}

/// How a cell is formatted; each case is one entry of the package's style sheet.
package enum CellStyle: Int, Sendable, Equatable, CaseIterable {
    /// General format.
    case plain
    /// Bold (header rows).
    case header
    /// A fraction shown as a percentage with one decimal (`0.0%`).
    case percent
    /// Signed points with one decimal (`0.0`).
    case points
    /// Two decimals (`0.00`), for means and scores.
    case decimal
    /// Three decimals (`0.000`), for coefficients.
    case coefficient
    /// A whole number with thousands separators (`#,##0`).
    case integer
    /// Four decimals (`0.0000`), for p-values.
    case probability
}
