import CandorAggregate
import Testing

@testable import CandorPipeline

/// A `drivers` outcome may be a yes/no field (the correlation is then point-biserial); a
/// category or text field is still refused, with a message that says which types are allowed.
@Suite struct DriversOutcomeDefinitionTests {
    /// Likert q1, q2, a boolean `left`, a category `dept`, a text `comment` (fields 0–4); the
    /// metric's outcome line is line 16.
    static func yaml(outcome: String) -> String {
        """
        version: 1
        name: t
        scales:
          agree5:
            labels: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]
        fields:
          - {name: q1, type: likert, column: q1, scale: agree5}
          - {name: q2, type: likert, column: q2, scale: agree5}
          - {name: left, type: boolean, column: left}
          - {name: dept, type: category, column: dept}
          - {name: comment, type: text, column: comment}
        metrics:
          - id: quit
            kind: drivers
            items: [q1, q2]
            outcome: {field: \(outcome)}

        """
    }

    @Test func aBooleanOutcomeResolvesToItsField() throws {
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(Self.yaml(outcome: "left"), in: folder)
        let definition = try DefinitionLoader.load(path: path)
        let metric = try #require(definition.plan.metrics.first?.kind.definition as? DriversMetric)
        #expect(metric.outcome == .field(2))
        #expect(metric.items == [0, 1])
    }

    @Test(arguments: [("dept", "category"), ("comment", "text")])
    func aCategoryOrTextOutcomeIsRefused(field: String, type: String) throws {
        let (path, message) = try DefinitionFiles.error(Self.yaml(outcome: field))
        // "    outcome: {field: dept}": the field's name starts in column 22 of line 16.
        #expect(
            message
                == "\(path):16:22: a score field must be integer, number, likert or boolean; '\(field)' is a "
                + "\(type) field")
    }

    @Test func aBooleanScoreForAVarianceShareIsStillRefused() throws {
        let yaml = Self.yaml(outcome: "left").replacingOccurrences(of: "kind: drivers", with: "kind: variance_share")
            .replacingOccurrences(of: "items: [q1, q2]", with: "group: dept")
            .replacingOccurrences(of: "outcome: {field: left}", with: "score: {field: left}")
        let (path, message) = try DefinitionFiles.error(yaml)
        #expect(
            message == "\(path):16:20: a score field must be integer, number or likert; 'left' is a boolean field")
    }
}
