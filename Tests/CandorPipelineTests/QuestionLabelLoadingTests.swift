import CandorPipeline
import Testing

/// `label:` on fields and blocks (issue 19, question text).
@Suite("Question labels in definitions")
struct QuestionLabelLoadingTests {
    static func definition(blocks: String) -> String {
        """
        version: 1
        name: t
        inputs: [in.csv]
        fields:
          - {name: id, type: id, column: id}
          - {name: q1, type: likert, column: q1, scale: {labels: [No, Maybe, Yes]}, label: "Do you feel heard?"}
          - {name: q2, type: likert, column: q2, scale: {labels: [No, Maybe, Yes]}}
        blocks:
        \(blocks)
        metrics:
          - {id: voice, kind: likert, block: voice}

        """
    }

    @Test func fieldsAndBlocksTakeALabel() throws {
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(
            Self.definition(blocks: "  voice: {label: \"Voice\", fields: [q1, q2]}"), in: folder)
        let schema = try DefinitionLoader.load(path: path).schema
        #expect(schema.fields.map(\.label) == [nil, "Do you feel heard?", nil])
        #expect(schema.blocks.map(\.label) == ["Voice"])
        #expect(schema.blocks.map(\.fields) == [[1, 2]])
    }

    @Test func aBlockMayStillBeAPlainList() throws {
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(Self.definition(blocks: "  voice: [q1, q2]"), in: folder)
        let schema = try DefinitionLoader.load(path: path).schema
        #expect(schema.blocks.map(\.label) == [nil])
    }

    @Test func aBlockMappingNeedsFields() throws {
        let (path, message) = try DefinitionFiles.error(Self.definition(blocks: "  voice: {label: Voice}"))
        // Line 9 is "  voice: {label: Voice}"; the mapping starts in column 10.
        #expect(message == "\(path):9:10: block 'voice' needs 'fields'")
    }
}
