/// RFC 4180 CSV rows whose text cells a spreadsheet will not run as formulas.
///
/// Shared by every CSV Candor writes (the rejects file, the tidy report CSV), so one rule decides
/// what a cell looks like. Rows end in CRLF as RFC 4180 says; cells containing `,` `"` CR or LF
/// are quoted, with inner quotes doubled.
///
/// CSV injection: analysts open these files in a spreadsheet, and the text came from anyone who
/// filled in the survey or wrote the definition. Following OWASP's advice, every text cell that
/// begins with `=`, `+`, `-`, `@`, TAB or CR gets a single quote `'` in front, so Excel,
/// LibreOffice and Google Sheets show it as text instead of evaluating it
/// (`=cmd|' /C calc'!A0` becomes `'=cmd|' /C calc'!A0`). Numbers go through `plain`, which
/// leaves them alone, so `-0.01` stays a number.
package enum SpreadsheetSafeCSV {
    /// One cell of a row: text to neutralise, or a number (or other trusted token) written as is.
    package enum Cell: Sendable, Equatable {
        /// Text from outside; formula-neutralised, then quoted if needed.
        case text(String)
        /// A number or a flag written by Candor itself; quoted if needed, never prefixed.
        case plain(String)
    }

    /// One CSV row of text cells: each neutralised and quoted as needed, comma-separated,
    /// CRLF-terminated.
    package static func row(_ cells: [String]) -> String {
        row(cells.map(Cell.text))
    }

    /// One CSV row: text cells neutralised, every cell quoted as needed, comma-separated,
    /// CRLF-terminated.
    package static func row(_ cells: [Cell]) -> String {
        var line = ""
        for (index, cell) in cells.enumerated() {
            if index > 0 { line.append(",") }
            switch cell {
            case .text(let value): line.append(textCell(value))
            case .plain(let value): line.append(quotedIfNeeded(value))
            }
        }
        line.append("\r\n")
        return line
    }

    /// A text cell as it appears in the file: formula-neutralised first, then quoted if needed.
    ///
    /// The quote prefix goes inside the CSV quotes, so a reader gets `'=1+1` back as the value.
    package static func textCell(_ value: String) -> String {
        var text = value
        if let first = text.unicodeScalars.first, formulaTriggers.contains(first) {
            text = "'" + text
        }
        return quotedIfNeeded(text)
    }

    /// First characters a spreadsheet may treat as the start of a formula (OWASP CSV injection).
    package static let formulaTriggers: Set<Unicode.Scalar> = ["=", "+", "-", "@", "\t", "\r"]

    private static func quotedIfNeeded(_ text: String) -> String {
        let needsQuotes = text.unicodeScalars.contains { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" }
        guard needsQuotes else { return text }
        // Compare by unicode scalar: as Characters, "\r\n" is one grapheme and would be missed.
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        quoted.append("\"")
        return quoted
    }
}
