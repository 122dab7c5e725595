import CandorAggregate

/// Renders a `ReportDocument` as GitHub-flavoured Markdown.
///
/// The output depends only on the document: numbers are formatted by hand (no locale), keys
/// of dictionaries are written in byte order, and every value from the data or the definition
/// is escaped, so the same document always gives the same bytes and no value can break a
/// table or inject HTML.
package enum MarkdownReport {
    /// The report as Markdown, ending with a newline.
    package static func render(_ original: ReportDocument) -> String {
        // A reader sees the question as asked wherever the definition gives one.
        let document = original.withQuestionText()
        var lines: [String] = []
        lines.append(
            "# "
                + MarkdownEscaping.escape(
                    document.pipeline.title.isEmpty ? document.pipeline.name : document.pipeline.title))
        lines.append("")
        lines.append(
            "Pipeline " + MarkdownEscaping.escape(document.pipeline.name)
                + ". Data quality, inputs, checksums and methods follow the results, as an appendix.")
        if let asOf = document.asOf { lines += ["", MarkdownEscaping.escape(asOf.sentence)] }
        // A reader's order, as the HTML report's: what was found first, how it was checked after.
        lines += headlineSection(document)
        lines += changeSection(document)
        // Response rates tell the reader whom the results speak for: right before them.
        lines += participationSection(document)
        lines += weightingSection(document)
        lines += resultsSection(document)
        lines += freeTextSection(document)
        lines += dataQualitySection(document)
        lines += inputsSection(document)
        lines += methodsSection(document)
        return lines.joined(separator: "\n") + "\n"
    }

    /// The note that explains suppressed cells, written once per report.
    static func suppressionNote(_ methods: ReportMethods) -> String {
        "Suppressed: a group with fewer than " + FigureText.counted(methods.minGroupSize, "respondent")
            + " (the anonymity threshold) gets no figure, and where hiding one group alone would let its"
            + " figure be recovered by subtraction from the total or from other groups, further groups are hidden too"
            + " (complementary suppression). No count or n is shown for a hidden group."
    }

    /// What the methods say about a low anonymity threshold: below 3 (which a definition can
    /// only set with `privacy.allow_small_groups: true`), or 3 or 4, under the customary 5.
    static func smallGroupWarning(_ methods: ReportMethods) -> String? {
        if methods.minGroupSize < 3 {
            return "Small groups: the pipeline allows groups of fewer than 3 respondents (privacy.allow_small_groups),"
                + " so a figure may describe one or two people and reveal their answers."
        }
        guard methods.minGroupSize < 5 else { return nil }
        return "Warning: an anonymity threshold of " + FigureText.count(methods.minGroupSize)
            + " is below the customary 5; a small group's figures are easier to trace to the people in it."
    }

    /// The note that explains the "†" mark.
    static func unreliableNote(_ methods: ReportMethods) -> String {
        "† Unreliable: the 95% interval is wider than " + FigureText.decimal(methods.maxIntervalWidth * 100, places: 1)
            + " percentage points (" + FigureText.decimal(methods.maxIntervalWidth * 100, places: 1)
            + " points for scores); read with caution."
    }

    private static func headlineSection(_ document: ReportDocument) -> [String] {
        guard !document.headlines.isEmpty else { return [] }
        var lines = ["", "## Headlines", ""]
        for headline in document.headlines {
            lines.append(
                "- "
                    + MarkdownEscaping.escapingBlockStart(HeadlineText.render(headline, in: document, style: .markdown))
            )
        }
        if document.headlines.contains(where: { HeadlineText.isUnreliable($0, in: document) }) {
            lines += ["", unreliableNote(document.methods)]
        }
        return lines
    }

    private static func resultsSection(_ document: ReportDocument) -> [String] {
        var lines = ["", "## Results"]
        if let held = document.heldCells {
            lines += ["", MarkdownEscaping.escape(HeldText.summary(held, minGroupSize: document.methods.minGroupSize))]
        }
        let figures = document.metrics.flatMap(\.allFigures)
        if figures.contains(where: { $0.suppressed && $0.suppressionReason != FigureCells.displayRuleReason }) {
            lines += ["", suppressionNote(document.methods)]
        }
        if figures.contains(where: { !$0.suppressed && $0.value != nil && $0.unreliable }) {
            lines += ["", unreliableNote(document.methods)]
        }
        for metric in document.metrics {
            lines += metricSection(metric)
            let change = document.waveChanges.map { ($0, $0.metrics[metric.id]) }
            if let (changes, _) = change {
                lines += ["", "Change: " + overallChangePhrase(metric, changes: changes)]
            }
            for table in metric.segments {
                let rows = change.map { $0.1?.segments[table.name] ?? [:] }
                lines += segmentSection(
                    table, unit: metric.kind.unit, minGroupSize: document.methods.minGroupSize, changes: rows)
            }
        }
        return lines
    }

    private static func methodsSection(_ document: ReportDocument) -> [String] {
        let methods = document.methods
        var lines = ["", "## Methods", ""]
        lines.append("- Intervals: " + MarkdownEscaping.escape(methods.intervalMethod) + ".")
        for method in methods.intervalMethods {
            lines.append("- Interval " + MarkdownEscaping.escape(method.explanation) + ".")
        }
        lines.append(
            "- Anonymity threshold: " + FigureText.counted(methods.minGroupSize, "respondent")
                + "; smaller groups, and groups that would reveal them by subtraction, are suppressed.")
        if let warning = smallGroupWarning(methods) { lines.append("- " + warning) }
        lines.append(
            "- Reliability: figures whose 95% interval is wider than "
                + FigureText.decimal(methods.maxIntervalWidth, places: 2) + " are marked †.")
        for rule in methods.favourableRules { lines.append("- Favourable: " + MarkdownEscaping.escape(rule)) }
        if let buckets = methods.enpsBuckets { lines.append("- eNPS: " + MarkdownEscaping.escape(buckets)) }
        for rule in methods.engagementRules { lines.append("- Engagement: " + MarkdownEscaping.escape(rule)) }
        if let note = methods.likertIndexNote { lines.append("- Likert index: " + MarkdownEscaping.escape(note) + ".") }
        for test in methods.segmentTests { lines.append("- Segment test: " + MarkdownEscaping.escape(test)) }
        if let adjustment = methods.adjustment {
            lines.append("- Many comparisons: " + MarkdownEscaping.escape(adjustment.explanation) + ".")
        }
        lines.append(
            "- Weighting: "
                + (methods.weightingNote.map(MarkdownEscaping.escape) ?? "none; every response counts once."))
        lines.append("- Rounding: " + MarkdownEscaping.escape(methods.rounding))
        if let changes = document.waveChanges {
            lines.append("- Change: " + MarkdownEscaping.escape(WaveChanges.methodNote))
            if let minimum = changes.minimumDifference {
                lines.append(
                    "- Meaningful change: a difference of at least " + FigureText.decimal(minimum, places: 1)
                        + " points (percentage points for shares); smaller ones are marked as under the minimum.")
            }
        }
        if let note = document.freeTextNote { lines.append("- Free text: " + MarkdownEscaping.escape(note)) }
        if document.participation != nil { lines.append("- Response rates: " + ParticipationSection.methodsNote) }
        if !document.metrics.isEmpty {
            lines += ["", "### Definitions", ""]
            for metric in document.metrics {
                lines.append(
                    "- " + MarkdownEscaping.escapeLineStart(metric.label) + " (" + MarkdownEscaping.escape(metric.id)
                        + ", " + MarkdownEscaping.escape(metric.kind.name) + "): "
                        + MarkdownEscaping.escape(metric.definitionText))
            }
        }
        return lines
    }
}

