import CandorAggregate
import Testing

@testable import CandorPipeline

/// `statistics.adjust` chooses how segment tables' p-values are adjusted: Benjamini–Hochberg
/// unless it says `holm` or `none`; anything else is an error naming the choices.
@Suite struct StatisticsDefinitionTests {
    static func yaml(_ statistics: String) -> String {
        """
        version: 1
        name: t
        fields:
          - {name: dept, type: category, column: dept}
        \(statistics)

        """
    }

    @Test(arguments: [
        ("", PValueAdjustment.benjaminiHochberg), ("statistics: {}", .benjaminiHochberg),
        ("statistics: {adjust: benjamini_hochberg}", .benjaminiHochberg), ("statistics: {adjust: holm}", .holm),
        ("statistics: {adjust: none}", PValueAdjustment.none),
    ])
    func adjustChoosesTheMethod(_ example: (String, PValueAdjustment)) throws {
        let folder = ScratchFolder()
        let path = try DefinitionFiles.write(Self.yaml(example.0), in: folder)
        #expect(try DefinitionLoader.load(path: path).plan.adjustment == example.1)
    }

    @Test func anUnknownMethodIsRefused() throws {
        let (path, message) = try DefinitionFiles.error(Self.yaml("statistics: {adjust: bonferroni}"))
        // "statistics: {adjust: bonferroni}" is line 5; the value starts in column 22.
        #expect(
            message == "\(path):5:22: statistics.adjust must be one of benjamini_hochberg, holm, none, not 'bonferroni'"
        )
    }

    @Test func anUnknownKeyIsRefused() throws {
        let (_, message) = try DefinitionFiles.error(Self.yaml("statistics: {alpha: 0.01}"))
        #expect(message.contains("alpha"))
    }
}
