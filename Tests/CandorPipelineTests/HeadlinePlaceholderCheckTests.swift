import CandorPipeline
import Testing

/// Issue 20, default 4: a misspelt placeholder used to be printed as is, so the headline lost
/// its figure without a word; now the definition does not load.
struct HeadlinePlaceholderCheckTests {
    private static func definition(template: String) -> String {
        """
        version: 1
        name: t
        fields:
          - {name: ok, type: boolean, column: ok}
        metrics:
          - {id: m, kind: share, where: {field: ok, equals: true}}
        headlines:
          - {metric: m, template: "\(template)"}
        """
    }

    @Test func anUnknownPlaceholderIsAConfigurationErrorListingTheAllowedOnes() throws {
        let (path, message) = try DefinitionFiles.error(Self.definition(template: "{shares} of {n} said yes"))
        // The list is the documented one (Docs/PIPELINE.md, headlines), written out by hand.
        #expect(
            message
                == "\(path):8:27: unknown headline placeholder {shares} (placeholders: {share}, {value}, {count}, {n}, {ci}, {label})"
        )
    }

    @Test func severalUnknownPlaceholdersAreNamedOnceEach() throws {
        let (_, message) = try DefinitionFiles.error(Self.definition(template: "{Share} {pct} {Share} {share}"))
        #expect(message.contains("unknown headline placeholders {Share}, {pct} (placeholders: "))
    }

    /// `{mean}` is the `mean` kind's own name for its figure: allowed (and listed) there only.
    @Test func meanIsAPlaceholderOfMeanMetricsOnly() throws {
        let meanMetric = """
            version: 1
            name: t
            fields:
              - {name: score, type: integer, column: score, min: 0, max: 10}
            metrics:
              - {id: m, kind: mean, field: score}
            headlines:
              - {metric: m, template: "{mean} on average; {avg}"}
            """
        let (_, message) = try DefinitionFiles.error(meanMetric)
        #expect(
            message.hasSuffix(
                "unknown headline placeholder {avg} (placeholders: {share}, {value}, {mean}, {count}, {n}, {ci}, {label})"
            ))
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(
            meanMetric.replacingOccurrences(of: "; {avg}", with: ""), in: folder)
        #expect(try DefinitionLoader.load(path: path).headlines.count == 1)
        // On a share metric, {mean} is unknown.
        let (_, shareMessage) = try DefinitionFiles.error(Self.definition(template: "{mean} said yes"))
        #expect(shareMessage.contains("unknown headline placeholder {mean} (placeholders: {share}, {value}, {count},"))
    }

    @Test func bracesThatAreNotAWordStayText() throws {
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(Self.definition(template: "{share} { } {1,2} {a-b} {{n}}"), in: folder)
        let loaded = try DefinitionLoader.load(path: path)
        #expect(loaded.headlines.count == 1)
    }
}
