import CandorReport
import Foundation
import Testing

/// Free text is quoted only when the pipeline opted in, and only from the free-text threshold up.
@Suite("Free-text section")
struct FreeTextReportTests {
    static func document(answered: Int) -> ReportDocument {
        var document = ReportFixtures.document()
        document.freeText = [
            FreeTextSection(
                field: "comment", answered: answered,
                quotes: ["Great team\nterrible boss", "He said \"trust me\" <b>and</b> vanished | twice"],
                minGroupSize: 10)
        ]
        return document
    }

    /// The `free_text` array of a rendered JSON report.
    static func freeText(_ json: String) -> [[String: Any]] {
        let tree = (try? JSONSerialization.jsonObject(with: Data(json.utf8))) as? [String: Any]
        return tree?["free_text"] as? [[String: Any]] ?? []
    }

    @Test func quotesAreEscapedOnePerBlockQuote() {
        let markdown = MarkdownReport.render(Self.document(answered: 12))
        #expect(markdown.contains("## Free text"))
        #expect(markdown.contains("12 respondents answered; the first 2 answers in input order:"))
        #expect(markdown.contains("> Great team terrible boss"))
        #expect(markdown.contains("> He said \"trust me\" &lt;b&gt;and&lt;/b&gt; vanished \\| twice"))
    }

    @Test func belowTheThresholdNothingIsQuotedOrCounted() {
        let document = Self.document(answered: 9)
        #expect(document.freeText[0].suppressed)
        #expect(document.freeText[0].quotes.isEmpty)
        let markdown = MarkdownReport.render(document)
        #expect(markdown.contains("Not shown: fewer respondents answered than the free-text threshold."))
        #expect(!markdown.contains("Great team"))
        #expect(!markdown.contains("9 respondents"))
        let sections = Self.freeText(JSONReport.render(document))
        #expect(sections.count == 1)
        #expect(sections.first.map { Set($0.keys) } == ["field", "min_group_size", "suppressed"])
        #expect(sections.first?["suppressed"] as? Bool == true)
    }

    @Test func withoutOptInThereIsNoSection() {
        let document = ReportFixtures.document()
        #expect(!MarkdownReport.render(document).contains("## Free text"))
        #expect(Self.freeText(JSONReport.render(document)).isEmpty)
    }

    @Test(.enabled(if: SchemaValidator.isAvailable, "python3 with the jsonschema module is not available; skipping"))
    func bothFormsValidateAndAForbiddenCountFails() throws {
        #expect(try SchemaValidator.validate(JSONReport.render(Self.document(answered: 12))).status == 0)
        let suppressed = JSONReport.render(Self.document(answered: 3))
        #expect(try SchemaValidator.validate(suppressed).status == 0)
        var tree = try #require(JSONSerialization.jsonObject(with: Data(suppressed.utf8)) as? [String: Any])
        var sections = Self.freeText(suppressed)
        sections[0]["answered"] = 3
        tree["free_text"] = sections
        let leaking = String(decoding: try JSONSerialization.data(withJSONObject: tree), as: UTF8.self)
        #expect(try SchemaValidator.validate(leaking).status != 0)
    }
}
