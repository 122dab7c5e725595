import CandorAggregate
import CandorCharts
import CandorClean

extension HTMLReport {
    /// Data quality, inputs and checksums, methods: what an auditor checks, after the results.
    static func appendix(_ document: ReportDocument) -> [Markup] {
        [dataQuality(document), inputs(document), methods(document)]
    }

    /// The data-quality appendix (`DataQualityText`): a part with a table is a table captioned
    /// with its heading; a part without one is its heading and sentences.
    private static func dataQuality(_ document: ReportDocument) -> Markup {
        var content: [Markup] = []
        for part in DataQualityText.parts(document) {
            if !part.columns.isEmpty {
                var table = HTMLTable(caption: part.heading ?? part.columns[0], part.columns)
                for row in part.rows { table.append(row) }
                content.append(table.markup)
            } else if let heading = part.heading {
                content.append(.node("h3", [:], text: heading))
            }
            content += part.sentences.map { paragraph($0) }
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
