import CandorHistory
import CandorPipeline
import Foundation
import Logging
import Testing

/// Nightly runs of one open wave: a cell whose respondents changed by 1 to min_group_size − 1
/// keeps its last publication, and complements keep the held changes from being differences of
/// published figures (issue 18, "Nightly runs of an open wave").
///
/// The fixture: teams A, B and C of 10, `happy` yes for 4, 6 and 5 of them (values by hand:
/// 4/10 = 0.4, 6/10 = 0.6, 5/10 = 0.5, overall 15/30 = 0.5); min_group_size is 5.
@Suite("Nightly runs of an open wave")
struct NightlyHoldTests {
    struct Respondent {
        var id: String
        var team: String
        var happy: Bool
        var submitted = "2026-01-05T09:00:00Z"
    }

    static let firstNight: [Respondent] =
        team("A", count: 10, happy: 4) + team("B", count: 10, happy: 6) + team("C", count: 10, happy: 5)

    static func team(_ name: String, count: Int, happy: Int, from start: Int = 0) -> [Respondent] {
        (0..<count).map { Respondent(id: "\(name)\(start + $0)", team: name, happy: $0 < happy) }
    }

    static let definition = """
        version: 1
        name: nightly
        inputs: [in.csv]
        output: {directory: out}
        fields:
          - {name: id, type: id, column: id}
          - {name: team, type: category, column: team}
          - {name: happy, type: category, column: happy}
          - {name: submitted, type: timestamp, column: submitted, formats: [iso8601]}
        dedupe: {by: id, keep: latest, order_by: submitted}
        metrics:
          - {id: happy, kind: share, where: {field: happy, equals: "yes"}}
        segments: [team]
        """

    /// Runs the wave on `respondents` in `scratch` and returns the JSON report.
    static func run(
        _ respondents: [Respondent], in scratch: ScratchFolder, definition: String = definition
    ) throws -> [String: Any] {
        var csv = "id,team,happy,submitted\n"
        for row in respondents { csv += "\(row.id),\(row.team),\(row.happy ? "yes" : "no"),\(row.submitted)\n" }
        return try run(csv: csv, definition: definition, wave: "2026-Q1", in: scratch)
    }

