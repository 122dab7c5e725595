import CandorIngest
import Foundation

/// Text and JSON renderings of an `InputInspection`.
enum InspectionRendering {
    /// A short, aligned text summary for a terminal.
    static func text(_ inspection: InputInspection) -> String {
        let shape = inspection.shape
        var lines = [
            "\(inspection.file)",
            "  encoding      \(shape.encoding.rawValue)\(shape.hadByteOrderMark ? " (byte-order mark stripped)" : "")\(guessNote(shape))",
            "  delimiter     \(DelimiterDetection.displayName(of: shape.delimiter))",
            "  line endings  \(shape.lineEndings.summary)",
            "  format        \(shape.layout.format.rawValue), \(shape.layout.headerRows) header row(s)",
            "  records       \(inspection.records) (\(inspection.rejected) rejected, \(shape.blankLines) blank lines skipped)",
        ]
        for (reason, count) in inspection.rejectedByReason.sorted(by: { $0.key < $1.key }) {
            lines.append("    \(reason.rawValue): \(count)")
        }
        lines.append("  columns       \(shape.layout.columnNames.count)")
        for duplicate in shape.layout.duplicateColumnNames {
            let columns = duplicate.columns.map { String($0 + 1) }.joined(separator: ", ")
            lines.append(
                "  warning       columns \(columns) share the name '\(duplicate.name)'; a pipeline that maps '\(duplicate.name)' by name is refused"
            )
        }
        for (index, column) in inspection.columns.enumerated() {
            let distinct = column.distinctCapped ? "\(column.distinct)+" : "\(column.distinct)"
            let top = column.top.map { "\(quoted($0.value)) \($0.count)" }.joined(separator: ", ")
            lines.append("    \(index + 1). \(column.name): \(distinct) distinct; \(top)")
            lines += questionLine(shape.layout, column: index)
        }
        if inspection.columns.isEmpty {
            for (index, name) in shape.layout.columnNames.enumerated() {
                lines.append("    \(index + 1). \(name)")
                lines += questionLine(shape.layout, column: index)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// The question as asked, under its column, when the export's header gives one apart from
    /// the name (Qualtrics' second header row, SurveyMonkey's question row): the text to copy into
    /// the field's `label:`.
    private static func questionLine(_ layout: HeaderLayout, column: Int) -> [String] {
        guard column < layout.questionTexts.count, let question = layout.questionTexts[column], !question.isEmpty,
            question != layout.columnNames[column]
        else { return [] }
        return ["         question: " + question.replacingOccurrences(of: "\n", with: " ")]
    }

    /// One JSON object on one line, keys sorted.
    static func json(_ inspection: InputInspection) -> String {
        let shape = inspection.shape
        let object = InspectionJSON(
            file: inspection.file, encoding: shape.encoding.rawValue, byteOrderMark: shape.hadByteOrderMark,
            delimiter: String(UnicodeScalar(shape.delimiter)), lineEndings: shape.lineEndings.summary,
            format: shape.layout.format.rawValue, headerRows: shape.layout.headerRows,
            columns: shape.layout.columnNames, records: inspection.records, rejected: inspection.rejected,
            rejectedByReason: Dictionary(
                uniqueKeysWithValues: inspection.rejectedByReason.map { ($0.key.rawValue, $0.value) }),
            blankLines: shape.blankLines, bytes: shape.bytes, sha256: shape.sha256,
            // Per column, the question text the header gives (null where none); left out for
            // exports whose header is only names.
            questions: shape.layout.questionTexts.contains { $0 != nil } ? shape.layout.questionTexts : nil,
            // Left out when there are none, so the usual object is unchanged.
            duplicateColumns: shape.layout.duplicateColumnNames.isEmpty
                ? nil
                : shape.layout.duplicateColumnNames.map { .init(name: $0.name, columns: $0.columns.map { $0 + 1 }) },
            // Left out (not empty) after `--count-only`: no profile was made.
            columnProfiles: inspection.columns.isEmpty
                ? nil
                : inspection.columns.map {
                    .init(
                        name: $0.name, distinct: $0.distinct, distinctCapped: $0.distinctCapped,
                        top: $0.top.map { .init(value: $0.value, count: $0.count) })
                })
        return withCamelCaseAliases(object)
    }

    /// The object with snake_case keys, as the reports have them, and, for one release, its
    /// former camelCase keys beside them (`lineEndings` beside `line_endings`, with the nested
    /// objects spelt as before), so scripts reading the old keys keep working until the next
    /// version drops them (see `CandorVersion`).
    private static func withCamelCaseAliases(_ object: some Encodable) -> String {
        // Encoding plain strings and integers cannot fail.
        func members(_ strategy: JSONEncoder.KeyEncodingStrategy) -> [String: Any] {
            let encoder = JSONEncoder()
            encoder.keyEncodingStrategy = strategy
            let data = (try? encoder.encode(object)) ?? Data()
            return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any] ?? [:]
        }
        let merged = members(.convertToSnakeCase).merging(members(.useDefaultKeys)) { snake, _ in snake }
        let data =
            (try? JSONSerialization.data(withJSONObject: merged, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data()
        return String(decoding: data, as: UTF8.self)
    }

    /// Says when Windows-1252 was chosen by guess, so a wrong guess is seen before a run.
    private static func guessNote(_ shape: InputShape) -> String {
        guard case .windows1252(let first) = shape.encodingGuess else { return "" }
        return " (guessed: not utf-8 from offset \(first.offset), no multi-byte utf-8 sequence)"
    }

    private static func quoted(_ value: String) -> String {
        let shown = value.count > 40 ? String(value.prefix(37)) + "..." : value
        return "\"" + shown.replacingOccurrences(of: "\n", with: "\\n") + "\""
    }

    private struct InspectionJSON: Encodable {
        struct Profile: Encodable {
            struct Top: Encodable { var value: String; var count: Int }
            var name: String
            var distinct: Int
            var distinctCapped: Bool
            var top: [Top]
        }
        var file: String
        var encoding: String
        var byteOrderMark: Bool
        var delimiter: String
        var lineEndings: String
        var format: String
        var headerRows: Int
        var columns: [String]
        var records: Int
        var rejected: Int
        var rejectedByReason: [String: Int]
        var blankLines: Int
        var bytes: Int64
        var sha256: String
        var questions: [String?]?
        /// A header name given to more than one column, with its 1-based columns.
        struct Duplicate: Encodable { var name: String; var columns: [Int] }
        var duplicateColumns: [Duplicate]?
        var columnProfiles: [Profile]?
    }
}
