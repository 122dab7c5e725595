/// Finds the field delimiter of a CSV file from a sample of its first bytes.
///
/// Rules, in order:
/// 1. An Excel `sep=X` first line (exactly `sep=`, one byte, then CR, LF, CRLF or the end)
///    names the delimiter outright; the line is skipped (``DelimiterDetection/skipPrefixBytes``).
/// 2. Otherwise each candidate — comma, semicolon, tab — splits the sample into records the
///    way a CSV parser would with that delimiter: a `"` at the start of a field opens a quoted
///    field, inside which delimiters and line breaks are data and `""` is a quote; records end
///    at LF, CRLF or a lone CR outside quotes; blank lines are skipped. The last record counts
///    only if it is complete (ends in a line break, or `sampleIsWholeFile` is true), since a
///    sample usually cuts a record short; but a cut-short header with nothing after it still
///    counts, as the only evidence there is.
/// 3. A candidate's score is the number of records whose field count equals the header's,
///    and 0 when the header has a single field. Requiring agreement with the header is what
///    defeats spreadsheet mangling: a `;` file with decimal commas (`3,5`) has one comma-field
///    in its header, and a header whose quoted text holds commas does not split on them.
/// 4. The highest score wins. Ties go to the candidate with more header fields (a `;` file
///    whose quoted header holds commas can split on commas consistently too, into fewer
///    columns), then to the earlier candidate (comma, semicolon, tab).
///    If every score is 0 the file has one column and the delimiter is a comma.
///
/// The sample should start after any byte order mark and be UTF-8 (or any ASCII-compatible
/// encoding); 64 KiB is plenty.
package enum DelimiterDetector {
    /// The candidates in tie-breaking order, with the names used in the evidence text.
    static let candidates: [(byte: UInt8, name: String)] = [(0x2C, "comma"), (0x3B, "semicolon"), (0x09, "tab")]

    /// Detects the delimiter of the CSV text in `sample`.
    /// - Parameters:
    ///   - sample: the first bytes of the file, after any byte order mark.
    ///   - sampleIsWholeFile: `true` when `sample` is the entire file, so its last record counts
    ///     even without a final line break.
    package static func detect(sample: UnsafeRawBufferPointer, sampleIsWholeFile: Bool = false) -> DelimiterDetection {
        if let excel = excelSeparatorLine(in: sample) {
            return DelimiterDetection(
                delimiter: excel.delimiter, skipPrefixBytes: excel.length,
                evidence: "Excel sep= line names \(describe(excel.delimiter))"
            )
        }
        var best: (byte: UInt8, score: Int, fields: Int)?
        var notes: [String] = []
        for candidate in candidates {
            let counts = fieldCounts(in: sample, delimiter: candidate.byte, includeIncompleteLast: sampleIsWholeFile)
            let header = counts.first ?? 0
            guard header > 1 else {
                notes.append("\(candidate.name): \(header) field\(header == 1 ? "" : "s") in header")
                continue
            }
            let score = counts.reduce(0) { $0 + ($1 == header ? 1 : 0) }
            notes.append("\(candidate.name): \(header) fields on \(score) of \(counts.count) records")
            if let current = best, (current.score, current.fields) >= (score, header) { continue }
            best = (candidate.byte, score, header)
        }
        guard let best else {
            return DelimiterDetection(
                delimiter: 0x2C, skipPrefixBytes: 0,
                evidence: "no candidate splits the header; one column, comma assumed (" + notes.joined(separator: "; ")
                    + ")"
            )
        }
        // Put the winner first so the log line leads with the decision.
        let winnerName = describe(best.byte)
        let ordered = notes.filter { $0.hasPrefix(winnerName + ":") } + notes.filter { !$0.hasPrefix(winnerName + ":") }
        return DelimiterDetection(delimiter: best.byte, skipPrefixBytes: 0, evidence: ordered.joined(separator: "; "))
    }

    /// The name of a delimiter byte in evidence text.
    static func describe(_ byte: UInt8) -> String {
        if let candidate = candidates.first(where: { $0.byte == byte }) { return candidate.name }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x" + String(byte, radix: 16, uppercase: true)
    }

    /// The delimiter and line length of an Excel `sep=X` first line, if there is one.
    static func excelSeparatorLine(in bytes: UnsafeRawBufferPointer) -> (delimiter: UInt8, length: Int)? {
        let prefix: [UInt8] = [0x73, 0x65, 0x70, 0x3D]  // "sep="
        guard bytes.count >= 5, bytes.prefix(4).elementsEqual(prefix) else { return nil }
        let delimiter = bytes[4]
        // A quote, line break or NUL cannot be a delimiter; such a line is data.
        guard delimiter != 0x22, delimiter != 0x0A, delimiter != 0x0D, delimiter != 0 else { return nil }
        if bytes.count == 5 { return (delimiter, 5) }
        switch bytes[5] {
        case 0x0A: return (delimiter, 6)
        case 0x0D: return (delimiter, bytes.count > 6 && bytes[6] == 0x0A ? 7 : 6)
        default: return nil
        }
    }

    /// The number of fields in each record of `bytes` when split on `delimiter` (rule 2).
    static func fieldCounts(in bytes: UnsafeRawBufferPointer, delimiter: UInt8, includeIncompleteLast: Bool) -> [Int] {
        let quote: UInt8 = 0x22
        var counts: [Int] = []
        var fields = 1
        var recordHasBytes = false
        var atFieldStart = true
        var inQuotes = false
        var index = 0
        let count = bytes.count
        while index < count {
            let byte = bytes[index]
            index += 1
            if inQuotes {
                if byte == quote {
                    if index < count && bytes[index] == quote {
                        index += 1
                    } else {
                        inQuotes = false
                    }
                }
                continue
            }
            switch byte {
            case delimiter:
                fields += 1
                recordHasBytes = true
                atFieldStart = true
            case 0x0A, 0x0D:
                if byte == 0x0D && index < count && bytes[index] == 0x0A { index += 1 }
                if recordHasBytes { counts.append(fields) }
                fields = 1
                recordHasBytes = false
                atFieldStart = true
            case quote where atFieldStart:
                inQuotes = true
                recordHasBytes = true
                atFieldStart = false
            default:
                recordHasBytes = true
                atFieldStart = false
            }
        }
        if recordHasBytes && !inQuotes && (includeIncompleteLast || counts.isEmpty) { counts.append(fields) }
        return counts
    }
}
