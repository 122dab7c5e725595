import CandorClean

/// The data-quality appendix in plain text, format-neutral: the Markdown and the HTML report
/// draw the same parts, so a count or a sentence added here reaches both.
enum DataQualityText {
    /// One part of the appendix: an optional heading, then a table or sentences (or both).
    struct Part: Equatable {
        /// The part's heading; `nil` for the opening totals.
        var heading: String?
        /// The table's column headings (the first column is text, the others counts), or empty.
        var columns: [String] = []
        /// The table's rows of plain-text cells.
        var rows: [[String]] = []
        /// Sentences after the table, each its own paragraph.
        var sentences: [String] = []
    }

    /// Rows read, accepted, rejected by reason and excluded by filter, the invariant that ties
    /// them together, encoding guesses, identical rows, missing answers per field and
    /// straight-lining per block.
    static func parts(_ document: ReportDocument) -> [Part] {
        let accounting = document.accounting
        return [totals(accounting), rejected(accounting), excluded(accounting)] + encodingFallbacks(document.inputs)
            + [identicalRows(accounting), missingAnswers(accounting)] + straightLining(accounting)
    }

    private static func totals(_ accounting: CleanAccounting) -> Part {
        let equation =
            FigureText.count(accounting.read) + " read " + (accounting.balances ? "=" : "≠") + " "
            + FigureText.count(accounting.accepted) + " accepted + " + FigureText.count(accounting.rejected)
            + " rejected + " + FigureText.count(accounting.excluded) + " excluded"
        return Part(
            heading: nil, columns: ["Rows", "Count"],
            rows: [
                ["Read", FigureText.count(accounting.read)], ["Accepted", FigureText.count(accounting.accepted)],
                ["Rejected", FigureText.count(accounting.rejected)],
                ["Excluded by filters", FigureText.count(accounting.excluded)],
            ],
            sentences: [
                accounting.balances
                    ? "Every row is accounted for: " + equation + "."
                    : "The counts do not balance: " + equation + ". This is a bug in Candor; please report it."
            ])
    }

    private static func rejected(_ accounting: CleanAccounting) -> Part {
        guard !accounting.rejectedByReason.isEmpty else {
            return Part(heading: "Rejected rows by reason", sentences: ["No rows were rejected."])
        }
        return Part(
            heading: "Rejected rows by reason", columns: ["Reason", "Rows"],
            rows: accounting.rejectedByReason.sorted { $0.key < $1.key }.map {
                [$0.key.rawValue, FigureText.count($0.value)]
            })
    }

    private static func excluded(_ accounting: CleanAccounting) -> Part {
        guard !accounting.excludedByFilter.isEmpty else {
            return Part(heading: "Excluded by filter", sentences: ["No responses were excluded by a filter."])
        }
        return Part(
            heading: "Excluded by filter", columns: ["Filter", "Responses"],
            rows: accounting.excludedByFilter.sortedByKeyBytes().map { [$0.key, FigureText.count($0.value)] })
    }

    /// One sentence per input read as Windows-1252 by guess: a wrong guess changes every accented
    /// letter, so the reader of the report must be able to see it was made.
    private static func encodingFallbacks(_ inputs: [ReportInput]) -> [Part] {
        inputs.compactMap { input in
            input.readAsWindows1252From.map {
                Part(sentences: [
                    input.path + " is not UTF-8 (from byte " + FigureText.count(Int($0))
                        + ") and holds no multi-byte UTF-8 sequence, so it was read as Windows-1252, as Excel on"
                        + " Windows writes CSV. If that is wrong, declare the input's read.encoding."
                ])
            }
        }
    }

    /// Records repeated whole: with no respondent id (Google Forms, MS Forms) a resubmitted or
    /// twice-exported row is otherwise invisible.
    private static func identicalRows(_ accounting: CleanAccounting) -> Part {
        guard let count = accounting.identicalRows else {
            return Part(
                heading: "Identical rows",
                sentences: ["Not counted: the dedupe rule's id rejects a record repeated whole as a duplicate id."])
        }
        let noun = count == 1 ? "record is" : "records are"
        return Part(
            heading: "Identical rows",
            sentences: [
                FigureText.count(count) + " " + noun
                    + " identical in every field to an earlier record (rejected as duplicate_row only under"
                    + " dedupe by all_fields)."
            ])
    }

    private static func missingAnswers(_ accounting: CleanAccounting) -> Part {
        let heading = "Missing answers among accepted responses"
        let fields = Set(accounting.blanks.keys).union(accounting.nonAnswers.keys).union(
            accounting.invalidAsMissing.keys)
        guard !fields.isEmpty else {
            return Part(
                heading: heading, sentences: ["No blank, non-answer or invalid values among accepted responses."])
        }
        return Part(
            heading: heading, columns: ["Field", "Blank", "Non-answer", "Invalid, kept as missing"],
            rows: fields.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }.map { field in
                [
                    field, FigureText.count(accounting.blanks[field] ?? 0),
                    FigureText.count(accounting.nonAnswers[field] ?? 0),
                    FigureText.count(accounting.invalidAsMissing[field] ?? 0),
                ]
            })
    }

    private static func straightLining(_ accounting: CleanAccounting) -> [Part] {
        guard !accounting.straightLining.isEmpty else { return [] }
        return [
            Part(
                heading: "Straight-lining",
                columns: ["Block", "Same answer to every item", "Answered every item", "Share"],
                rows: accounting.straightLining.sortedByKeyBytes().map { block, counts in
                    let share = counts.answeredAll > 0 ? Double(counts.flagged) / Double(counts.answeredAll) : nil
                    return [
                        block, FigureText.count(counts.flagged), FigureText.count(counts.answeredAll),
                        FigureText.percent(share),
                    ]
                })
        ]
    }
}
