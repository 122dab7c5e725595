import Foundation
import Testing

@testable import CandorDraft

/// Each rule of `TypeInference`, on small hand-made columns whose right type is plain from
/// how they were made.
@Suite struct TypeInferenceTests {
    @Test func aColumnWithoutAnswersIsText() {
        #expect(kind("q1", ["", " ", ""]) == .text)
    }

    @Test func anIDNeedsAnIDLikeNameAndADistinctAnswerPerRow() {
        let ids = (1...300).map { "R_\($0)" }
        #expect(kind("respondent_id", ids) == .id)
        #expect(kind("ResponseId", ids) == .id)
        #expect(kind("V1", ids, question: "ResponseID") == .id)
        // Distinct, but not named like an id: a free answer, not a respondent.
        #expect(kind("token", ids) != .id)
        // Named like an id, but 30 values over 300 rows: a manager, a category.
        let managers = cycle((1...30).map { "MGR-\($0)" }, count: 300)
        #expect(kind("manager_id", managers) == .category(values: (1...30).map { "MGR-\($0)" }))
    }

    @Test func aCategoryWithTooManyValuesToListStaysOpen() {
        // 100 managers over 400 rows: more than the 64 tracked, each about 4 times.
        #expect(kind("manager", cycle((1...100).map { "M\($0)" }, count: 400)) == .category(values: []))
    }

    @Test func booleansInTheLoadersStandardSpellings() {
        #expect(kind("manages", ["Yes", "No", "yes", ""]) == .boolean)
        #expect(kind("finished", ["TRUE", "false"]) == .boolean)
        #expect(kind("Finished", ["1", "0", "1"]) == .boolean)
        #expect(kind("answer", ["Yes", "No", "Maybe"]) != .boolean)
    }

    @Test func likertLabelsOfAKnownScaleInAnyCase() {
        let agree = ["strongly AGREE", "agree", "Disagree", "Neither agree nor disagree", "strongly disagree"]
        #expect(kind("q1", agree) == .likert(named("agree5")))
        // Digits count as points: a mix of labels and digits is still the labelled scale.
        #expect(kind("q1", ["Agree", "4", "2", "Strongly agree"]) == .likert(named("agree4")))
        #expect(kind("sat", ["Very satisfied", "Somewhat satisfied", "Dissatisfied"]) == .likert(named("satisfied7")))
        #expect(kind("often", ["Never", "Rarely", "Often", "Always"]) == .likert(named("frequency5")))
        #expect(kind("imp", ["Not at all important", "Very important"]) == .likert(named("importance5")))
        #expect(kind("rec", ["Very likely", "Unlikely"]) == .likert(named("likely4")))
    }

    @Test func aStrayDigitDoesNotMakeALargerScale() {
        // 200 five-point answers and one "7": the 7 is a reject, not a seven-point scale.
        let answers =
            cycle(
                ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"], count: 200)
            + ["7"]
        #expect(kind("q1", answers) == .likert(named("agree5")))
        let evidence = TypeInference.infer(profile("q1", answers)).evidence
        #expect(evidence.contains("1 answer fits no value and will be rejected"))
        // In a small export every answer must fit.
        #expect(kind("q1", ["Agree", "Disagree", "7"]) != .likert(named("agree5")))
    }

    @Test func smallWholeNumbersAreANumericLikertScale() {
        #expect(kind("q1", cycle(["1", "2", "3", "4", "5"], count: 40)) == .likert(points(5)))
        #expect(kind("q1", cycle(["1", "4", "3"], count: 40)) == .likert(points(4)))
        #expect(kind("q1", cycle(["2", "6", "7"], count: 40)) == .likert(points(7)))
        // One distinct value says nothing about a scale.
        #expect(kind("q1", ["3", "3"]) == .integer)
    }

    @Test func zeroToTenIsNPS() {
        #expect(kind("score", cycle((0...10).map(String.init), count: 50)) == .nps)
        // Named like a recommendation: 0–10 even when few values appear.
        #expect(kind("How likely are you to recommend us?", ["0", "5", "8"]) == .nps)
        #expect(kind("eNPS", ["9", "10", "6"]) == .nps)
        // 0–8 without the name: neither NPS nor a 1–7 scale.
        #expect(kind("score", cycle((0...8).map(String.init), count: 50)) == .integer)
    }

    @Test func timestampsInEachExportsFormat() {
        #expect(
            kind("Timestamp", ["3/14/2026 9:05:31", "12/1/2026 17:45:00"]) == .timestamp(pattern: "M/D/YYYY H:mm:ss"))
        #expect(kind("Timestamp", ["2026/03/02 7:37:42 AM GMT"]) == .timestamp(pattern: "YYYY/MM/DD h:mm:ss A Z"))
        #expect(kind("StartDate", ["2026-03-02 07:31:27", "2026-03-02T07:31:27Z"]) == .timestamp(pattern: "iso8601"))
        #expect(kind("Start Date", ["03/14/2026 09:05:31 AM"]) == .timestamp(pattern: "M/D/YYYY h:mm:ss A"))
        #expect(kind("when", ["31/12/2026 10:00", "13/1/2026 9:15"]) == .timestamp(pattern: "D/M/YYYY H:mm"))
        #expect(kind("when", ["14.3.2026 09:05:31"]) == .timestamp(pattern: "D.M.YYYY H:mm:ss"))
        #expect(kind("day", ["2026-03-14", "2026-12-01"]) == .timestamp(pattern: "iso8601"))
    }