extension MetricResult {
    /// Every figure of the result (overall, detail and segments), for report-wide notes.
    var allFigures: [Figure] {
        var figures = [overall]
        switch detail {
        case .summary, .varianceShare, .drivers:
            break
        case .multiselect(let options, let atLeastOne, _):
            figures += options.map(\.figure) + [atLeastOne]
        case .likert(let items, let index):
            for item in items + (index.map { [$0] } ?? []) {
                figures += [item.favourable, item.neutral, item.unfavourable]
            }
        case .nps(let promoters, let passives, let detractors):
            figures += [promoters, passives, detractors]
        case .engagement(let engaged, let notEngaged, let activelyDisengaged, _, _):
            figures += [engaged, notEngaged, activelyDisengaged]
        }
        return figures + segments.flatMap { $0.rows.map(\.figure) }
    }

    /// What the metric measures, in words, for the methods section.
    var definitionText: String {
        switch detail {
        case .summary(let definition):
            return definition
        case .multiselect:
            return "per option, the share of respondents who answered the question and chose it"
        case .likert:
            return "per item, the distribution of answers, the favourable, neutral and unfavourable shares and the mean"
        case .nps:
            return "Net Promoter Score of a 0–10 question"
        case .engagement(_, _, _, _, let rule):
            return rule
        case .varianceShare(let figures):
            return VarianceShareText.definition(figures)
        case .drivers(let outcome, let items, let isBinaryOutcome):
            return DriversText.definition(outcome: outcome, items: items, isBinaryOutcome: isBinaryOutcome)
        }
    }
}
