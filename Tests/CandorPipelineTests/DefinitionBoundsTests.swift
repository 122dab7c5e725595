import Foundation
import Testing

@testable import CandorPipeline

/// Definitions that are valid YAML but unsafe or meaningless to run (issue 22, defects 4, 5
/// and 10): alias bombs, names that leave the output folder, settings out of range.
@Suite struct DefinitionBoundsTests {
    /// A minimal valid definition; each test appends one line at line 5.
    static let base = "version: 1\nname: t\nfields:\n  - {name: r, type: id, column: r}\n"

    /// Five levels of ten aliases each ("billion laughs"): level k expands to 1 + 10 × level
    /// k−1 nodes, so 11, 111, 1,111, 11,111 and 111,111 nodes, over the bound at the last level
    /// although the file is under 400 bytes.
    @Test func nestedAliasesOverTheBoundAreRefused() throws {
        var yaml = Self.base + "segments:\n  - &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...4 {
            let previous = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "  - &l\(level) [\(previous)]\n"
        }
        let (path, message) = try DefinitionFiles.error(yaml)
        #expect(
            message
                == "\(path): the definition expands to more than 100000 YAML nodes (aliases count once per use); a pipeline definition needs far fewer, so remove the nested aliases"
        )
    }

    /// An alias as a mapping key: Yams hashes keys to find duplicates, and hashing an alias of
    /// the tree above walks all of it, inside `compose`, before the node count can stop it.
    @Test(arguments: ["blocks: {? *l4 : x}", "blocks: {*l4 : x}", "blocks:\n  *l4: x"])
    func anAliasUsedAsAKeyIsRefusedBeforeComposing(_ keyLine: String) throws {
        var yaml = Self.base + "segments:\n  - &l0 [x, x, x, x, x, x, x, x, x, x]\n"
        for level in 1...4 {
            let previous = Array(repeating: "*l\(level - 1)", count: 10).joined(separator: ", ")
            yaml += "  - &l\(level) [\(previous)]\n"
        }
        let (path, message) = try DefinitionFiles.error(yaml + keyLine + "\n")
        // Lines 1-4 the base, 5 "segments:", 6-10 the levels: the key is on line 11 or 12.
        let line = keyLine.contains("\n") ? 12 : 11
        #expect(
            message
                == "\(path):\(line): the alias *l4 is used as a mapping key; write the key out (a definition's keys are plain words, and comparing an aliased key can take as long as expanding it)"
        )
    }

    /// Stars in quoted text and comments, and aliases as values, are not keys.
    @Test func starsThatAreNotAliasKeysAreLeftAlone() {
        let yaml =
            "title: \"*bold*: really\"  # *not: a key\nheadlines: ['*x: y']\nsegments: [&a x, *a]\nname: a*b\n"
        #expect(AliasKeyScan.firstAliasKey(in: yaml) == nil)
    }

    /// 250 nested one-element lists: deeper than the bound of 200 (and, before the bound, a
    /// condition nested like this recursed once per level in the resolver).
    @Test func nestingDeeperThanTheBoundIsRefused() throws {
        let yaml =
            Self.base + "segments: " + String(repeating: "[", count: 250) + String(repeating: "]", count: 250) + "\n"
        let (path, message) = try DefinitionFiles.error(yaml)
        #expect(
            message
                == "\(path):5: the definition nests deeper than 200 levels; flatten the nested lists or conditions")
    }

    struct NameCase: Sendable, CustomTestStringConvertible {
        var name: String
        var suggestion: String
        var testDescription: String { name }
    }

    /// Suggestions worked out by hand from the rule: each run of other characters becomes one
    /// `-`, then leading dots and dashes and trailing dashes go.
    static let badNames = [
        NameCase(name: "../../victim/owned", suggestion: "victim-owned"),
        NameCase(name: ".hidden", suggestion: "hidden"),
        NameCase(name: "Bad boss 2026", suggestion: "Bad-boss-2026"),
        NameCase(name: "café/été", suggestion: "caf-t"),
        NameCase(name: "/", suggestion: "pipeline"),
    ]

    @Test(arguments: badNames)
    func aNameThatIsNotAPlainFileNameIsRefused(_ bad: NameCase) throws {
        let yaml = Self.base.replacingOccurrences(of: "name: t\n", with: "name: \"\(bad.name)\"\n")
        let (path, message) = try DefinitionFiles.error(yaml)
        // Line 2 is the name; its quoted value starts in column 7.
        #expect(
            message
                == "\(path):2:7: name '\(bad.name)' cannot be used: it names the report files, so it may hold only letters, digits, '.', '_' and '-' and must not start with a dot; did you mean '\(bad.suggestion)'?"
        )
    }

    @Test func aNameOfLettersDigitsDotsUnderscoresAndDashesLoads() throws {
        let folder = ScratchFolder()
        let yaml = Self.base.replacingOccurrences(of: "name: t\n", with: "name: Bad_boss-2026.v2\n")
        let definition = try DefinitionLoader.load(path: try DefinitionFiles.write(yaml, in: folder))
        #expect(definition.name == "Bad_boss-2026.v2")
    }

    struct SettingCase: Sendable, CustomTestStringConvertible {
        var line: String
        var message: String
        var testDescription: String { line }
    }

    /// Columns counted by hand: `output: {` and `privacy: {` are 9 and 10 characters, so the
    /// first key starts in column 10 or 11 and its value after the key, ": ".
    static let badSettings = [
        SettingCase(
            line: "output: {max_reject_share: 1.5}",
            message: "5:28: output.max_reject_share must be a share from 0 to 1 (such as 0.10 for 10%), not '1.5'"),
        SettingCase(
            line: "output: {max_reject_share: -0.01}",
            message: "5:28: output.max_reject_share must be a share from 0 to 1 (such as 0.10 for 10%), not '-0.01'"),
        SettingCase(
            line: "privacy: {max_interval_width: 30}",
            message: "5:31: privacy.max_interval_width must be a share from 0 to 1 (such as 0.10 for 10%), not '30'"),
        SettingCase(
            line: "privacy: {min_group_size: 2}",
            message:
                "5:27: min_group_size 2 would publish figures for groups of two, which can reveal their answers; use 3 or more, or set privacy.allow_small_groups: true to publish them anyway"
        ),
        SettingCase(
            line: "privacy: {min_group_size: 1}",
            message:
                "5:27: min_group_size 1 would publish figures for groups of one respondent, which can reveal their answers; use 3 or more, or set privacy.allow_small_groups: true to publish them anyway"
        ),
        SettingCase(
            line: "privacy: {min_group_size: 0, allow_small_groups: true}",
            message: "5:27: min_group_size must be at least 1, not 0"),
        SettingCase(
            line: "privacy: {text_quote_limit: -1}",
            message: "5:29: privacy.text_quote_limit must be 0 or more, not '-1'"),
        SettingCase(
            line: "privacy: {text_min_group_size: -5}",
            message: "5:32: privacy.text_min_group_size must be 0 or more, not '-5'"),
    ]

    /// "  - {id: e, kind: engagement_index, block: b, engaged_display_n: -1}" is line 9; the
    /// value starts after "  - {" (5), "id: e, " (7), "kind: engagement_index, " (24), "block: b, "
    /// (10) and "engaged_display_n: " (19): column 66.
    @Test func aNegativeMetricThresholdIsAConfigurationError() throws {
        let yaml = """
            version: 1
            name: t
            scales: {agree5: {labels: [a, b, c, d, e]}}
            fields:
              - {name: r, type: id, column: r}
              - {name: q, type: likert, column: q, scale: agree5}
            blocks: {b: [q]}
            metrics:
              - {id: e, kind: engagement_index, block: b, engaged_display_n: -1}

            """
        let (path, message) = try DefinitionFiles.error(yaml)
        #expect(message == "\(path):9:66: metrics[0].engaged_display_n must be 0 or more, not '-1'")
    }

    @Test(arguments: badSettings)
    func aSettingOutOfRangeIsAConfigurationError(_ bad: SettingCase) throws {
        let (path, message) = try DefinitionFiles.error(Self.base + bad.line + "\n")
        #expect(message == "\(path):" + bad.message)
    }

    @Test func smallGroupsNeedTheExplicitSetting() throws {
        let folder = ScratchFolder()
        let yaml = Self.base + "privacy: {min_group_size: 2, allow_small_groups: true}\n"
        let definition = try DefinitionLoader.load(path: try DefinitionFiles.write(yaml, in: folder))
        #expect(definition.plan.privacy.minGroupSize == 2)
    }

    /// The bounds are inclusive: 0 and 1 are valid shares, 3 a valid group size.
    @Test func theEdgesOfEachRangeLoad() throws {
        let folder = ScratchFolder()
        let yaml = Self.base + "output: {max_reject_share: 0}\nprivacy: {min_group_size: 3, max_interval_width: 1}\n"
        let definition = try DefinitionLoader.load(path: try DefinitionFiles.write(yaml, in: folder))
        #expect(definition.maxRejectShare == 0)
        #expect(definition.plan.privacy.minGroupSize == 3)
        #expect(definition.plan.privacy.maxIntervalWidth == 1)
    }
}
