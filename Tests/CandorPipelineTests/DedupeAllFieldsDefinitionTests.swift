import Testing

@testable import CandorPipeline

/// `dedupe: {by: all_fields}`: identical rows are rejected; it keeps the first copy only.
struct DedupeAllFieldsDefinitionTests {
    static let base = """
        version: 1
        name: t
        fields:
          - {name: submitted, type: text, column: Timestamp}
          - {name: score, type: integer, column: Score, min: 0, max: 10}

        """

    @Test func allFieldsTurnsOnTheRowRuleAndNoIdRule() throws {
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(Self.base + "dedupe: {by: all_fields}\n", in: folder)
        let definition = try DefinitionLoader.load(path: path)
        #expect(definition.schema.rejectsIdenticalRows)
        #expect(definition.schema.dedupe == nil)
        let plain = try DefinitionLoader.load(path: try DefinitionFiles.write(Self.base, name: "plain.yml", in: folder))
        #expect(!plain.schema.rejectsIdenticalRows)
    }

    @Test func keepLatestIsRefused() throws {
        let (path, message) = try DefinitionFiles.error(
            Self.base + "dedupe: {by: all_fields, keep: latest, order_by: submitted}\n")
        #expect(
            message
                == "\(path):6:32: dedupe by: all_fields keeps the first of identical rows; it takes no 'keep: latest' or 'order_by'"
        )
    }
}
