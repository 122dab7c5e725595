import Testing
import Yams

@testable import CandorDraft

/// The pieces around the type guesses: the scale catalogue, the timestamp formats, the
/// distinct-count sketch, per-option multiselect columns, field names, YAML quoting, paths.
@Suite struct DraftPartsTests {
    @Test func everyKnownScaleIsOneTheLoaderAccepts() {
        for scale in ScaleCatalogue.scales {
            #expect([4, 5, 7].contains(scale.labels.count), "\(scale.name)")
            #expect(Set(scale.labels.map { $0.lowercased() }).count == scale.labels.count, "\(scale.name)")
            #expect(scale.name.hasSuffix("\(scale.labels.count)"))
        }
        #expect(ScaleCatalogue.scales.count == 15)
    }

    @Test func everyTimestampPatternCompiles() {
        #expect(TimestampCatalogue.candidates.map(\.pattern) == TimestampCatalogue.patterns)
    }

    @Test func theSketchCountsExactlyBelowItsCapacityAndEstimatesAbove() {
        var small = DistinctSketch()
        for value in 0..<500 { small.add(Array("v\(value % 250)".utf8)) }
        #expect(small.estimate == 250)
        var large = DistinctSketch()
        for value in 0..<100_000 { large.add(Array("respondent-\(value)".utf8)) }
        // k = 1024 gives a relative standard error of about 1/√1024 ≈ 3%; 10% is over 3 of them.
        #expect(abs(large.estimate - 100_000) < 10_000, "\(large.estimate)")
    }

    @Test func surveyMonkeyOptionColumnsAreOneMultiselect() {
        let question = "Which of these does your team use?"
        let profiles = [
            profile("Respondent ID", ["1", "2", "3"]),
            profile("\(question) - Slack", ["Slack", "", "Slack"], question: question),
            profile("\(question) - Email", ["", "Email", "Email"], question: question),
            profile("\(question) - None", ["", "", ""], question: question),
            profile("Department", ["Sales", "Sales", "Support"], question: "Department"),
        ]
        let labels: [String?] = [nil, "Slack", "Email", "None", nil]
        #expect(MultiselectDetector.perOptionRuns(profiles, optionLabels: labels) == [1..<4])
        // A column answered with something other than its label is not an option column.
        var other = profiles
        other[2] = profile("\(question) - Email", ["", "Yes", "Email"], question: question)
        #expect(MultiselectDetector.perOptionRuns(other, optionLabels: labels) == [])
    }

    @Test func fieldNamesAreShortUniqueSnakeCase() {
        #expect(FieldNaming.words("ResponseId") == ["response", "id"])
        #expect(FieldNaming.words("Längengrad des Standorts") == ["langengrad", "des", "standorts"])
        #expect(FieldNaming.baseName(header: "Q9_1") == "q9_1")
        #expect(FieldNaming.baseName(header: "What is your role?") == "role")
        #expect(FieldNaming.baseName(header: "How much do you agree? [I trust my manager]") == "trust_manager")
        #expect(FieldNaming.baseName(header: "Manager ID (from your invitation email)") == "manager_id")
        #expect(FieldNaming.baseName(header: "2nd choice") == "q_2nd_choice")
        #expect(FieldNaming.baseName(header: "???") == "column")
        #expect(FieldNaming.uniqueNames(["Q1", "q1", "Q1"]) == ["q1", "q1_2", "q1_3"])
        #expect(FieldNaming.isIDLike("Respondent ID") && FieldNaming.isIDLike("_recordId"))
        #expect(!FieldNaming.isIDLike("Manager ID (from your invitation email)"))
    }

    @Test(arguments: [
        "Credit taker, blame shifter", "yes", "null", "key: value", "# not a comment", " leading space",
        "quote \" and backslash \\", "line\nbreak\ttab", "ünïcödé – ✓", "\u{1}control", "[not, a, list]", "",
    ])
    func quotedScalarsReadBackAsWritten(_ text: String) throws {
        let yaml = "value: \(YAMLScalar.quoted(text))\nlist: \(YAMLScalar.list([text, text]))\n"
        let node = try #require(try Yams.compose(yaml: yaml))
        #expect(node["value"]?.string == text)
        #expect(node["list"]?.sequence?.map(\.string) == [text, text])
    }

    @Test func namesArePlainOnlyWhenYAMLReadsThemAsText() {
        #expect(YAMLScalar.name("department") == "department")
        #expect(YAMLScalar.name("yes") == "\"yes\"")
        #expect(YAMLScalar.name("Q1") == "\"Q1\"")
        #expect(YAMLScalar.name("q-1") == "\"q-1\"")
    }

    @Test func inputsAreRelativeToTheDefinitionsFolder() {
        let current = "/home/ana/candor"
        #expect(DraftPaths.relative("SampleData/x.csv", from: "Pipelines", current: current) == "../SampleData/x.csv")
        #expect(DraftPaths.relative("exports/x.csv", from: ".", current: current) == "exports/x.csv")
        #expect(DraftPaths.relative("/data/x.csv", from: "Pipelines", current: current) == "/data/x.csv")
        #expect(DraftPaths.pipelineName(for: "exports/Client Survey 2026.csv") == "client-survey-2026")
    }
}

/// A column's profile stays the same size however many rows and distinct answers it sees.
@Suite struct ColumnProfileBoundsTests {
    @Test func aProfileKeepsAtMostItsCapsOfValuesPartsAndPairs() {
        // 20,000 distinct answers, each splitting into two new parts at every separator.
        let answers = (0..<20_000).map { "a\($0);b\($0),c\($0)|d\($0)" }
        let column = profile("free", answers)
        #expect(column.values.count == ColumnProfile.distinctLimit)
        #expect(column.counts.count == ColumnProfile.distinctLimit)
        #expect(column.untracked == 20_000 - ColumnProfile.distinctLimit)
        for evidence in column.separators {
            #expect(evidence.parts.count <= SeparatorEvidence.partLimit)
            #expect(evidence.partCounts.count <= SeparatorEvidence.partLimit)
            #expect(evidence.pairCounts.count <= SeparatorEvidence.pairLimit)
            #expect(evidence.overflowed)
        }
        #expect(column.records == 20_000)
        #expect(TypeInference.infer(column).kind == .text)
    }
}
