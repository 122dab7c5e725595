import CandorClean

extension MarkdownReport {
    /// Rows read, accepted, rejected by reason and excluded by filter, the invariant that ties
    /// them together, missing answers per field and straight-lining per block.
    static func dataQualitySection(_ document: ReportDocument) -> [String] {
        let accounting = document.accounting
        var lines = ["", "## Data quality", ""]
        var totals = MarkdownTable([("Rows", .left), ("Count", .right)])
        totals.append(["Read", FigureText.count(accounting.read)])
        totals.append(["Accepted", FigureText.count(accounting.accepted)])
        totals.append(["Rejected", FigureText.count(accounting.rejected)])
        totals.append(["Excluded by filters", FigureText.count(accounting.excluded)])
        lines += totals.lines
        lines.append("")
        let equation =
            FigureText.count(accounting.read) + " read " + (accounting.balances ? "=" : "≠") + " "
            + FigureText.count(accounting.accepted) + " accepted + " + FigureText.count(accounting.rejected)
            + " rejected + " + FigureText.count(accounting.excluded) + " excluded"
        lines.append(
            accounting.balances
                ? "Every row is accounted for: " + equation + "."
                : "The counts do not balance: " + equation + ". This is a bug in Candor; please report it.")

        lines += ["", "### Rejected rows by reason", ""]
        if accounting.rejectedByReason.isEmpty {
            lines.append("No rows were rejected.")
        } else {
            var table = MarkdownTable([("Reason", .left), ("Rows", .right)])
            for (reason, count) in accounting.rejectedByReason.sorted(by: { $0.key < $1.key }) {
                table.append([MarkdownEscaping.escape(reason.rawValue), FigureText.count(count)])
            }
            lines += table.lines
        }

        lines += ["", "### Excluded by filter", ""]
        if accounting.excludedByFilter.isEmpty {
            lines.append("No responses were excluded by a filter.")
        } else {
            var table = MarkdownTable([("Filter", .left), ("Responses", .right)])
            for (filter, count) in accounting.excludedByFilter.sortedByKeyBytes() {
                table.append([MarkdownEscaping.escape(filter), FigureText.count(count)])
            }
            lines += table.lines
        }

        lines += encodingFallbacks(document.inputs)
        lines += identicalRows(accounting)
        lines += missingAnswers(accounting) + straightLining(accounting)
        return lines
    }

    /// One line per input read as Windows-1252 by guess: a wrong guess changes every accented
    /// letter, so the reader of the report must be able to see it was made.
    private static func encodingFallbacks(_ inputs: [ReportInput]) -> [String] {
        inputs.compactMap { input in
            input.readAsWindows1252From.map {
                "\n" + MarkdownEscaping.escape(input.path) + " is not UTF-8 (from byte " + FigureText.count(Int($0))
                    + ") and holds no multi-byte UTF-8 sequence, so it was read as Windows-1252, as Excel on Windows"
                    + " writes CSV. If that is wrong, declare the input's `read.encoding`."
            }
        }
    }

    /// Records repeated whole: with no respondent id (Google Forms, MS Forms) a resubmitted or
    /// twice-exported row is otherwise invisible.
    private static func identicalRows(_ accounting: CleanAccounting) -> [String] {
        guard let count = accounting.identicalRows else {
            return [
                "", "### Identical rows", "",
                "Not counted: the dedupe rule's id rejects a record repeated whole as a duplicate id.",
            ]
        }
        let noun = count == 1 ? "record is" : "records are"
        return [
            "", "### Identical rows", "",
            FigureText.count(count) + " " + noun
                + " identical in every field to an earlier record (rejected as duplicate\\_row only under"
                + " dedupe by all\\_fields).",
        ]
    }

    private static func missingAnswers(_ accounting: CleanAccounting) -> [String] {
        let lines = ["", "### Missing answers among accepted responses", ""]
        let fields = Set(accounting.blanks.keys).union(accounting.nonAnswers.keys).union(
            accounting.invalidAsMissing.keys)
        guard !fields.isEmpty else {
            return lines + ["No blank, non-answer or invalid values among accepted responses."]
        }
        var table = MarkdownTable([
            ("Field", .left), ("Blank", .right), ("Non-answer", .right), ("Invalid, kept as missing", .right),
        ])
        for field in fields.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
            table.append([
                MarkdownEscaping.escape(field), FigureText.count(accounting.blanks[field] ?? 0),
                FigureText.count(accounting.nonAnswers[field] ?? 0),
                FigureText.count(accounting.invalidAsMissing[field] ?? 0),
            ])
        }
        return lines + table.lines
    }

    private static func straightLining(_ accounting: CleanAccounting) -> [String] {
        guard !accounting.straightLining.isEmpty else { return [] }
        let lines = ["", "### Straight-lining", ""]
        var table = MarkdownTable([
            ("Block", .left), ("Same answer to every item", .right), ("Answered every item", .right), ("Share", .right),
        ])
        for (block, counts) in accounting.straightLining.sortedByKeyBytes() {
            let share = counts.answeredAll > 0 ? Double(counts.flagged) / Double(counts.answeredAll) : nil
            table.append([
                MarkdownEscaping.escape(block), FigureText.count(counts.flagged), FigureText.count(counts.answeredAll),
                FigureText.percent(share),
            ])
        }
        return lines + table.lines
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
