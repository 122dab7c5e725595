extension SpreadsheetML {
    static let header = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
    static let mainNamespace = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
    static let relationshipNamespace = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
    private static let packageRelationships = "http://schemas.openxmlformats.org/package/2006/relationships"
    private static let contentTypePrefix = "application/vnd.openxmlformats-officedocument.spreadsheetml."

    static func contentTypes(_ workbook: Workbook) -> String {
        var xml = header + "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
        xml += "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
        xml += "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
        xml += "<Default Extension=\"vml\" ContentType=\"application/vnd.openxmlformats-officedocument.vmlDrawing\"/>"
        xml += "<Override PartName=\"/xl/workbook.xml\" ContentType=\"\(contentTypePrefix)sheet.main+xml\"/>"
        xml += "<Override PartName=\"/xl/styles.xml\" ContentType=\"\(contentTypePrefix)styles+xml\"/>"
        for (index, sheet) in workbook.sheets.enumerated() {
            xml += "<Override PartName=\"/xl/worksheets/sheet\(index + 1).xml\""
            xml += " ContentType=\"\(contentTypePrefix)worksheet+xml\"/>"
            if !comments(sheet).isEmpty {
                xml += "<Override PartName=\"/xl/comments\(index + 1).xml\""
                xml += " ContentType=\"\(contentTypePrefix)comments+xml\"/>"
            }
        }
        return xml + "</Types>"
    }

    static var rootRelationships: String {
        header + "<Relationships xmlns=\"\(packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/officeDocument\" Target=\"xl/workbook.xml\"/>"
            + "</Relationships>"
    }

    static func workbookPart(_ workbook: Workbook) -> String {
        var xml = header + "<workbook xmlns=\"\(mainNamespace)\" xmlns:r=\"\(relationshipNamespace)\"><sheets>"
        for (index, sheet) in workbook.sheets.enumerated() {
            xml += "<sheet name=\"\(escaped(sheet.name))\" sheetId=\"\(index + 1)\" r:id=\"rId\(index + 1)\"/>"
        }
        return xml + "</sheets></workbook>"
    }

    static func workbookRelationships(_ workbook: Workbook) -> String {
        var xml = header + "<Relationships xmlns=\"\(packageRelationships)\">"
        for index in workbook.sheets.indices {
            xml += "<Relationship Id=\"rId\(index + 1)\" Type=\"\(relationshipNamespace)/worksheet\""
            xml += " Target=\"worksheets/sheet\(index + 1).xml\"/>"
        }
        xml += "<Relationship Id=\"rId\(workbook.sheets.count + 1)\" Type=\"\(relationshipNamespace)/styles\""
        return xml + " Target=\"styles.xml\"/></Relationships>"
    }

    static func sheetRelationships(_ number: Int) -> String {
        header + "<Relationships xmlns=\"\(packageRelationships)\">"
            + "<Relationship Id=\"rId1\" Type=\"\(relationshipNamespace)/comments\" Target=\"../comments\(number).xml\"/>"
            + "<Relationship Id=\"rId2\" Type=\"\(relationshipNamespace)/vmlDrawing\""
            + " Target=\"../drawings/vmlDrawing\(number).vml\"/></Relationships>"
    }

    static func commentsPart(_ notes: [(row: Int, column: Int, text: String)]) -> String {
        var xml =
            header + "<comments xmlns=\"\(mainNamespace)\"><authors><author>Candor</author></authors><commentList>"
        for note in notes {
            xml += "<comment ref=\"\(reference(row: note.row, column: note.column))\" authorId=\"0\">"
            xml += "<text><t xml:space=\"preserve\">\(escaped(note.text))</t></text></comment>"
        }
        return xml + "</commentList></comments>"
    }

    /// The legacy drawing that gives each comment its (hidden) note box; Excel shows comments only
    /// through it.
    static func vmlDrawing(_ notes: [(row: Int, column: Int, text: String)], sheetNumber: Int) -> String {
        var xml = "<xml xmlns:v=\"urn:schemas-microsoft-com:vml\" xmlns:o=\"urn:schemas-microsoft-com:office:office\""
        xml += " xmlns:x=\"urn:schemas-microsoft-com:office:excel\">"
        xml += "<o:shapelayout v:ext=\"edit\"><o:idmap v:ext=\"edit\" data=\"\(sheetNumber)\"/></o:shapelayout>"
        xml += "<v:shapetype id=\"_x0000_t202\" coordsize=\"21600,21600\" o:spt=\"202\""
        xml += " path=\"m,l,21600r21600,l21600,xe\"><v:stroke joinstyle=\"miter\"/>"
        xml += "<v:path gradientshapeok=\"t\" o:connecttype=\"rect\"/></v:shapetype>"
        for (index, note) in notes.enumerated() {
            xml += "<v:shape id=\"_x0000_s\(sheetNumber * 1024 + index + 1)\" type=\"#_x0000_t202\""
            xml +=
                " style=\"position:absolute;margin-left:80pt;margin-top:2pt;width:160pt;height:50pt;z-index:\(index + 1);"
            xml += "visibility:hidden\" fillcolor=\"#ffffe1\" o:insetmode=\"auto\"><v:fill color2=\"#ffffe1\"/>"
            xml += "<v:shadow on=\"t\" color=\"black\" obscured=\"t\"/><v:path o:connecttype=\"none\"/>"
            xml += "<v:textbox style=\"mso-direction-alt:auto\"><div style=\"text-align:left\"></div></v:textbox>"
            xml += "<x:ClientData ObjectType=\"Note\"><x:MoveWithCells/><x:SizeWithCells/>"
            xml +=
                "<x:Anchor>\(note.column + 1), 15, \(note.row), 2, \(note.column + 4), 15, \(note.row + 4), 16</x:Anchor>"
            xml += "<x:AutoFill>False</x:AutoFill><x:Row>\(note.row)</x:Row><x:Column>\(note.column)</x:Column>"
            xml += "</x:ClientData></v:shape>"
        }
        return xml + "</xml>"
    }

    /// The style sheet: one cell format per `CellStyle` case, in its raw-value order.
    static var styles: String {
        var xml = header + "<styleSheet xmlns=\"\(mainNamespace)\">"
        xml += "<numFmts count=\"4\"><numFmt numFmtId=\"164\" formatCode=\"0.0%\"/>"
        xml += "<numFmt numFmtId=\"165\" formatCode=\"0.0\"/><numFmt numFmtId=\"166\" formatCode=\"0.000\"/>"
        xml += "<numFmt numFmtId=\"167\" formatCode=\"0.0000\"/></numFmts>"
        xml += "<fonts count=\"2\"><font><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font>"
        xml += "<font><b/><sz val=\"11\"/><name val=\"Calibri\"/><family val=\"2\"/></font></fonts>"
        xml += "<fills count=\"2\"><fill><patternFill patternType=\"none\"/></fill>"
        xml += "<fill><patternFill patternType=\"gray125\"/></fill></fills>"
        xml += "<borders count=\"1\"><border><left/><right/><top/><bottom/><diagonal/></border></borders>"
        xml += "<cellStyleXfs count=\"1\"><xf numFmtId=\"0\" fontId=\"0\" fillId=\"0\" borderId=\"0\"/></cellStyleXfs>"
        xml += "<cellXfs count=\"\(CellStyle.allCases.count)\">"
        for style in CellStyle.allCases {
            let (format, font) = cellFormat(style)
            xml += "<xf numFmtId=\"\(format)\" fontId=\"\(font)\" fillId=\"0\" borderId=\"0\" xfId=\"0\""
            xml += format == 0 ? "" : " applyNumberFormat=\"1\""
            xml += font == 0 ? "/>" : " applyFont=\"1\"/>"
        }
        xml += "</cellXfs><cellStyles count=\"1\"><cellStyle name=\"Normal\" xfId=\"0\" builtinId=\"0\"/></cellStyles>"
        return xml + "</styleSheet>"
    }

    /// The number format id (built-in below 164) and font of a style.
    private static func cellFormat(_ style: CellStyle) -> (format: Int, font: Int) {
        switch style {
        case .plain: (0, 0)
        case .header: (0, 1)
        case .percent: (164, 0)
        case .points: (165, 0)
        case .decimal: (2, 0)
        case .coefficient: (166, 0)
        case .integer: (3, 0)
        case .probability: (167, 0)
        }
    }
}