    @Test func anAmbiguousDateIsReadMonthFirstAndSaysSo() {
        let guess = TypeInference.infer(profile("when", ["2/1/2026", "3/4/2026"]))
        #expect(guess.kind == .timestamp(pattern: "M/D/YYYY"))
        #expect(guess.evidence.contains("D/M/YYYY reads them too"))
    }

    @Test func wholeAndDecimalNumbers() {
        #expect(kind("Duration (in seconds)", ["375", "1200", "98"]) == .integer)
        #expect(kind("LocationLatitude", ["47.115097045898", "-3.5", "12"]) == .number)
        // Beyond the loader's default integer range: a number.
        #expect(kind("big", ["3000000000", "1"]) == .number)
    }

    @Test func multiselectWithItsSeparatorAndWholeOptions() {
        let answers = cycle(
            [
                "Micromanager;Credit taker, blame shifter", "Bully;Micromanager", "Credit taker, blame shifter",
                "None of these", "Bully",
            ], count: 20)
        #expect(
            kind("bad_boss_types", answers)
                == .multiselect(
                    separator: ";", options: ["Micromanager", "Credit taker, blame shifter", "Bully"],
                    noneOption: "None of these"))
        // Google Forms joins with ", ": the option holding a comma is put back together.
        let google = cycle(
            ["Micromanager, Credit taker, blame shifter", "Bully, Micromanager", "Credit taker, blame shifter, Bully"],
            count: 20)
        #expect(
            kind("types", google)
                == .multiselect(
                    separator: ", ", options: ["Micromanager", "Credit taker, blame shifter", "Bully"], noneOption: nil)
        )
    }

    @Test func labelsWithCommasAreNotAMultiselect() {
        // "Yes, definitely" never shares a cell with another option: one category value.
        let answers = cycle(["Yes, definitely", "No", "Not sure, maybe"], count: 30)
        #expect(kind("stay", answers) == .category(values: ["Yes, definitely", "No", "Not sure, maybe"]))
    }

    @Test func categoriesListTheirValuesOnceIgnoringCase() {
        #expect(
            kind("department", ["Sales", "Support", "sales", " Support "]) == .category(values: ["Sales", "Support"]))
    }

    @Test func freeText() {
        #expect(kind("why", ["It was fine,\nmostly", "ok"]) == .text)
        #expect(
            kind("why", [String(repeating: "long answer ", count: 5), "another long answer about the team"]) == .text)
        #expect(kind("Any comments?", ["ok", "fine"]) == .text)
        #expect(kind("Q10_TEXT", ["ok"]) == .text)
    }

    private func named(_ name: String) -> ScaleCatalogue.Scale {
        ScaleCatalogue.scales.first { $0.name == name }!
    }

    private func points(_ count: Int) -> ScaleCatalogue.Scale {
        ScaleCatalogue.Scale(name: "points\(count)", labels: (1...count).map(String.init))
    }
}

/// Answers that decline to rate become the scale's non-answers, shared by its items.
@Suite struct NonAnswerTests {
    @Test func notApplicableAndDontKnowAreNonAnswers() throws {
        let answers = ["Agree", "N/A", "Neither agree nor disagree", "don't know", "Disagree"]
        guard case .likert(let scale) = kind("q1", answers) else {
            Issue.record("not a likert guess")
            return
        }
        #expect(scale.name == "agree5")
        #expect(scale.nonAnswers == ["N/A", "don't know"])
        #expect(
            TypeInference.infer(profile("q1", answers)).evidence.contains("\"N/A\", \"don't know\" are non-answers"))
    }
}

extension NonAnswerTests {
    /// Only the first item had an `N/A`, and nobody answered it "Neither…" (alone it looks like
    /// `agree4`): both items still share the 5-point scale, its non-answer, and one block.
    @Test func itemsOfOneScaleShareItsNonAnswersAndStayOneBlock() throws {
        let path = NSTemporaryDirectory() + "candor-draft-\(UUID().uuidString).csv"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let rows = ["q1,q2", "Agree,Disagree", "N/A,Neither agree nor disagree", "Strongly agree,Agree"]
        try (rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let draft = DefinitionDraft(name: "t", inputs: [path], profile: try ExportProfile.read([path]))
        #expect(draft.scales.map(\.name) == ["agree5"])
        #expect(draft.scales.map(\.nonAnswers) == [["N/A"]])
        #expect(draft.blocks.map(\.fields) == [["q1", "q2"]])
        let text = DraftWriter.render(draft, schema: "s.json")
        #expect(text.components(separatedBy: "non_answers: [\"N/A\"]").count == 2)
    }
}
