/// A node of an HTML or SVG document, rendered with every text and attribute value escaped.
///
/// Reports are built as trees of these rather than as concatenated strings, so there is exactly
/// one place (`Markup.escape`) where a value from the data reaches the output, and a label such
/// as `<script>` or `"onload=` can only ever appear as text. The one exception, a style sheet,
/// takes a `StaticString`: only CSS written in the source can be inlined, never a data value.
package indirect enum Markup: Sendable {
    /// An element with attributes (in order) and children.
    case element(name: String, attributes: [Attribute], children: [Markup])
    /// Text, escaped.
    case text(String)
    /// A `<style>` element holding CSS written in the source (not escaped: CSS needs `>`).
    case styleSheet(StaticString)
    /// Several nodes side by side, with no element of their own.
    case group([Markup])

    /// One attribute of an element.
    package struct Attribute: Sendable, Equatable {
        /// The attribute's name, written in the source.
        package var name: String
        /// The value, escaped when rendered.
        package var value: String
    }

    /// Elements HTML writes with no closing tag.
    private static let voidElements: Set<String> = ["meta", "br", "hr", "img", "link"]

    /// An element named `name` with `attributes` (in the order given) and `children`.
    package static func node(
        _ name: String, _ attributes: KeyValuePairs<String, String> = [:], _ children: [Markup] = []
    ) -> Markup {
        .element(
            name: name, attributes: attributes.map { Attribute(name: $0.key, value: $0.value) }, children: children)
    }

    /// An element holding only `text`.
    package static func node(_ name: String, _ attributes: KeyValuePairs<String, String> = [:], text: String) -> Markup
    {
        node(name, attributes, [.text(text)])
    }

    /// `text` made safe for HTML and SVG text and for a double- or single-quoted attribute.
    ///
    /// Control characters other than tab, line feed and carriage return (a NUL or an escape
    /// byte in a label) are not allowed in HTML text, nor U+FFFE and U+FFFF in XML 1.0 (the
    /// workbook's parts use this too); they become U+FFFD, as a browser would show them.
    package static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&#39;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(character)
            case _
            where character.value < 0x20 || (0x7F...0x9F).contains(character.value)
                || character.value == 0xFFFE || character.value == 0xFFFF:
                escaped += "\u{FFFD}"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// The node as text.
    package var rendered: String {
        var output = ""
        render(into: &output)
        return output
    }

    /// Appends the node's text to `output`.
    package func render(into output: inout String) {
        switch self {
        case .text(let text):
            output += Self.escape(text)
        case .styleSheet(let css):
            output += "<style>" + css.description + "</style>"
        case .group(let nodes):
            for node in nodes { node.render(into: &output) }
        case .element(let name, let attributes, let children):
            output += "<" + name
            for attribute in attributes {
                output += " " + attribute.name + "=\"" + Self.escape(attribute.value) + "\""
            }
            output += ">"
            guard !Self.voidElements.contains(name) else { return }
            // Block elements start on a line of their own, so the file diffs and reads well.
            for child in children { child.render(into: &output) }
            output += "</" + name + ">"
            if Self.lineAfter.contains(name) { output += "\n" }
        }
    }

    /// Elements followed by a line break in the output (whitespace between them is not shown).
    private static let lineAfter: Set<String> = [
        "section", "article", "figure", "table", "tr", "p", "ul", "li", "h1", "h2", "h3", "h4", "head", "svg", "g",
        "header", "footer", "main", "dl", "div",
    ]
}
