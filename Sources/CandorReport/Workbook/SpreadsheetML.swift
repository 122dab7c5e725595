import CandorCharts

/// Writes a `Workbook` as an Office Open XML spreadsheet (`.xlsx`): the XML parts of
/// ECMA-376 SpreadsheetML, zipped by `ZipPackage`.
///
/// Text is stored inline in each cell (no shared-string table, which only saves space); a sheet
/// with comments gets the comments part and the legacy VML drawing Excel needs to show them.
/// Nothing depends on the clock or the machine, so one workbook always makes the same bytes.
package enum SpreadsheetML {
    /// The package's bytes.
    ///
    /// - Throws: `WorkbookError` when the zip cannot be built.
    package static func package(_ workbook: Workbook) throws(WorkbookError) -> [UInt8] {
        try ZipPackage.archive(parts(workbook).map { ($0.path, Array($0.xml.utf8)) })
    }

    /// The parts, path and XML text, in a fixed order.
    static func parts(_ workbook: Workbook) -> [(path: String, xml: String)] {
        var parts: [(path: String, xml: String)] = [
            ("[Content_Types].xml", contentTypes(workbook)),
            ("_rels/.rels", rootRelationships),
            ("xl/workbook.xml", workbookPart(workbook)),
            ("xl/_rels/workbook.xml.rels", workbookRelationships(workbook)),
            ("xl/styles.xml", styles),
        ]
        for (index, sheet) in workbook.sheets.enumerated() {
            let number = index + 1
            let notes = comments(sheet)
            parts.append(("xl/worksheets/sheet\(number).xml", worksheet(sheet, hasComments: !notes.isEmpty)))
            guard !notes.isEmpty else { continue }
            parts.append(("xl/worksheets/_rels/sheet\(number).xml.rels", sheetRelationships(number)))
            parts.append(("xl/comments\(number).xml", commentsPart(notes)))
            parts.append(("xl/drawings/vmlDrawing\(number).vml", vmlDrawing(notes, sheetNumber: number)))
        }
        return parts
    }

    /// Every commented cell of a sheet: its zero-based row and column and the note.
    static func comments(_ sheet: Worksheet) -> [(row: Int, column: Int, text: String)] {
        sheet.rows.enumerated().flatMap { rowIndex, row in
            row.enumerated().compactMap { columnIndex, cell in
                cell.comment.map { (rowIndex, columnIndex, $0) }
            }
        }
    }

    /// One sheet's XML: frozen header, column widths, cells, colour scales, comment drawing.
    static func worksheet(_ sheet: Worksheet, hasComments: Bool) -> String {
        var xml = header + "<worksheet xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\">"
        xml += "<sheetViews><sheetView workbookViewId=\"0\">"
        if sheet.frozenRows > 0 {
            xml += "<pane ySplit=\"\(sheet.frozenRows)\" topLeftCell=\"A\(sheet.frozenRows + 1)\""
            xml += " activePane=\"bottomLeft\" state=\"frozen\"/>"
        }
        xml += "</sheetView></sheetViews>"
        if !sheet.columnWidths.isEmpty {
            xml += "<cols>"
            for (index, width) in sheet.columnWidths.enumerated() {
                xml += "<col min=\"\(index + 1)\" max=\"\(index + 1)\" width=\"\(width)\" customWidth=\"1\"/>"
            }
            xml += "</cols>"
        }
        xml += "<sheetData>"
        for (rowIndex, row) in sheet.rows.enumerated() {
            xml += "<row r=\"\(rowIndex + 1)\">"
            for (columnIndex, cell) in row.enumerated() {
                xml += self.cell(cell, reference: reference(row: rowIndex, column: columnIndex))
            }
            xml += "</row>"
        }
        xml += "</sheetData>"
        for (priority, range) in sheet.colourScaleRanges.enumerated() {
            // Orange below zero, white at zero, blue above: readable with the common colour-vision deficiencies.
            xml += "<conditionalFormatting sqref=\"\(range)\"><cfRule type=\"colorScale\" priority=\"\(priority + 1)\">"
            xml += "<colorScale><cfvo type=\"min\"/><cfvo type=\"num\" val=\"0\"/><cfvo type=\"max\"/>"
            xml += "<color rgb=\"FFE66101\"/><color rgb=\"FFF7F7F7\"/><color rgb=\"FF5E9FD1\"/></colorScale>"
            xml += "</cfRule></conditionalFormatting>"
        }
        if hasComments { xml += "<legacyDrawing r:id=\"rId2\"/>" }
        return xml + "</worksheet>"
    }

    /// One cell's XML; an empty cell keeps only its style, so a comment still has a cell to sit on.
    static func cell(_ cell: WorkbookCell, reference: String) -> String {
        let style = cell.style == .plain ? "" : " s=\"\(cell.style.rawValue)\""
        switch cell.content {
        case .empty:
            return "<c r=\"\(reference)\"\(style)/>"
        case .number(let value):
            // Swift's shortest round-trip text: the stored number is the figure, unrounded.
            return "<c r=\"\(reference)\"\(style)><v>\(value)</v></c>"
        case .text(let text):
            return
                "<c r=\"\(reference)\"\(style) t=\"inlineStr\"><is><t xml:space=\"preserve\">\(escaped(text))</t></is></c>"
        }
    }

    /// An A1-style reference, e.g. row 0, column 27 → `AB1`.
    static func reference(row: Int, column: Int) -> String {
        columnName(column) + String(row + 1)
    }

    /// The letters of a zero-based column: 0 → A, 25 → Z, 26 → AA.
    static func columnName(_ column: Int) -> String {
        var letters: [Unicode.Scalar] = []
        var rest = column + 1
        while rest > 0 {
            let digit = (rest - 1) % 26
            letters.insert(Unicode.Scalar(UInt8(65 + digit)), at: 0)
            rest = (rest - 1) / 26
        }
        return String(String.UnicodeScalarView(letters))
    }

    /// Text as XML character data: the HTML report's escaping (`Markup.escape`), whose rules
    /// (markup characters escaped, control characters and non-characters replaced by U+FFFD)
    /// keep an XML 1.0 part well-formed too.
    static func escaped(_ text: String) -> String { Markup.escape(text) }
}
