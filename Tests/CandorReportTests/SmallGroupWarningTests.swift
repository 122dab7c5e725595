import Testing

@testable import CandorReport

/// The methods state a low anonymity threshold (issue 22, defect 10): below 3 (which a
/// definition only allows with `privacy.allow_small_groups: true`) and 3–4 with a warning.
@Suite struct SmallGroupWarningTests {
    static func methodsLines(minGroupSize: Int) -> [String] {
        var document = ReportFixtures.document()
        document.methods.minGroupSize = minGroupSize
        let markdown = MarkdownReport.render(document)
        let methods = markdown.components(separatedBy: "## Methods\n")[1].components(separatedBy: "\n### ")[0]
        return methods.split(separator: "\n").map(String.init)
    }

    @Test(arguments: [1, 2])
    func groupsBelowThreeAreStated(_ size: Int) {
        let lines = Self.methodsLines(minGroupSize: size)
        let noun = size == 1 ? "respondent" : "respondents"
        let threshold = lines.firstIndex { $0.hasPrefix("- Anonymity threshold: \(size) \(noun);") }
        #expect(threshold != nil)
        #expect(
            threshold.map { lines[$0 + 1] }
                == "- Small groups: the pipeline allows groups of fewer than 3 respondents (privacy.allow_small_groups), so a figure may describe one or two people and reveal their answers."
        )
    }

    @Test(arguments: [3, 4])
    func thresholdsOfThreeAndFourAreWarnedOf(_ size: Int) {
        let lines = Self.methodsLines(minGroupSize: size)
        #expect(
            lines.contains(
                "- Warning: an anonymity threshold of \(size) is below the customary 5; a small group's figures are easier to trace to the people in it."
            ))
    }

    @Test(arguments: [5, 10])
    func fiveAndAboveSayNothingMore(_ size: Int) {
        let lines = Self.methodsLines(minGroupSize: size)
        #expect(!lines.contains { $0.hasPrefix("- Warning:") || $0.hasPrefix("- Small groups:") })
    }
}
