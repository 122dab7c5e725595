/// What every chart has: an id unique in the page, a title and a text equivalent.
///
/// The SVG gets `role="img"` and is labelled by its `<title>` and `<desc>`, so a screen reader
/// announces the title and reads the description; the figure's caption shows the title to
/// everyone. The data table the report puts next to each chart is the full text equivalent.
package struct ChartFrame: Sendable {
    /// Unique in the page: the SVG's ids (title, description, patterns) start with it.
    package var id: String
    /// The chart's title.
    package var title: String
    /// The chart in words, for people who cannot see it.
    package var description: String

    /// Creates a frame.
    package init(id: String, title: String, description: String) {
        self.id = id
        self.title = title
        self.description = description
    }

    /// Chart width in SVG units; the CSS scales it to the page.
    package static let width = 720.0
    /// Where bars start: labels take the space to the left.
    package static let labelWidth = 230.0
    /// The height of one row of bars.
    package static let rowHeight = 26.0

    /// A `<figure>` holding an SVG of `height` units with `body`, titled and described; `kind`
    /// (`diverging`, `bars`, `heatmap`, `split`, `trend`) is its second class, for styles and tests.
    package func figure(kind: String, height: Double, defs: [Markup] = [], _ body: [Markup]) -> Markup {
        let svg = Markup.node(
            "svg",
            [
                "viewBox": "0 0 \(Self.number(Self.width)) \(Self.number(height))",
                "role": "img", "aria-labelledby": "\(id)-title \(id)-desc", "class": "chart",
            ],
            [
                .node("title", ["id": "\(id)-title"], text: title),
                .node("desc", ["id": "\(id)-desc"], text: description),
            ] + (defs.isEmpty ? [] : [.node("defs", [:], defs)]) + body)
        return .node("figure", ["class": "chart " + kind], [svg, .node("figcaption", [:], text: title)])
    }

    /// A label shortened to `limit` characters with an ellipsis: SVG text does not wrap, and the
    /// full label is in the table beside the chart.
    package static func shortened(_ label: String, limit: Int = 34) -> String {
        label.count <= limit ? label : String(label.prefix(limit - 1)) + "…"
    }

    /// A coordinate with at most two decimals and no trailing zeros, the same on every machine.
    package static func number(_ value: Double) -> String {
        let hundredths = (value * 100).rounded()
        let whole = Int(hundredths) / 100
        let fraction = abs(Int(hundredths)) % 100
        let sign = hundredths < 0 && whole == 0 ? "-" : ""
        guard fraction != 0 else { return sign + String(whole) }
        let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
        return sign + String(whole) + "." + digits
    }

    /// A text element at (`x`, `y`).
    package static func label(
        _ text: String, x: Double, y: Double, anchor: String = "start", colour: RGB = ChartPalette.ink,
        className: String = "label"
    ) -> Markup {
        .node(
            "text",
            [
                "x": number(x), "y": number(y), "text-anchor": anchor, "fill": colour.hex, "class": className,
                "dominant-baseline": "middle",
            ], text: text)
    }

    /// A rectangle, with a tooltip-free `<title>` child when `tip` is given.
    package static func rect(x: Double, y: Double, width: Double, height: Double, fill: String, tip: String? = nil)
        -> Markup
    {
        .node(
            "rect",
            [
                "x": number(x), "y": number(y), "width": number(max(0, width)), "height": number(height),
                "fill": fill,
            ], tip.map { [.node("title", [:], text: $0)] } ?? [])
    }

    /// A straight line.
    package static func line(x1: Double, y1: Double, x2: Double, y2: Double, colour: RGB, width: Double = 1)
        -> Markup
    {
        .node(
            "line",
            [
                "x1": number(x1), "y1": number(y1), "x2": number(x2), "y2": number(y2), "stroke": colour.hex,
                "stroke-width": number(width),
            ])
    }
}
