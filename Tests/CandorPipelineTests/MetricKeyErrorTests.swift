import Testing

@testable import CandorPipeline

/// Each metric kind takes its own keys: a key of another kind is an error that names the kinds
/// it belongs to, a misspelt key gets the closest key.
@Suite struct MetricKeyErrorTests {
    /// A definition with an eNPS field, for metrics to be appended to (the next line is 19).
    static let base = """
        version: 1
        name: t
        scales:
          agree5:
            labels: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]
        fields:
          - name: respondent
            type: id
            column: respondent_id
          - name: q1
            type: likert
            column: q1
            scale: agree5
          - name: enps
            type: integer
            column: enps
            min: 0
            max: 10

        """

    @Test func engagementKeyOnAnNPSMetricSuggestsTheKind() throws {
        let yaml = Self.base + "metrics:\n  - id: e\n    kind: nps\n    field: enps\n    engaged_at: 4\n"
        let (path, message) = try DefinitionFiles.error(yaml)
        // "    engaged_at: 4" is line 23; the value starts in column 17.
        #expect(
            message
                == "\(path):23:17: 'engaged_at' does not apply to nps metrics ('e'); did you mean kind: "
                + "engagement_index? (nps metrics take: field)")
    }

    @Test func keyOfSeveralKindsNamesThemAll() throws {
        let yaml = Self.base + "metrics:\n  - id: e\n    kind: nps\n    field: enps\n    items: [q1]\n"
        let (path, message) = try DefinitionFiles.error(yaml)
        #expect(
            message
                == "\(path):23:12: 'items' does not apply to nps metrics ('e'); did you mean kind: likert or "
                + "drivers? (nps metrics take: field)")
    }

    @Test func misspeltKeySuggestsTheClosestKey() throws {
        let yaml = Self.base + "metrics:\n  - id: e\n    kind: nps\n    feild: enps\n"
        let (path, message) = try DefinitionFiles.error(yaml)
        #expect(
            message
                == "\(path):22:5: unknown key 'feild' in metrics[0]; did you mean 'field'? (allowed: id, kind, label, "
                + "where, among, field, block, items, engaged_at, disengaged_below, minimum_items, engaged_display_n, "
                + "all_classes_display_n, score, group, outcome)")
    }

    @Test func unknownKindListsTheKinds() throws {
        let yaml = Self.base + "metrics:\n  - id: e\n    kind: nsp\n    field: enps\n"
        let (path, message) = try DefinitionFiles.error(yaml)
        #expect(
            message
                == "\(path):21:11: unknown metric kind 'nsp'; use share, multiselect, likert, nps, engagement_index, "
                + "variance_share, drivers or mean")
    }
}

/// The `mean` kind reads an integer, number or Likert field.
@Suite struct MeanDefinitionTests {
    @Test func meanOfALikertFieldLoads() throws {
        let folder = ScratchFolder()
        let yaml = MetricKeyErrorTests.base + "metrics:\n  - {id: m, kind: mean, field: q1}\n"
        let definition = try DefinitionLoader.load(path: try DefinitionFiles.write(yaml, in: folder))
        #expect(definition.plan.metrics.map(\.kind) == [.mean(field: 1)])
    }

    @Test func meanOfAnIDFieldIsAnError() throws {
        let yaml = MetricKeyErrorTests.base + "metrics:\n  - id: m\n    kind: mean\n    field: respondent\n"
        let (path, message) = try DefinitionFiles.error(yaml)
        #expect(message == "\(path):22:12: a mean metric needs an integer, number or likert field")
    }
}
