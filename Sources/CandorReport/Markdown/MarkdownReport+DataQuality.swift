extension MarkdownReport {
    /// The data-quality appendix (`DataQualityText`): each part under its `###` heading, its
    /// table, then its sentences as paragraphs.
    static func dataQualitySection(_ document: ReportDocument) -> [String] {
        var lines = ["", "## Data quality"]
        for part in DataQualityText.parts(document) {
            lines += part.heading.map { ["", "### " + MarkdownEscaping.escape($0), ""] } ?? [""]
            var wroteSomething = false
            if !part.columns.isEmpty {
                var table = MarkdownTable(
                    part.columns.enumerated().map { ($1, $0 == 0 ? .left : .right) })
                for row in part.rows { table.append(row.map(MarkdownEscaping.escape)) }
                lines += table.lines
                wroteSomething = true
            }
            for sentence in part.sentences {
                if wroteSomething { lines.append("") }
                lines.append(MarkdownEscaping.escapeLineStart(sentence))
                wroteSomething = true
            }
        }
        return lines
    }

    /// The definition's checksum and each input's path, size, records and checksum, so a reader
    /// can check the report was made from the files they hold.
    static func inputsSection(_ document: ReportDocument) -> [String] {
        var lines = [
            "", "## Inputs and checksums", "",
            "Pipeline " + MarkdownEscaping.escape(document.pipeline.name) + ", definition SHA-256 "
                + MarkdownEscaping.escape(document.pipeline.definitionSHA256) + ".",
        ]
        let inputs = document.inputs
        guard !inputs.isEmpty else { return lines }
        lines.append("")
        var table = MarkdownTable([("File", .left), ("Bytes", .right), ("Records", .right), ("SHA-256", .left)])
        for input in inputs {
            table.append([
                MarkdownEscaping.escape(input.path), FigureText.count(input.bytes), FigureText.count(input.records),
                MarkdownEscaping.escape(input.sha256),
            ])
        }
        return lines + table.lines
    }
}

extension Dictionary where Key == String {
    /// The entries ordered by the keys' UTF-8 bytes: the same order on every machine and the
    /// order JSON's sorted keys use.
    func sortedByKeyBytes() -> [(key: String, value: Value)] {
        sorted { $0.key.utf8.lexicographicallyPrecedes($1.key.utf8) }
    }
}
