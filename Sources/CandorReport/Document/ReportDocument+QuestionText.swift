import CandorAggregate

extension ReportDocument {
    /// The question text of `name` (a field's label, a block's theme, or a pair's labels joined by
    /// ` × `), or `name` itself when it has none.
    package func displayName(_ name: String) -> String {
        questionText[name] ?? blockThemes[name] ?? name
    }

    /// This document with each field and block name a reader sees replaced by its question text
    /// or theme: Likert items and indexes, segment tables and their columns, driver items and
    /// free-text sections. The JSON report keeps the names (and lists the labels beside them); the
    /// reports for people render this.
    package func withQuestionText() -> ReportDocument {
        guard !questionText.isEmpty || !blockThemes.isEmpty else { return self }
        var document = self
        document.metrics = metrics.map { metric in
            var metric = metric
            metric.detail = relabelled(metric.detail)
            metric.segments = metric.segments.map { table in
                var table = table
                table.fields = table.fields.map(displayName)
                table.name = table.fields.joined(separator: " × ")
                return table
            }
            return metric
        }
        document.freeText = freeText.map { section in
            var section = section
            section.field = displayName(section.field)
            return section
        }
        return document
    }

    private func relabelled(_ detail: MetricDetail) -> MetricDetail {
        switch detail {
        case .likert(let items, let index):
            let relabel = { (item: LikertFigure) -> LikertFigure in
                var item = item
                item.label = self.displayName(item.label)
                return item
            }
            return .likert(items: items.map(relabel), index: index.map(relabel))
        case .drivers(let outcome, let items, let isBinaryOutcome):
            let relabelled = items.map { item in
                var item = item
                item.item = displayName(item.item)
                return item
            }
            return .drivers(outcome: displayName(outcome), items: relabelled, isBinaryOutcome: isBinaryOutcome)
        default:
            return detail
        }
    }
}
