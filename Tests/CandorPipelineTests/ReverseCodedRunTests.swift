import CandorPipeline
import Foundation
import Logging
import Testing

/// A reverse-coded item through a whole run (issue 17, item 7): its distribution shows what
/// people answered, under the labels they chose; favourable and the mean use the reversed points;
/// conditions name the answer given.
@Suite("Reverse-coded items through a run")
struct ReverseCodedRunTests {
    /// Per respondent: q1 (as answered) and q2 (reverse-coded), as labels or digits.
    static let answers: [(q1: String, q2: String)] = [
        ("5", "Strongly agree"), ("4", "Strongly agree"), ("4", "Strongly agree"), ("3", "Strongly agree"),
        ("2", "Agree"), ("5", "Agree"), ("4", "Neither agree nor disagree"), ("1", "Disagree"), ("3", "Disagree"),
        ("4", "Strongly disagree"),
    ]

    /// Runs the survey and returns its JSON report and its Markdown.
    static func run() throws -> (json: [String: Any], markdown: String) {
        let scratch = ScratchFolder()
        let folder = scratch.url
        var csv = "id,q1,q2\n"
        for (index, row) in answers.enumerated() { csv += "R\(index),\(row.q1),\(row.q2)\n" }
        try csv.write(to: folder.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let yaml = """
            version: 1
            name: reversed
            inputs: [in.csv]
            output: {directory: out}
            privacy: {min_group_size: 5}
            scales:
              agree5:
                labels: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"]
                favourable: [4, 5]
                unfavourable: [1, 2]
            fields:
              - {name: id, type: id, column: id}
              - {name: q1, type: likert, column: q1, scale: agree5}
              - {name: q2, type: likert, column: q2, scale: agree5, reverse: true}
            blocks:
              pair: [q1, q2]
            metrics:
              - {id: items, kind: likert, block: pair}
              - {id: q2_strongly_agree, kind: share, where: {field: q2, equals: "Strongly agree"}}
              - {id: q2_agree_or_more, kind: share, where: {field: q2, at_least: 4}}
              - {id: q2_below_neutral, kind: share, where: {field: q2, below: "Neither agree nor disagree"}}
            """
        let definitionPath = folder.appendingPathComponent("reversed.yml").path
        try yaml.write(toFile: definitionPath, atomically: true, encoding: .utf8)
        let definition = try DefinitionLoader.load(path: definitionPath)
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition), logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        let data = try Data(contentsOf: folder.appendingPathComponent("out/reversed.json"))
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        let markdown = try String(contentsOf: folder.appendingPathComponent("out/reversed.md"), encoding: .utf8)
        return (json, markdown)
    }

    static func metric(_ id: String, in json: [String: Any]) -> [String: Any]? {
        (json["metrics"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    @Test func theDistributionShowsTheAnswersGivenAndFavourableTheReversedPoints() throws {
        let report = try Self.run().json
        let detail = try #require(Self.metric("items", in: report)?["detail"] as? [String: Any])
        let items = try #require(detail["items"] as? [[String: Any]])
        let q2 = try #require(items.first { $0["label"] as? String == "q2" })
        #expect(q2["reversed"] as? Bool == true)
        #expect(items.first { $0["label"] as? String == "q1" }?["reversed"] as? Bool == false)
        // Answered, by hand: Strongly disagree 1, Disagree 2, Neither 1, Agree 2, Strongly agree 4.
        let distribution = try #require(q2["distribution"] as? [[String: Any]])
        #expect(
            distribution.map { $0["label"] as? String } == [
                "Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree",
            ])
        #expect(distribution.map { $0["count"] as? Double } == [1, 2, 1, 2, 4])
        // Favourable: the answers that score 4–5 reversed (Disagree, Strongly disagree): 3 of 10;
        // unfavourable: Agree, Strongly agree, 6 of 10. Mean of 6 − answer: (4·1 + 2·2 + 3 + 2·4 + 5)/10 = 2.4.
        #expect((q2["favourable"] as? [String: Any])?["value"] as? Double == 0.3)
        #expect((q2["unfavourable"] as? [String: Any])?["value"] as? Double == 0.6)
        #expect(q2["mean"] as? Double == 2.4)
        // The index pools q1 (favourable 6 of 10) and q2 reversed (3 of 10): 9 of 20 answers, at the
        // reversed points [1: 1 + 4, 2: 1 + 2, 3: 2 + 1, 4: 4 + 2, 5: 2 + 1].
        // reverse-coded run index favourable: p 0.45 se 0.08975274678557507 ci (0.27408784878672976, 0.6259121512132703)
        let index = try #require(detail["index"] as? [String: Any])
        #expect((index["distribution"] as? [[String: Any]])?.map { $0["count"] as? Double } == [5, 3, 3, 6, 3])
        let favourable = try #require(index["favourable"] as? [String: Any])
        #expect(favourable["value"] as? Double == 0.45)
        #expect(favourable["answers"] as? Double == 20)
        #expect(favourable["n"] as? Int == 10)
        let interval = try #require(favourable["ci"] as? [String: Any])
        #expect(abs((interval["low"] as? Double ?? 0) - 0.27408784878672976) < 1e-6)
        #expect(abs((interval["high"] as? Double ?? 0) - 0.6259121512132703) < 1e-6)
    }

    @Test func conditionsNameTheAnswerGiven() throws {
        let report = try Self.run().json
        // Strongly agree: 4 of 10; Agree or more: 6; below Neither (Disagree, Strongly disagree): 3.
        #expect(Self.metric("q2_strongly_agree", in: report)?["value"] as? Double == 0.4)
        #expect(Self.metric("q2_agree_or_more", in: report)?["value"] as? Double == 0.6)
        #expect(Self.metric("q2_below_neutral", in: report)?["value"] as? Double == 0.3)
    }

    @Test func theMarkdownMarksTheItemReversed() throws {
        let markdown = try Self.run().markdown
        // Ten respondents: every interval is wider than 30 points, hence the †.
        #expect(
            markdown.contains(
                "| q2 (reversed) | 10 | 10% | 20% | 10% | 20% | 40% | 30.0% † | 10.0% † | 60.0% † | 2.40 |"))
        #expect(markdown.contains("Favourable overall: 45.0% (20 answers from 10 respondents; 95% CI 27.4–62.6%) †."))
        #expect(markdown.contains("Reverse-coded items (q2)"))
    }
}
