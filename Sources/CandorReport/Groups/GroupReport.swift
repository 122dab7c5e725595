import CandorAggregate

/// One group's own report (`output.per_group`): the group's figures against everyone's, cut
/// from the full document so the privacy already applied there is the privacy here.
package struct GroupReport: Sendable {
    /// The group's label as the data has it.
    package var group: String
    /// The folder the group's files go in, safe on any file system (see `GroupDirectoryNames`).
    package var directoryName: String
    /// The group's document, rendered by the same renderers as the full report.
    package var document: ReportDocument

    /// The label of the comparison row holding everyone's figure.
    package static let everyoneLabel = "Everyone"

    /// One report per group of `field` that reaches the anonymity threshold, in the segment
    /// table's order.
    ///
    /// A group reaches the threshold when, in some metric's table by `field` alone, its base is
    /// at least `minGroupSize`. Each metric broken down by `field` contributes its row for the
    /// group, exactly as the full report shows it (a figure hidden there is hidden here), beside
    /// the overall figure. Nothing finer is included: no pairs, no other segments, no item detail
    /// and no free text, so a group's report never shows a smaller group inside it. Metrics not
    /// broken down by `field` are left out, since the group's figure is not known.
    package static func reports(_ document: ReportDocument, field: String) -> [GroupReport] {
        let threshold = document.methods.minGroupSize
        var order: [String] = []
        var reaches: Set<String> = []
        for metric in document.metrics {
            for row in table(of: metric, field: field)?.rows ?? [] {
                guard let label = row.labels.first else { continue }
                if !order.contains(label) { order.append(label) }
                if row.figure.n >= threshold { reaches.insert(label) }
            }
        }
        var names = GroupDirectoryNames()
        return order.filter(reaches.contains).map { group in
            GroupReport(
                group: group, directoryName: names.claim(group),
                document: groupDocument(document, field: field, group: group))
        }
    }

    /// The metric's table by `field` alone, if it has one.
    static func table(of metric: MetricResult, field: String) -> SegmentTable? {
        metric.segments.first { $0.fields == [field] }
    }

    static func groupDocument(_ document: ReportDocument, field: String, group: String) -> ReportDocument {
        var groupDocument = document
        groupDocument.pipeline.title = document.pipeline.title + " — " + field + ": " + group
        groupDocument.metrics = document.metrics.compactMap { metric in
            guard let table = table(of: metric, field: field),
                let row = table.rows.first(where: { $0.labels == [group] })
            else { return nil }
            let everyone = SegmentRow(labels: [everyoneLabel], figure: metric.overall)
            return MetricResult(
                id: metric.id, label: metric.label, kind: metric.kind, overall: row.figure,
                detail: .summary(definition: metric.definitionText),
                segments: [SegmentTable(name: field, fields: [field], rows: [row, everyone], test: table.test)])
        }
        let kept = Set(groupDocument.metrics.map(\.id))
        groupDocument.headlines = document.headlines.filter { headline in
            if case .metric(let id, _) = headline { return kept.contains(id) }
            return true
        }
        // Quotes could name or identify someone in a small team; a group's report never quotes.
        groupDocument.freeText = []
        return groupDocument
    }
}
