import CandorAggregate
import CandorCharts
import CandorClean

extension HTMLReport {
    /// Data quality, inputs and checksums, methods: what an auditor checks, after the results.
    static func appendix(_ document: ReportDocument) -> [Markup] {
        [dataQuality(document), inputs(document), methods(document)]
    }

    private static func dataQuality(_ document: ReportDocument) -> Markup {
        let accounting = document.accounting
        var totals = HTMLTable(caption: "Rows", ["Rows", "Count"])
        totals.append(["Read", FigureText.count(accounting.read)])
        totals.append(["Accepted", FigureText.count(accounting.accepted)])
        totals.append(["Rejected", FigureText.count(accounting.rejected)])
        totals.append(["Excluded by filters", FigureText.count(accounting.excluded)])
        let equation =
            FigureText.count(accounting.read) + " read " + (accounting.balances ? "=" : "≠") + " "
            + FigureText.count(accounting.accepted) + " accepted + " + FigureText.count(accounting.rejected)
            + " rejected + " + FigureText.count(accounting.excluded) + " excluded"
        var content: [Markup] = [
            totals.markup,
            paragraph(
                accounting.balances
                    ? "Every row is accounted for: " + equation + "."
                    : "The counts do not balance: " + equation + ". This is a bug in Candor; please report it."),
        ]
        if accounting.rejectedByReason.isEmpty {
            content.append(paragraph("No rows were rejected."))
        } else {
            var table = HTMLTable(caption: "Rejected rows by reason", ["Reason", "Rows"])
            for (reason, count) in accounting.rejectedByReason.sorted(by: { $0.key < $1.key }) {
                table.append([reason.rawValue, FigureText.count(count)])
            }
            content.append(table.markup)
        }
        if accounting.excludedByFilter.isEmpty {
            content.append(paragraph("No responses were excluded by a filter."))
        } else {
            var table = HTMLTable(caption: "Excluded by filter", ["Filter", "Responses"])
            for (filter, count) in accounting.excludedByFilter.sortedByKeyBytes() {
                table.append([filter, FigureText.count(count)])
            }
            content.append(table.markup)
        }
        for input in document.inputs {
            guard let offset = input.readAsWindows1252From else { continue }
            content.append(
                paragraph(
                    input.path + " is not UTF-8 (from byte " + FigureText.count(Int(offset))
                        + ") and holds no multi-byte UTF-8 sequence, so it was read as Windows-1252, as Excel on"
                        + " Windows writes CSV. If that is wrong, declare the input's read.encoding."))
        }
        let fields = Set(accounting.blanks.keys).union(accounting.nonAnswers.keys).union(
            accounting.invalidAsMissing.keys)
        if !fields.isEmpty {
            var table = HTMLTable(
                caption: "Missing answers among accepted responses",
                ["Field", "Blank", "Non-answer", "Invalid, kept as missing"])
            for field in fields.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                table.append([
                    field, FigureText.count(accounting.blanks[field] ?? 0),
                    FigureText.count(accounting.nonAnswers[field] ?? 0),
                    FigureText.count(accounting.invalidAsMissing[field] ?? 0),
                ])
            }
            content.append(table.markup)
        }
        if !accounting.straightLining.isEmpty {
            var table = HTMLTable(
                caption: "Straight-lining", ["Block", "Same answer to every item", "Answered every item", "Share"])
            for (block, counts) in accounting.straightLining.sortedByKeyBytes() {
                let share = counts.answeredAll > 0 ? Double(counts.flagged) / Double(counts.answeredAll) : nil
                table.append([
                    block, FigureText.count(counts.flagged), FigureText.count(counts.answeredAll),
                    FigureText.percent(share),
                ])
            }
            content.append(table.markup)
        }
        return part("data-quality", "Appendix: data quality", appendix: true, content)
    }

    private static func inputs(_ document: ReportDocument) -> Markup {
        var table = HTMLTable(["File", "Bytes", "Records", "SHA-256"], numeric: [1, 2])
        for input in document.inputs {
            table.append([input.path, FigureText.count(input.bytes), FigureText.count(input.records), input.sha256])
        }
        return part(
            "inputs", "Appendix: inputs and checksums", appendix: true,
            [
                paragraph(
                    "Pipeline " + document.pipeline.name + ", definition SHA-256 " + document.pipeline.definitionSHA256
                        + "."),
                table.markup,
            ])
    }

    private static func methods(_ document: ReportDocument) -> Markup {
        let methods = document.methods
        var items = [
            "Intervals: " + methods.intervalMethod + "."
        ]
        items += methods.intervalMethods.map { "Interval " + $0.explanation + "." }
        items += [
            "Anonymity threshold: " + FigureText.count(methods.minGroupSize)
                + " respondents; smaller groups, and groups that would reveal them by subtraction, are suppressed."
        ]
        if let warning = MarkdownReport.smallGroupWarning(methods) { items.append(warning) }
        items.append(
            "Reliability: figures whose 95% interval is wider than "
                + FigureText.decimal(methods.maxIntervalWidth, places: 2)
                + " are marked †.")
        items += methods.favourableRules.map { "Favourable: " + $0 }
        if let buckets = methods.enpsBuckets { items.append("eNPS: " + buckets) }
        items += methods.engagementRules.map { "Engagement: " + $0 }
        items += methods.segmentTests.map { "Segment test: " + $0 }
        if let adjustment = methods.adjustment { items.append("Many comparisons: " + adjustment.explanation + ".") }
        items.append("Weighting: " + (methods.weightingNote ?? "none; every response counts once."))
        items.append("Rounding: " + methods.rounding)
        if let note = document.freeTextNote { items.append("Free text: " + note) }
        var content: [Markup] = [.node("ul", [:], items.map { .node("li", [:], text: $0) })]
        if !document.metrics.isEmpty {
            content.append(.node("h3", [:], text: "Definitions"))
            content.append(
                .node(
                    "ul", [:],
                    document.metrics.map {
                        .node(
                            "li", [:], text: $0.label + " (" + $0.id + ", " + $0.kind.name + "): " + $0.definitionText)
                    }))
        }
        return part("methods", "Appendix: methods", appendix: true, content)
    }
}