    /// Runs `wave` of `definition` (pipeline `nightly`, output `out`) on `csv` in `scratch`;
    /// the JSON report.
    static func run(csv: String, definition: String, wave: String, in scratch: ScratchFolder) throws -> [String: Any] {
        scratch.create("in.csv", csv)
        scratch.create("nightly.yml", definition)
        var request = RunRequest(definition: try DefinitionLoader.load(path: scratch.file("nightly.yml")))
        request.waveOverride = wave
        let outcome = PipelineRunner.run(request, logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        let data = try #require(FileManager.default.contents(atPath: scratch.file("out/nightly.json")))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func metric(_ report: [String: Any]) -> [String: Any] {
        (report["metrics"] as? [[String: Any]])?.first ?? [:]
    }

    static func row(_ team: String, _ report: [String: Any]) -> [String: Any]? {
        let rows = (report["segments"] as? [[String: Any]])?.first?["rows"] as? [[String: Any]] ?? []
        return rows.first { $0["labels"] as? [String] == [team] }
    }

    /// A figure's JSON bytes (sorted keys) without the held mark: what must not move.
    static func bytes(_ object: [String: Any]?) throws -> Data {
        var object = try #require(object)
        object["held_since"] = nil
        return try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    }

    @Test func twoMoreInOneGroupMoveNeitherTheGroupNorTheOverall() throws {
        let scratch = ScratchFolder()
        let first = try Self.run(Self.firstNight, in: scratch)
        #expect(first["holds"] == nil)
        let second = try Self.run(Self.firstNight + Self.team("A", count: 2, happy: 2, from: 10), in: scratch)
        #expect(try Self.bytes(Self.row("A", second)) == Self.bytes(Self.row("A", first)))
        #expect(try Self.bytes(Self.metric(second)) == Self.bytes(Self.metric(first)))
        // Fresh, A would be 6/12 = 0.5 and the overall 17/32; held, they stay 0.4 of 10 and 0.5 of 30.
        #expect(Self.row("A", second)?["value"] as? Double == 0.4)
        #expect(Self.row("A", second)?["n"] as? Int == 10)
        #expect(Self.metric(second)["value"] as? Double == 0.5)
        #expect(Self.metric(second)["n"] as? Int == 30)
        let holds = try #require(second["holds"] as? [String: Any])
        #expect(holds["held_cells"] as? Int == 2)
        #expect(holds["overall_held_since"] is String)
        #expect(Self.row("A", second)?["held_since"] is String)
        // The data-quality counts moved by 2 as well (read and accepted 30 → 32): held.
        #expect(
            try Self.bytes(second["accounting"] as? [String: Any]) == Self.bytes(first["accounting"] as? [String: Any]))
        #expect((second["accounting"] as? [String: Any])?["accepted"] as? Int == 30)
        #expect(
            holds["held_quality_counts"] as? [String] == [
                "accepted", "input_accepted:in.csv", "input_read:in.csv", "input_records:0", "read",
            ])
        // The history records what was published: the held figures.
        let wave = try #require(
            try HistoryStore(path: scratch.file("out/history.sqlite")).waves(pipeline: "nightly").first)
        #expect(wave.respondents == 30)
        #expect(wave.figure(FigureKey(metric: "happy", segment: "team", labels: ["A"]))?.value == 0.4)
        #expect(wave.figure(FigureKey(metric: "happy"))?.n == 30)
        let markdown = scratch.read("out/nightly.md") ?? ""
        #expect(markdown.contains("| A (held) |"))
        #expect(markdown.contains("Held figures: 2 published figures of this open wave repeat an earlier run's"))
        // The changes add up: three more in A make five, and everything is published again.
        let third = try Self.run(Self.firstNight + Self.team("A", count: 5, happy: 5, from: 10), in: scratch)
        #expect(third["holds"] == nil)
        #expect((third["accounting"] as? [String: Any])?["accepted"] as? Int == 35)
        #expect(abs((Self.row("A", third)?["value"] as? Double ?? 0) - 9.0 / 15) < 1e-6)
        #expect(Self.row("A", third)?["n"] as? Int == 15)
        #expect(Self.metric(third)["n"] as? Int == 35)
        #expect(abs((Self.metric(third)["value"] as? Double ?? 0) - 20.0 / 35) < 1e-6)
    }

    @Test func twoInOneGroupAndSixInAnotherCannotBeIsolatedBySubtraction() throws {
        let scratch = ScratchFolder()
        let first = try Self.run(Self.firstNight, in: scratch)
        let second = try Self.run(
            Self.firstNight + Self.team("A", count: 2, happy: 2, from: 10)
                + Self.team("B", count: 6, happy: 6, from: 10),
            in: scratch)
        // The overall changed by 8 and is published: 23 happy of 38.
        #expect(Self.metric(second)["n"] as? Int == 38)
        #expect(abs((Self.metric(second)["value"] as? Double ?? 0) - 23.0 / 38) < 1e-6)
        // A (+2) is held; B (+6) is held as its complement, or overall − B − C would be A's change.
        #expect(try Self.bytes(Self.row("A", second)) == Self.bytes(Self.row("A", first)))
        #expect(try Self.bytes(Self.row("B", second)) == Self.bytes(Self.row("B", first)))
        #expect((second["holds"] as? [String: Any])?["held_cells"] as? Int == 2)
        // Every published n and happy count of both nights: the only differences of published
        // figures that change between the nights cover A and B together, 8 respondents.
        func counts(_ report: [String: Any]) -> [String: (n: Int, happy: Int)] {
            var counts: [String: (n: Int, happy: Int)] = [:]
            let overall = Self.metric(report)
            counts["overall"] = (overall["n"] as? Int ?? -1, overall["count"] as? Int ?? -1)
            for team in ["A", "B", "C"] {
                let row = Self.row(team, report)
                counts[team] = (row?["n"] as? Int ?? -1, row?["count"] as? Int ?? -1)
            }
            return counts
        }
        let before = counts(first)
        let after = counts(second)
        // Each combination overall − (a subset of the rows), night 2 minus night 1: the people it
        // describes are those its n moved by, never 1 to 4.
        for subset in 0..<8 {
            let teams = ["A", "B", "C"].enumerated().filter { subset & (1 << $0.offset) != 0 }.map(\.element)
            let moved =
                (after["overall"]!.n - teams.reduce(0) { $0 + after[$1]!.n })
                - (before["overall"]!.n - teams.reduce(0) { $0 + before[$1]!.n })
            let movedHappy =
                (after["overall"]!.happy - teams.reduce(0) { $0 + after[$1]!.happy })
                - (before["overall"]!.happy - teams.reduce(0) { $0 + before[$1]!.happy })
            #expect(moved == 0 || moved >= 5, "overall minus \(teams) moved by \(moved)")
            #expect(movedHappy == 0 || moved >= 5)
        }
        for team in ["A", "B", "C"] { #expect(after[team]!.n == before[team]!.n) }
    }

    @Test func aReplacedAnswerUnderKeepLatestMovesNothing() throws {
        let scratch = ScratchFolder()
        let first = try Self.run(Self.firstNight, in: scratch)
        // A0 answered yes; a later response of A0 says no. Same n everywhere.
        var replaced = Self.firstNight
        replaced.append(Respondent(id: "A0", team: "A", happy: false, submitted: "2026-01-06T09:00:00Z"))
        let second = try Self.run(replaced, in: scratch)
        #expect(try Self.bytes(Self.metric(second)) == Self.bytes(Self.metric(first)))
        for team in ["A", "B", "C"] {
            #expect(try Self.bytes(Self.row(team, second)) == Self.bytes(Self.row(team, first)))
        }
        #expect(Self.row("A", second)?["value"] as? Double == 0.4)
        // Five more in A reach the threshold with the replaced answer (six changed): all published.
        // A: 3 of the first ten happy now, plus 5 → 8/15; overall 14 + 5 = 19 of 35.
        let third = try Self.run(replaced + Self.team("A", count: 5, happy: 5, from: 10), in: scratch)
        // Every figure is published; only the one superseded response (0 → 1 since the counts'
        // last publication) keeps the data-quality counts held.
        let holds = try #require(third["holds"] as? [String: Any])
        #expect(holds["held_cells"] as? Int == 0)
        #expect(holds["held_quality_counts"] as? [String] == ["input_rejected:in.csv", "rejected:superseded_response"])
        #expect(abs((Self.row("A", third)?["value"] as? Double ?? 0) - 8.0 / 15) < 1e-6)
        #expect(abs((Self.metric(third)["value"] as? Double ?? 0) - 19.0 / 35) < 1e-6)
        #expect(Self.metric(third)["n"] as? Int == 35)
    }

    @Test func aChangedDefinitionPublishesFreshAndSaysSo() throws {
        let scratch = ScratchFolder()
        _ = try Self.run(Self.firstNight, in: scratch)
        let changed = Self.definition.replacingOccurrences(
            of: "name: nightly\n", with: "name: nightly\ntitle: Nightly\n")
        let second = try Self.run(
            Self.firstNight + Self.team("A", count: 2, happy: 2, from: 10), in: scratch, definition: changed)
        #expect(Self.row("A", second)?["n"] as? Int == 12)
        #expect(Self.metric(second)["n"] as? Int == 32)
        let holds = try #require(second["holds"] as? [String: Any])
        #expect(holds["held_cells"] as? Int == 0)
        #expect(
            holds["note"] as? String
                == "the definition changed since this wave's last run, so no earlier figure is kept: all are this run's"
        )
    }

    @Test func anotherWaveHoldsNothing() throws {
        let scratch = ScratchFolder()
        _ = try Self.run(Self.firstNight, in: scratch)
        scratch.create("nightly.yml", Self.definition)
        var csv = "id,team,happy,submitted\n"
        for row in Self.firstNight + Self.team("A", count: 2, happy: 2, from: 10) {
            csv += "\(row.id),\(row.team),\(row.happy ? "yes" : "no"),\(row.submitted)\n"
        }
        scratch.create("in.csv", csv)
        var request = RunRequest(definition: try DefinitionLoader.load(path: scratch.file("nightly.yml")))
        request.waveOverride = "2026-Q2"
        _ = PipelineRunner.run(request, logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        let data = try #require(FileManager.default.contents(atPath: scratch.file("out/nightly.json")))
        let report = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(report["holds"] == nil)
        #expect(Self.row("A", report)?["n"] as? Int == 12)
    }
}
