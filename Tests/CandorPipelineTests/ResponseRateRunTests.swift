import CandorPipeline
import Foundation
import Logging
import Testing

/// Response rates against a roster (`population:`), checked against counts made by hand.
@Suite("Response rates through a run")
struct ResponseRateRunTests {
    /// A run's outcome, JSON report and Markdown report.
    struct Run {
        var outcome: RunOutcome
        var json: [String: Any]
        var markdown: String
    }

    /// Runs `responses` (`id,dept` rows) against `roster` (a whole CSV text) with min_group_size 5.
    static func run(
        responses: [(id: String, dept: String)], roster: String, threaded: Bool = false,
        columns: String = "{dept: Dept}"
    ) throws -> Run {
        let scratch = ScratchFolder()
        var csv = "id,dept\n"
        for row in responses { csv += "\(row.id),\(row.dept)\n" }
        scratch.create("in.csv", csv)
        scratch.create("roster.csv", roster)
        scratch.create(
            "rates.yml",
            """
            version: 1
            name: rates
            inputs: [in.csv]
            output: {directory: out, max_reject_share: 0.5}
            privacy: {min_group_size: 5}
            fields:
              - {name: id, type: id, column: id}
              - {name: dept, type: category, column: dept}
            dedupe: {by: id, keep: first}
            population: {file: roster.csv, columns: \(columns)}
            metrics:
              - {id: in_a, kind: share, where: {field: dept, equals: A}}
            """)
        let definition = try DefinitionLoader.load(path: scratch.file("rates.yml"))
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition, threaded: threaded, minimumPartBytes: 0),
            logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        let json =
            scratch.read("out/rates.json").flatMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            } ?? [:]
        return Run(outcome: outcome, json: json, markdown: scratch.read("out/rates.md") ?? "")
    }

    /// The hand-counted case: A 7 respondents (and one duplicate id, rejected), B 3, C 5, D 1,
    /// and one with a blank department: 17 accepted. Roster: A 10, B 8 (written "b"), C 6, D 3.
    static let responses: [(id: String, dept: String)] = {
        var rows: [(id: String, dept: String)] = (1...7).map { (id: "a\($0)", dept: "A") }
        rows.append((id: "a1", dept: "A"))
        rows += (1...3).map { (id: "b\($0)", dept: "B") }
        rows += (1...5).map { (id: "c\($0)", dept: "C") }
        rows += [(id: "d1", dept: "D"), (id: "x1", dept: "")]
        return rows
    }()

    static func roster(blankRows: Int = 0) -> String {
        var text = "person,Dept\n"
        for number in 1...10 { text += "p\(number),A\n" }
        for number in 1...8 { text += "q\(number), b \n" }
        for number in 1...6 { text += "r\(number),C\n" }
        for number in 1...3 { text += "s\(number),D\n" }
        for number in 0..<blankRows { text += "t\(number),\n" }
        return text
    }

    static func rows(_ run: Run) -> [[String: Any]] {
        ((run.json["response_rate"] as? [String: Any])?["by_segment"] as? [[String: Any]]) ?? []
    }

    /// Overall 17 / 27 = 0.62963 (python3 -c 'print(round(17/27, 6))'); A 7 / 10; B 3 / 8 =
    /// 0.375, under the 60% target. D (3 invited) is hidden; alone, 27 − 10 − 8 − 6 = 3 would give
    /// its invited count back, so C (the smallest shown group, 6) is hidden too.
    @Test func ratesMatchAHandCountAndHideTheComplement() throws {
        let run = try Self.run(responses: Self.responses, roster: Self.roster())
        #expect(run.outcome.status == .success, "\(run.outcome.message ?? "")")
        let overall = try #require(run.json["response_rate"] as? [String: Any])
        #expect(overall["invited"] as? Int == 27)
        #expect(overall["responded"] as? Int == 17)
        #expect(overall["value"] as? Double == 0.62963)
        #expect(overall["below_target"] as? Bool == false)
        let rows = Self.rows(run)
        #expect(rows.map { ($0["labels"] as? [String]) ?? [] } == [["A"], ["B"], ["C"], ["D"]])
        #expect(rows.map { $0["invited"] as? Int } == [10, 8, nil, nil])
        #expect(rows.map { $0["responded"] as? Int } == [7, 3, nil, nil])
        #expect(rows.map { $0["value"] as? Double } == [0.7, 0.375, nil, nil])
        #expect(rows.map { $0["below_target"] as? Bool } == [false, true, nil, nil])
        #expect(
            rows.map { $0["suppression_reason"] as? String } == [
                nil, nil, "complementary suppression", "fewer invited than the anonymity threshold",
            ])
        #expect(run.markdown.contains("| dept: B | 8 | 3 | 37.5% | below target |"))
        #expect(run.markdown.contains("| dept: D | — | — | suppressed |  |"))
        #expect(run.markdown.contains("- Response rates: a response rate counts accepted respondents"))
    }

    /// Two roster rows with a blank department are unlisted people: hidden D (3) plus them make
    /// 5, the threshold, so no complement is needed and C is shown (5 / 6 = 0.833333).
    @Test func blankRosterRowsCountInTheOverallAndAsTheUnlistedGroup() throws {
        let run = try Self.run(responses: Self.responses, roster: Self.roster(blankRows: 2))
        let overall = try #require(run.json["response_rate"] as? [String: Any])
        #expect(overall["invited"] as? Int == 29)
        #expect(overall["value"] as? Double == 0.586207)
        #expect(overall["below_target"] as? Bool == true)
        #expect(Self.rows(run).map { $0["value"] as? Double } == [0.7, 0.375, 0.833333, nil])
    }

    /// Read in two parts at once, the counts merge to the same rates.
    @Test func aPartedReadGivesTheSameRates() throws {
        let many = (1...400).map { ("m\($0)", ["A", "B", "C"][$0 % 3]) }
        let roster = "person,Dept\n" + (1...500).map { "p\($0),\(["A", "B", "C"][$0 % 3])\n" }.joined()
        let parted = try Self.run(responses: many, roster: roster, threaded: true)
        let sequential = try Self.run(responses: many, roster: roster, threaded: false)
        #expect(parted.outcome.status == .success)
        // 400 responses: 133 with i % 3 == 0 (A), 134 B, 133 C; 500 invited: 166 A, 167 B, 167 C.
        // A is listed first: the metric's `equals: A` declares it before the data is read.
        #expect(Self.rows(parted).map { $0["responded"] as? Int } == [133, 134, 133])
        #expect(Self.rows(parted).map { $0["invited"] as? Int } == [166, 167, 167])
        #expect(
            NSDictionary(dictionary: parted.json["response_rate"] as? [String: Any] ?? [:])
                == NSDictionary(dictionary: sequential.json["response_rate"] as? [String: Any] ?? [:]))
    }

    /// A department with respondents that the roster lacks is a warning, not an error; a roster
    /// value nobody answered from is a group with 0 responded.
    @Test func groupsOnOneSideOnly() throws {
        let responses = (1...5).map { ("a\($0)", "A") } + [("e1", "E")]
        let roster = "person,Dept\n" + (1...10).map { "p\($0),A\n" }.joined() + (1...5).map { "z\($0),Z\n" }.joined()
        let run = try Self.run(responses: responses, roster: roster)
        #expect(run.outcome.status == .success, "\(run.outcome.message ?? "")")
        let overall = try #require(run.json["response_rate"] as? [String: Any])
        #expect(
            overall["warnings"] as? [String] == [
                "dept 'E' has respondents but is not in the roster roster.csv; they count in the overall response rate only"
            ])
        #expect(Self.rows(run).map { $0["responded"] as? Int } == [5, 0])
        #expect(Self.rows(run).map { $0["value"] as? Double } == [0.5, 0])
    }

    /// More respondents than invited stops the run (exit 65) and names the group.
    @Test func moreRespondentsThanInvitedIsAnError() throws {
        let responses = (1...6).map { ("a\($0)", "A") }
        let roster = "person,Dept\n" + (1...5).map { "p\($0),A\n" }.joined() + (1...5).map { "z\($0),Z\n" }.joined()
        let run = try Self.run(responses: responses, roster: roster)
        #expect(run.outcome.status == .dataQuality)
        #expect(
            run.outcome.message
                == "population roster roster.csv: dept 'A' has 6 respondents but only 5 invited in the roster; check that the roster lists everyone invited and that its values match the responses'"
        )
    }

    /// Roster errors carry the file, line and column, like an input's.
    @Test func rosterErrorsNameTheirPlace() throws {
        let responses = (1...5).map { ("a\($0)", "A") }
        let missing = try Self.run(responses: responses, roster: "person,Team\np1,A\n")
        #expect(missing.outcome.status == .configuration)
        #expect(
            missing.outcome.message
                == "population roster: roster.csv: field 'dept' maps to column Dept, which the header does not have (columns: 'person', 'Team'); fix the field's column in the definition"
        )
        let ragged = try Self.run(responses: responses, roster: "person,Dept\np1,A\np2,A,extra\n")
        #expect(ragged.outcome.status == .dataQuality)
        #expect(ragged.outcome.message?.hasPrefix("population roster: roster.csv:3: column 3:") == true)
    }
}
