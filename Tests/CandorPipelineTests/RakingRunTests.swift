import Foundation
import Logging
import Testing

@testable import CandorPipeline

/// Raking to a roster (`weighting: {rake: [...]}`) through a run, against a numpy
/// reimplementation of R's survey::rake and against sums done by hand.
@Suite("Raking through a run")
struct RakingRunTests {
    /// A run's outcome and reports.
    struct Run {
        var outcome: RunOutcome
        var json: [String: Any]
        var markdown: String

        var weighting: [String: Any] { json["weighting"] as? [String: Any] ?? [:] }
        func metric(_ id: String) -> [String: Any] {
            (json["metrics"] as? [[String: Any]])?.first { $0["id"] as? String == id } ?? [:]
        }
        func segmentRows(_ metric: String) -> [[String: Any]] {
            let tables = json["segments"] as? [[String: Any]] ?? []
            return tables.first { $0["metric_id"] as? String == metric }?["rows"] as? [[String: Any]] ?? []
        }
    }

    /// A response: department, tenure band, whether happy, a score 1–10.
    typealias Row = (dept: String, tenure: String, happy: Bool, score: Int)

    /// The definition the runs use, with `weighting` as given (a YAML flow mapping, or nil).
    static func definition(weighting: String?, extra: String = "") -> String {
        """
        version: 1
        name: rake
        inputs: [in.csv]
        output: {directory: out, formats: [markdown, json, html]}
        privacy: {min_group_size: 5}
        fields:
          - {name: id, type: id, column: id}
          - {name: dept, type: category, column: dept}
          - {name: tenure, type: category, column: tenure}
          - {name: happy, type: boolean, column: happy}
          - {name: score, type: integer, column: score, min: 1, max: 10}
        dedupe: {by: id, keep: first}
        population: {file: roster.csv, columns: {dept: Dept, tenure: Tenure}}
        \(weighting.map { "weighting: \($0)" } ?? "")
        \(extra)
        segments: [dept]
        metrics:
          - {id: happy, kind: share, where: {field: happy, equals: true}}
          - {id: score, kind: mean, field: score}
        """
    }

    /// The responses as CSV.
    static func csv(_ rows: [Row]) -> String {
        "id,dept,tenure,happy,score\n"
            + rows.enumerated().map { "r\($0),\($1.dept),\($1.tenure),\($1.happy ? "yes" : "no"),\($1.score)\n" }
            .joined()
    }

    /// A roster with `counts` people per (dept, tenure).
    static func roster(_ counts: [(dept: String, tenure: String, people: Int)]) -> String {
        var text = "person,Dept,Tenure\n"
        var number = 0
        for entry in counts {
            for _ in 0..<entry.people {
                number += 1
                text += "p\(number),\(entry.dept),\(entry.tenure)\n"
            }
        }
        return text
    }

