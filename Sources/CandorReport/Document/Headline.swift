/// One headline of a report: a figure from this survey, or an outside estimate quoted for
/// context and clearly marked as not computed from this data.
package enum Headline: Sendable, Equatable {
    /// A sentence about one of the document's metrics.
    ///
    /// The template's placeholders are `{share}` and `{value}` (the primary figure in its own
    /// units: "99.5%" for fractions, "+12" for scores; bold in Markdown), `{count}` ("1,194"),
    /// `{n}` ("1,200"), `{ci}` ("98.9–99.8%") and `{label}`, plus the name a kind gives its
    /// figure (`MetricDefinition.valuePlaceholder`, such as `{mean}`). The rest is text.
    /// Renderers always append the base and interval in parentheses, so a template cannot
    /// leave them out; a base that is not every accepted respondent is named in words
    /// (`MetricResult.base`), and a block index's gives its answers and respondents.
    case metric(metricID: String, template: String)
    /// A figure from elsewhere (such as Gallup's 82%), with its source.
    case outsideEstimate(text: String, source: String)

    /// The template used when a pipeline names a headline metric without a sentence.
    package static let defaultTemplate = "{share} — {label}"
}

/// A headline template split into literal text and placeholders.
///
/// Parsing once, then rendering the pieces, keeps escaping simple: literal text is escaped and
/// placeholder values are formatted, and neither can be mistaken for the other.
struct HeadlineTemplate: Sendable, Equatable {
    /// A piece of a template.
    enum Piece: Sendable, Equatable {
        /// Text written by the pipeline's author.
        case text(String)
        /// A known placeholder.
        case placeholder(Placeholder)
        /// The placeholder the metric's kind names its figure by: the figure, like `{value}`.
        case kindValue
    }

    /// The placeholders a template may use.
    enum Placeholder: String, Sendable, CaseIterable {
        case share, value, count, n, ci, label
    }

    /// The pieces, in order.
    let pieces: [Piece]

    /// Parses `template`; braces that do not form a known placeholder stay text.
    ///
    /// - Parameter kindPlaceholder: The placeholder the metric's kind names its figure by, if any.
    init(_ template: String, kindPlaceholder: String? = nil) {
        var pieces: [Piece] = []
        var text = ""
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            text += rest[..<open]
            let afterOpen = rest.index(after: open)
            let close = rest[afterOpen...].firstIndex(of: "}")
            let name = close.map { String(rest[afterOpen..<$0]) }
            let piece = name.flatMap { name in
                Placeholder(rawValue: name).map(Piece.placeholder) ?? (name == kindPlaceholder ? .kindValue : nil)
            }
            if let close, let piece {
                if !text.isEmpty { pieces.append(.text(text)) }
                text = ""
                pieces.append(piece)
                rest = rest[rest.index(after: close)...]
            } else {
                text += "{"
                rest = rest[afterOpen...]
            }
        }
        text += rest
        if !text.isEmpty { pieces.append(.text(text)) }
        self.pieces = pieces
    }
}

extension Headline {
    /// Every placeholder a template may use on a metric whose kind names its figure
    /// `kindPlaceholder` (`MetricDefinition.valuePlaceholder`, such as `mean`), as written
    /// (`{share}`, …) in the order the documentation lists them; error messages quote this list
    /// so it cannot go stale.
    package static func placeholders(kindPlaceholder: String? = nil) -> [String] {
        var names = HeadlineTemplate.Placeholder.allCases.map(\.rawValue)
        if let kindPlaceholder { names.insert(kindPlaceholder, at: 2) }
        return names.map { "{" + $0 + "}" }
    }

    /// The names in `template` written like a placeholder (a word in braces: letters, digits,
    /// `_`) that are not one for a metric whose kind names its figure `kindPlaceholder`, in
    /// order of appearance, each once.
    ///
    /// A misspelt `{shares}` would otherwise be printed as is, and the headline would lose its
    /// figure without a word; other braces (`{ }`, `{1,2}`) are plainly text and stay allowed.
    package static func unknownPlaceholders(in template: String, kindPlaceholder: String? = nil) -> [String] {
        let known = Set(placeholders(kindPlaceholder: kindPlaceholder))
        var unknown: [String] = []
        var rest = Substring(template)
        while let open = rest.firstIndex(of: "{") {
            let afterOpen = rest.index(after: open)
            guard let close = rest[afterOpen...].firstIndex(of: "}") else { break }
            let name = rest[afterOpen..<close]
            let isWord = !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") }
            let written = "{\(name)}"
            if isWord, !known.contains(written), !unknown.contains(written) { unknown.append(written) }
            // A brace inside the braces may open a placeholder of its own: resume right after it.
            rest = isWord ? rest[rest.index(after: close)...] : rest[afterOpen...]
        }
        return unknown
    }
}
