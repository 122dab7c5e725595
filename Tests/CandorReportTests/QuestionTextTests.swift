import CandorAggregate
import Testing

@testable import CandorReport

/// Field labels (the question as asked) and block themes: printed for people, names kept in JSON.
@Suite("Question text")
struct QuestionTextTests {
    static func document() -> ReportDocument {
        var document = ReportFixtures.document()
        document.metrics.append(OtherKindsFixtures.likert())
        document.questionText = ["department": "Which department do you work in?"]
        return document
    }

    @Test("Markdown prints the question where it printed the field name")
    func markdown() {
        let markdown = MarkdownReport.render(Self.document())
        #expect(markdown.contains("#### By Which department do you work in?"))
        #expect(!markdown.contains("#### By department"))
    }

    @Test("JSON keeps the names and lists the labels under questions")
    func json() {
        let json = JSONReport.render(Self.document())
        #expect(json.contains("\"fields\": [\n        \"department\"\n      ]"))
        #expect(json.contains("\"questions\": {\n    \"department\": \"Which department do you work in?\"\n  }"))
        #expect(!json.contains("\"themes\""))
        // Without labels the report is as before: no empty keys.
        #expect(!JSONReport.render(ReportFixtures.document()).contains("\"questions\""))
    }

    @Test("Likert items, block indexes and drivers take their labels")
    func likertItems() throws {
        var document = Self.document()
        let likert = OtherKindsFixtures.likert()
        guard case .likert(let items, let index) = likert.detail, let first = items.first else {
            Issue.record("the fixture has no Likert items")
            return
        }
        document.questionText[first.label] = "I know what is expected of me"
        if let index { document.blockThemes[index.label] = "Clarity" }
        let relabelled = document.withQuestionText()
        let metric = try #require(relabelled.metric(id: likert.id))
        guard case .likert(let newItems, let newIndex) = metric.detail else {
            Issue.record("the detail changed kind")
            return
        }
        #expect(newItems[0].label == "I know what is expected of me")
        #expect(newItems.dropFirst().map(\.label) == items.dropFirst().map(\.label))
        #expect(newIndex?.label == index.map { _ in "Clarity" })
        // The workbook, read by people, shows them too; the tidy CSV keeps the names.
        #expect(TidyCSVReport.render(document).contains("favourable:\(first.label),"))
        #expect(!TidyCSVReport.render(document).contains("I know what is expected"))
    }
}