    /// Runs the definition over `rows` and `roster` in a scratch folder.
    static func run(_ rows: [Row], roster: String, weighting: String?, extra: String = "") throws -> Run {
        let scratch = ScratchFolder()
        scratch.create("in.csv", csv(rows))
        scratch.create("roster.csv", roster)
        scratch.create("rake.yml", definition(weighting: weighting, extra: extra))
        let definition = try DefinitionLoader.load(path: scratch.file("rake.yml"))
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition), logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        let json =
            scratch.read("out/rake.json").flatMap {
                try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
            } ?? [:]
        // The spill left nothing behind: no hidden file but the lock in the output folder.
        if outcome.status == .success {
            let hidden =
                scratch.entries().filter { $0.hasPrefix(".") }
                + ((try? FileManager.default.contentsOfDirectory(atPath: scratch.file("out"))) ?? [])
                .filter { $0.hasPrefix(".") }
            #expect(hidden == [".candor.lock"])
        }
        return Run(outcome: outcome, json: json, markdown: scratch.read("out/rake.md") ?? "")
    }

    /// The reference data of `Reference/rake_run.py`: per (dept, tenure) cell, n respondents of
    /// whom the first `yes` are happy; respondent i of cell c scores 1 + (3i + 2c) mod 10.
    static let referenceRows: [Row] = {
        let cells: [(String, String, Int, Int)] = [
            ("A", "new", 8, 6), ("A", "old", 12, 4), ("B", "new", 5, 3), ("B", "old", 15, 9),
        ]
        var rows: [Row] = []
        for (cell, (dept, tenure, n, yes)) in cells.enumerated() {
            for i in 0..<n { rows.append((dept, tenure, i < yes, 1 + (3 * i + 2 * cell) % 10)) }
        }
        return rows
    }()

    /// Dept A 120, B 80; tenure new 70, old 130 (200 people; the cross counts do not matter).
    static let referenceRoster = roster([("A", "new", 40), ("A", "old", 80), ("B", "new", 30), ("B", "old", 50)])

    /// `python3 Tests/CandorPipelineTests/Reference/rake_run.py` prints: sweeps 5; cell weights
    /// (A,new) 6.163997, (A,old) 5.890669, (B,new) 4.137605, (B,old) 3.954132; weighted share of
    /// happy 0.542733 (unweighted 0.55); weighted mean score 5.476013; design effect 1.040485;
    /// effective n 38.44; weights 3.954132 to 6.163997.
    @Test func twoMarginsMatchTheSurveyRakeReference() throws {
        let run = try Self.run(Self.referenceRows, roster: Self.referenceRoster, weighting: "{rake: [dept, tenure]}")
        #expect(run.outcome.status == .success, "\(run.outcome.message ?? "")")
        let happy = run.metric("happy")
        #expect(happy["value"] as? Double == 0.542733)
        #expect(happy["n"] as? Int == 40)
        #expect(happy["effective_n"] as? Double == 38.44)
        #expect(happy["interval_method"] as? String == "kish_wilson")
        #expect(run.metric("score")["value"] as? Double == 5.476013)
        let weighting = run.weighting
        #expect(weighting["applied"] as? Bool == true)
        #expect(weighting["iterations"] as? Int == 5)
        #expect(weighting["converged"] as? Bool == true)
        #expect(weighting["weight_min"] as? Double == 3.954132)
        #expect(weighting["weight_max"] as? Double == 6.163997)
        #expect(weighting["design_effect"] as? Double == 1.040485)
        #expect(weighting["effective_n"] as? Double == 38.44)
        #expect(weighting["tolerance"] as? Double == 1e-6)
        #expect(weighting["max_iterations"] as? Int == 50)
        let margins = weighting["margins"] as? [[String: Any]] ?? []
        #expect(margins.map { $0["field"] as? String } == ["dept", "tenure"])
        let levels = margins.map { ($0["levels"] as? [[String: Any]] ?? []).map { $0["invited"] as? Int } }
        #expect(levels == [[120, 80], [70, 130]])
        #expect(run.markdown.contains("## Weighting to the roster"))
        #expect(run.markdown.contains("| tenure | old | 130 |"))
        #expect(run.markdown.contains("- Converged in 5 iterations (tolerance 1e-06, at most 50)."))
        #expect(run.markdown.contains("design effect (Kish, n·Σw²/(Σw)²) 1.040"))
        #expect(run.markdown.contains("Kish's effective n, which under raking is approximate"))
        // The weighted count of happy respondents (0.542733 × 200 weights) is no count "of 40":
        // the basis names the 40 respondents and the effective n instead.
        #expect(run.markdown.contains("weighted; n = 40, effective n 38.4; 95% CI "))
        #expect(!run.markdown.contains(" of 40;"))
    }

    /// One rake field is post-stratification, done by hand. Roster: A 30, B 20 (50 people).
    /// Respondents: A 6 (3 happy), B 10 (8 happy). Weights: A 30/6 = 5, B 20/10 = 2. Weighted
    /// share (3·5 + 8·2)/(6·5 + 10·2) = 31/50 = 0.62; design effect n·Σw²/(Σw)² =
    /// 16·(6·25 + 10·4)/50² = 1.216; effective n 50²/190 = 13.16; one sweep.
    @Test func oneMarginByHand() throws {
        let rows: [Row] =
            (0..<6).map { ("A", "new", $0 < 3, 5) } + (0..<10).map { ("B", "new", $0 < 8, 5) }
        let roster = Self.roster([("A", "new", 30), ("B", "new", 20)])
        let run = try Self.run(rows, roster: roster, weighting: "{rake: [dept]}")
        #expect(run.outcome.status == .success, "\(run.outcome.message ?? "")")
        #expect(run.metric("happy")["value"] as? Double == 0.62)
        #expect(run.metric("happy")["count"] as? Double == 31)
        #expect(run.metric("happy")["effective_n"] as? Double == 13.16)
        #expect(run.weighting["design_effect"] as? Double == 1.216)
        #expect(run.weighting["iterations"] as? Int == 1)
        #expect(run.weighting["weight_min"] as? Double == 2)
        #expect(run.weighting["weight_max"] as? Double == 5)
        // The groups' own shares are each group's unweighted share (one weight per group).
        #expect(run.segmentRows("happy").map { $0["value"] as? Double } == [0.5, 0.8])
    }

    /// Respondents whose department the roster lacks take the mean weight of the others,
    /// 50/16 = 3.125, with a warning. Adding 4 happy Z's to the hand case: (15 + 16 + 4·3.125) /
    /// (50 + 4·3.125) = 43.5/62.5 = 0.696.
    @Test func aValueTheRosterLacksTakesTheMeanWeight() throws {
        let rows: [Row] =
            (0..<6).map { ("A", "new", $0 < 3, 5) } + (0..<10).map { ("B", "new", $0 < 8, 5) }
            + (0..<4).map { _ in ("Z", "new", true, 5) }
        let run = try Self.run(
            rows, roster: Self.roster([("A", "new", 30), ("B", "new", 20)]), weighting: "{rake: [dept]}")
        #expect(run.outcome.status == .success, "\(run.outcome.message ?? "")")
        #expect(run.metric("happy")["value"] as? Double == 0.696)
        #expect(
            run.weighting["warnings"] as? [String] == [
                "dept 'Z' is not in the roster roster.csv; its respondents take the mean weight"
            ])
    }

    /// Respondents who left the rake field blank are in no cell either: 2 unhappy ones with the
    /// mean weight 3.125 make the hand case's share 31 / (50 + 2·3.125) = 31/56.25 = 0.551111.
    @Test func aBlankRakeValueTakesTheMeanWeight() throws {
        let rows: [Row] =
            (0..<6).map { ("A", "new", $0 < 3, 5) } + (0..<10).map { ("B", "new", $0 < 8, 5) }
            + (0..<2).map { _ in ("", "new", false, 5) }
        let run = try Self.run(
            rows, roster: Self.roster([("A", "new", 30), ("B", "new", 20)]), weighting: "{rake: [dept]}")
        #expect(run.outcome.status == .success, "\(run.outcome.message ?? "")")
        #expect(run.metric("happy")["value"] as? Double == 0.551111)
        #expect(
            run.weighting["warnings"] as? [String] == [
                "respondents who gave no dept are in no margin cell; they take the mean weight"
            ])
    }

    /// A margin count the response-rate table hides is hidden in the weighting section too:
    /// department C has 3 people invited (under 5), and B, the smallest shown group, is hidden as
    /// its complement. The roster's "a" matches the responses' "A" as the rates match it.
    @Test func marginCountsHiddenInTheRatesAreHidden() throws {
        let rows = Self.referenceRows + [("C", "new", true, 5), ("C", "old", false, 5)]
        let roster =
            Self.referenceRoster.replacingOccurrences(of: ",A,", with: ",a,") + "x1,C,new\nx2,C,new\nx3,C,old\n"
        let run = try Self.run(rows, roster: roster, weighting: "{rake: [dept, tenure]}")
        #expect(run.outcome.status == .success, "\(run.outcome.message ?? "")")
        let margins = run.weighting["margins"] as? [[String: Any]] ?? []
        let levels = margins.map { ($0["levels"] as? [[String: Any]] ?? []).map { $0["invited"] as? Int } }
        #expect(levels == [[120, nil, nil], [72, 131]])
        #expect(run.markdown.contains("| dept | C | suppressed |"))
        #expect(run.weighting["applied"] as? Bool == true)
    }

    /// Roster rows blank in a rake column count in no value of that margin, which is scaled to
    /// the roster's size; the report says so.
    @Test func blankRosterValuesScaleTheirMargin() throws {
        let roster = Self.referenceRoster + (1...10).map { "b\($0),A,\n" }.joined()
        let run = try Self.run(Self.referenceRows, roster: roster, weighting: "{rake: [dept, tenure]}")
        #expect(run.outcome.status == .success, "\(run.outcome.message ?? "")")
        #expect(run.weighting["applied"] as? Bool == true)
        #expect(
            run.weighting["warnings"] as? [String] == [
                "the roster roster.csv has 10 people with no tenure; that margin is scaled to its 210 people"
            ])
    }

    /// One sweep is not enough for two margins: the error names the margin still off (dept:
    /// tenure is fitted last in each sweep, so it is exact after one).
    @Test func notConvergingIsAConfigurationErrorNamingTheMargin() throws {
        let run = try Self.run(
            Self.referenceRows, roster: Self.referenceRoster, weighting: "{rake: [dept, tenure], max_iterations: 1}")
        #expect(run.outcome.status == .configuration)
        #expect(run.outcome.status.rawValue == 78)
        let message = run.outcome.message ?? ""
        #expect(
            message.hasPrefix(
                "weighting: raking did not converge in 1 iteration(s) (weighting.max_iterations): the margin of 'dept' is still "
            ))
        #expect(
            message.hasSuffix(
                "from the roster's counts (weighting.tolerance 1e-06); raise max_iterations, loosen tolerance or rake on fewer fields"
            ))
    }

    /// A roster department nobody answered from yet: no weight can reach its margin, so the
    /// figures stay unweighted (the share is the unweighted 22/40 = 0.55) with a warning.
    @Test func anEmptyMarginCellFallsBackToUnweightedFigures() throws {
        let roster = Self.referenceRoster + "x1,C,new\nx2,C,old\n"
        let run = try Self.run(Self.referenceRows, roster: roster, weighting: "{rake: [dept, tenure]}")
        #expect(run.outcome.status == .success, "\(run.outcome.message ?? "")")
        #expect(run.metric("happy")["value"] as? Double == 0.55)
        #expect(run.metric("happy")["effective_n"] == nil)
        #expect(run.weighting["applied"] as? Bool == false)
        #expect(run.weighting["empty_cells"] as? [String] == ["dept 'C'"])
        #expect(run.weighting["design_effect"] is NSNull)
        #expect(run.markdown.contains("- Not applied: no respondent yet in dept 'C', so no weight can reach"))
        #expect(run.markdown.contains("- Weighting: none applied: raking to the roster's margins of dept, tenure"))
    }

    /// The anonymity threshold counts respondents, not weights: department A's 4 respondents
    /// weigh 100/4 = 25 each (100 in all) and are still suppressed; B's 10 are hidden with them
    /// (the complement, since the overall would give A back).
    @Test func anonymityUsesTheRawCount() throws {
        let rows: [Row] =
            (0..<4).map { ("A", "new", $0 < 2, 5) } + (0..<10).map { ("B", "new", $0 < 5, 5) }
        let run = try Self.run(
            rows, roster: Self.roster([("A", "new", 100), ("B", "new", 10)]), weighting: "{rake: [dept]}")
        #expect(run.outcome.status == .success, "\(run.outcome.message ?? "")")
        #expect(run.metric("happy")["n"] as? Int == 14)
        let rows2 = run.segmentRows("happy")
        #expect(rows2.map { $0["suppressed"] as? Bool } == [true, true])
        #expect(rows2.first?["n"] == nil)
    }

    /// Shards of a raking pipeline: the merge reads every piece itself (the weights need all
    /// the responses) and writes one run's bytes.
    @Test func threeShardsMergedGiveOneRunsBytes() throws {
        let rows: [Row] = (0..<600).map { i in
            (["A", "B", "C"][i % 3], ["new", "old"][(i / 3) % 2], i % 7 < 4, 1 + i % 10)
        }
        let roster = Self.roster([
            ("A", "new", 300), ("A", "old", 100), ("B", "new", 150), ("B", "old", 250), ("C", "new", 90),
            ("C", "old", 110),
        ])
        let setup = try ShardMergeTests.Setup(
            inputs: ["in.csv": Self.csv(rows), "roster.csv": roster],
            definition: Self.definition(weighting: "{rake: [dept, tenure]}"))
        let log = try ShardMergeTests.expectMergeEqualsSingle(setup, shards: 3)
        #expect(log.contains { $0.contains("merged 0 piece(s) from partials, read 3 again") }, "\(log)")
        let json = String(decoding: setup.outputs("merged")[1] ?? Data(), as: UTF8.self)
        #expect(json.contains("\"applied\": true"))
    }

    /// Raking weighs the responses only once all are in: shards' partials carry no states for
    /// it, and `output.cache` is not used (an ordinary pass instead), as for `weight:`.
    @Test func partialsAndTheCacheCarryNoStatesForRaking() throws {
        let scratch = ScratchFolder()
        scratch.create("rake.yml", Self.definition(weighting: "{rake: [dept]}"))
        let definition = try DefinitionLoader.load(path: scratch.file("rake.yml"))
        #expect(
            PieceState.statelessReason(definition)
                == "a raking pipeline weighs its responses only once every input's are in")
    }
}
