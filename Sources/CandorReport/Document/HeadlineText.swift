import CandorAggregate

/// Writes headlines as sentences, as Markdown or as plain text (for the JSON report).
enum HeadlineText {
    /// The two ways a headline is written.
    enum Style {
        /// Escaped Markdown with the figure in bold.
        case markdown
        /// Plain text, nothing escaped or emphasised.
        case plain

        /// Text from the data or the definition, escaped when writing Markdown.
        func text(_ value: String) -> String {
            self == .markdown ? MarkdownEscaping.escape(value) : value
        }
    }

    /// The lead-in that keeps an outside figure from being read as this survey's result.
    static let outsidePrefix = "Outside estimate, not computed from this survey: "

    /// `headline` as a sentence.
    static func render(_ headline: Headline, in document: ReportDocument, style: Style) -> String {
        let text = { (value: String) in style.text(value) }
        switch headline {
        case .outsideEstimate(let estimate, let source):
            return outsidePrefix + text(estimate) + " (Source: " + text(source) + ")"
        case .metric(let metricID, let template):
            guard let metric = document.metric(id: metricID) else {
                return "Headline metric " + text(metricID) + " is not in this report."
            }
            return sentence(
                metric, template: template.isEmpty ? Headline.defaultTemplate : template,
                respondents: document.accounting.accepted, style: style)
        }
    }

    /// Whether the headline's figure is flagged unreliable.
    static func isUnreliable(_ headline: Headline, in document: ReportDocument) -> Bool {
        guard case .metric(let metricID, _) = headline, let metric = document.metric(id: metricID) else { return false }
        return !metric.overall.suppressed && metric.overall.value != nil && metric.overall.unreliable
    }

    /// The sentence; its base is named in words (`MetricResult.base`) when it is not all
    /// `respondents` accepted.
    private static func sentence(_ metric: MetricResult, template: String, respondents: Int, style: Style) -> String {
        let text = { (value: String) in style.text(value) }
        let figure = metric.overall
        let cells = FigureCells(figure: figure, unit: metric.kind.unit)
        if figure.suppressed {
            return text(metric.label) + ": suppressed for privacy, so no figure is shown."
        }
        guard figure.value != nil else {
            return text(metric.label) + ": no answers to report (n = " + FigureText.count(figure.n) + ")."
        }
        var out = ""
        for piece in HeadlineTemplate(template, kindPlaceholder: metric.kind.valuePlaceholder).pieces {
            switch piece {
            case .text(let literal):
                out += text(literal)
            case .placeholder(let placeholder):
                out += value(of: placeholder, metric: metric, cells: cells, style: style)
            case .kindValue:
                out += value(of: .value, metric: metric, cells: cells, style: style)
            }
        }
        let base = figure.n == respondents ? nil : metric.base.map(text)
        out += " (" + cells.basis(base: base)
        if case .varianceShare(let figures) = metric.detail {
            out += "; " + text(VarianceShareText.basis(figures))
        }
        out += ")"
        if figure.unreliable { out += style == .markdown ? " †" : " [unreliable: wide interval]" }
        return out
    }

    private static func value(
        of placeholder: HeadlineTemplate.Placeholder, metric: MetricResult, cells: FigureCells, style: Style
    ) -> String {
        switch placeholder {
        case .share, .value:
            let number = FigureText.value(metric.overall.value, unit: cells.unit)
            return style == .markdown ? "**" + number + "**" : number
        case .count:
            return FigureText.count(metric.overall.count)
        case .n:
            return FigureText.count(metric.overall.n)
        case .ci:
            return cells.interval
        case .label:
            return style.text(metric.label)
        }
    }
}
