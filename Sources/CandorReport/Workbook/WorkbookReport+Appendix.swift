import CandorAggregate
import CandorClean

extension WorkbookReport {
    static func headlines(_ document: ReportDocument, name: String) -> Worksheet {
        var rows = [headerRow(["Headline", "Metric"])]
        for headline in document.headlines {
            let text = HeadlineText.render(headline, in: document, style: .plain)
            switch headline {
            case .metric(let metricID, _): rows.append([.text(text), .text(metricID)])
            case .outsideEstimate(_, let source): rows.append([.text(text), .text("outside estimate: " + source)])
            }
        }
        return Worksheet(name: name, rows: rows, columnWidths: [100, 30])
    }

    /// Where every record went and the data-quality counts, one count per row.
    static func dataQuality(_ document: ReportDocument, name: String) -> Worksheet {
        let accounting = document.accounting
        var rows = [headerRow(["Measure", "Detail", "Count"])]
        let add = { (measure: String, detail: String, count: Int) in
            rows.append([.text(measure), .text(detail), .number(Double(count), style: .integer)])
        }
        let addAll = { (measure: String, counts: [String: Int]) in
            for key in counts.keys.sorted() { add(measure, key, counts[key] ?? 0) }
        }
        add("Records read", "", accounting.read)
        add("Accepted", "", accounting.accepted)
        add("Rejected", "", accounting.rejected)
        add("Excluded", "", accounting.excluded)
        addAll(
            "Rejected by reason",
            Dictionary(uniqueKeysWithValues: accounting.rejectedByReason.map { ($0.key.rawValue, $0.value) }))
        addAll("Excluded by filter", accounting.excludedByFilter)
        addAll("Blank answers", accounting.blanks)
        addAll("Non-answers", accounting.nonAnswers)
        addAll("Invalid, counted as missing", accounting.invalidAsMissing)
        addAll("Straight-lining flagged", accounting.straightLining.mapValues(\.flagged))
        addAll("Straight-lining: answered all items", accounting.straightLining.mapValues(\.answeredAll))
        for path in accounting.perInput.keys.sorted() {
            guard let counts = accounting.perInput[path] else { continue }
            add("Read from input", path, counts.read)
            add("Accepted from input", path, counts.accepted)
        }
        return Worksheet(name: name, rows: rows, columnWidths: [34, 40, 12])
    }

    /// The methods, thresholds, inputs and checksums, one statement per row.
    static func methods(_ document: ReportDocument, name: String) -> Worksheet {
        let methods = document.methods
        var rows = [headerRow(["Item", "Value"])]
        let add = { (item: String, value: WorkbookCell) in rows.append([.text(item), value]) }
        add("Pipeline", .text(document.pipeline.name))
        add("Title", .text(document.pipeline.title))
        add("Definition SHA-256", .text(document.pipeline.definitionSHA256))
        for input in document.inputs {
            add("Input", .text(input.path))
            add("Input bytes", .number(Double(input.bytes), style: .integer))
            add("Input SHA-256", .text(input.sha256))
        }
        add("Interval method", .text(methods.intervalMethod))
        add("Anonymity threshold (respondents)", .number(Double(methods.minGroupSize), style: .integer))
        add("Widest reliable interval", .number(methods.maxIntervalWidth, style: .percent))
        for rule in methods.favourableRules { add("Favourable rule", .text(rule)) }
        if let buckets = methods.enpsBuckets { add("eNPS buckets", .text(buckets)) }
        for rule in methods.engagementRules { add("Engagement rule", .text(rule)) }
        for test in methods.segmentTests { add("Segment test", .text(test)) }
        if let weighting = methods.weightingNote { add("Weighting", .text(weighting)) }
        add("Rounding", .text("Numbers are stored unrounded; the cell formats round them for display."))
        if let note = document.freeTextNote { add("Free text", .text(note)) }
        for metric in document.metrics { add("Definition of " + metric.id, .text(metric.definitionText)) }
        return Worksheet(name: name, rows: rows, columnWidths: [34, 100])
    }
}
