import CandorCore
import Testing

@testable import CandorClean

/// W1's validity rules (`../shared/bench/peers/README.md`) on the kinds of dirt gen_survey.py
/// writes, with a schema like Benchmarks/bench-w1.yml's cut down to id, two items and eNPS.
private func w1Schema() -> SurveySchema {
    let scale = LikertScale(
        name: "agree5",
        labels: ["Strongly disagree", "Disagree", "Neither agree nor disagree", "Agree", "Strongly agree"])
    return SurveySchema(
        fields: [
            FieldSpec(name: "respondent", source: ColumnSource(header: "respondent_id"), kind: .id),
            field("q01", .likert(scale, reverse: false), required: true),
            field("q02", .likert(scale, reverse: false), required: true),
            field("enps", .integer(min: 0, max: 10), required: true),
            field("comment", .text),
        ],
        dedupe: .init(field: 0, keep: .first))
}

@Test("W1: each dirt kind of the generator is rejected with its reason, and the invariant holds")
func w1DirtKinds() throws {
    let csv = """
        respondent_id,q01,q02,enps,comment
        R1,Agree,4,9,ok
        R2,,4,9,blank item
        R3,7,4,9,out of range
        R4,Agree,4,N/A,enps N/A
        R1,Agree,4,9,duplicate id
        R5,Agree,4
        R5,Agree,4,9,after a ragged record with the same id
        R6,Agree,4,eleven,enps eleven
        R7,Strongly disagree,1,0,"multi
        line"
        R8,Neither agree nor disagree,3,10,

        """
    let run = try CleanHarness.run(w1Schema(), csv)
    let path = run.paths[0]
    // Valid: R1 (line 2), R7 (line 10, spanning two lines), R8 (line 12).
    #expect(run.column(3) == [9, 0, 10])
    #expect(run.column(1) == [4, 1, 3])
    #expect(
        run.messages == [
            "\(path):3: column 2 (q01): a required answer is blank",
            "\(path):4: column 2 (q01): '7' is not a point of scale agree5 (1–5 or its labels)",
            "\(path):5: column 4 (enps): 'N/A' is not a whole number",
            "\(path):6: duplicate of record 1 (\(path):2)",
            "\(path):7: column 4: expected 5 fields, found 3",
            "\(path):8: duplicate of record 6 (\(path):7)",
            "\(path):9: column 4 (enps): 'eleven' is not a whole number",
        ])
    #expect(
        run.accounting.rejectedByReason == [.missingRequired: 1, .invalidValue: 3, .duplicateID: 2, .raggedRecord: 1])
    #expect(run.accounting.read == 10)
    #expect(run.accounting.accepted == 3)
    #expect(run.accounting.balances)
    #expect(run.accounting.blanks == ["comment": 1])
}

/// Where Candor reads more leniently than W1's exact-string rules. The generator never writes
/// these, so the counts still agree with the C reference (see DefinitionBenchW1Tests); the
/// issue asks for labels in any case and outer spaces ignored, and `07` is a clean 7.
@Test("known differences from W1's exact-string rules: label case, leading zeros")
func w1KnownDifferences() throws {
    let run = try CleanHarness.run(w1Schema(), "respondent_id,q01,q02,enps,comment\nR1,agree,STRONGLY AGREE,07,\n")
    #expect(run.rejections.isEmpty)
    #expect(run.row(0)[1...3] == [4, 5, 7])
}
