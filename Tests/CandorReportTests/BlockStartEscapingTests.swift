import Foundation
import Testing

@testable import CandorReport

/// Text that starts a line in the report (a quoted answer, a list item's label) cannot open a
/// Markdown block: no list, rule, heading, quote or code block (issue 22, defect 11).
@Suite struct BlockStartEscapingTests {
    /// The escapes worked out by hand from CommonMark's block rules.
    @Test(
        arguments: [
            ("1. first", "1\\. first"),
            ("12) twelfth", "12\\) twelfth"),
            ("1234567890. too long for a list marker", "1234567890. too long for a list marker"),
            ("2026 was fine", "2026 was fine"),
            ("- dash", "\\- dash"),
            ("---", "\\---"),
            ("+ plus", "\\+ plus"),
            ("=====", "\\====="),
            ("    four spaces", "&#32;   four spaces"),
            ("\tindented", "&#9;indented"),
            ("* star", "\\* star"),
            ("# hash", "\\# hash"),
            ("> quote", "&gt; quote"),
            ("a - b", "a - b"),
        ] as [(String, String)])
    func aLineStartIsEscaped(_ raw: String, _ expected: String) {
        #expect(MarkdownEscaping.escapeLineStart(raw) == expected)
    }

    /// Inside a line (a table cell, a sentence) the same text is left alone.
    @Test func textInsideALineIsNotEscapedForALineStart() {
        #expect(MarkdownEscaping.escape("1. first") == "1. first")
        #expect(MarkdownEscaping.escape("- dash") == "- dash")
    }

    /// Each quote below would, unescaped, render as a list, a rule, a heading or a code block
    /// inside its block quote; escaped, every one is a paragraph holding exactly its text.
    @Test(
        .enabled(if: ExternalTool.exists(ExternalTool.cmarkGFM), "cmark-gfm is not installed at /usr/bin/cmark-gfm"))
    func quotesRenderAsTheirOwnText() throws {
        let quotes = ["1. first", "- dash", "---", "+ plus", "* star", "# hash", "    code", "3) third", "==="]
        var document = ReportFixtures.document()
        document.freeText = [FreeTextSection(field: "comment", answered: 12, quotes: quotes, minGroupSize: 10)]
        let html = try MarkdownRenderingTests.html(document)
        let section = try #require(html.components(separatedBy: "<h2>Free text</h2>").last)
        let free = section.components(separatedBy: "<h2>")[0]
        for tag in ["<ol", "<ul", "<li", "<hr", "<h1", "<h4", "<pre", "<code"] {
            #expect(!free.contains(tag), "\(tag) in \(free)")
        }
        // Each comes back as its own text: the escapes and `&#32;` render as the characters.
        for quote in quotes {
            #expect(free.contains("<blockquote>\n<p>\(quote)</p>\n</blockquote>"), "\(quote) in \(free)")
        }
    }
}
