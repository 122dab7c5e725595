import CandorPipeline
import Foundation
import Logging
import Testing

/// Participation by night through an open wave (issue 18): each run with a roster appends its
/// overall counts to the history, a rerun of the wave keeps them, and the report shows the
/// current wave's nights once there are two.
///
/// The roster: 10 people in A and 10 in B. Wave 2026-Q1, night by night (run times fixed):
/// - 2026-03-02T02:00Z (1772416800): a1–a4, b1–b2 → 6 responded, 6/20 = 0.3;
/// - 2026-03-03T02:00Z (1772503200): plus a5, a6, b3, b4 → 10, 10/20 = 0.5;
/// - 2026-03-04T02:00Z (1772589600): plus a7, b5, b6 and a1 again (a duplicate id, rejected)
///   → 13, 13/20 = 0.65.
/// Wave 2026-Q2: 8 (a1–a4, b1–b4) on 2026-06-01T02:00Z (1780279200), then 9 (plus a5) on
/// 2026-06-02T02:00Z (1780365600): 0.4 and 0.45.
@Suite("Participation by night")
struct ParticipationByNightRunTests {
    static let roster =
        "person,Dept\n" + (1...10).map { "p\($0),A\n" }.joined() + (1...10).map { "q\($0),B\n" }.joined()

    static let definition = """
        version: 1
        name: nights
        inputs: [in.csv]
        output: {directory: out, max_reject_share: 0.5}
        privacy: {min_group_size: 5}
        fields:
          - {name: id, type: id, column: id}
          - {name: dept, type: category, column: dept}
        dedupe: {by: id, keep: first}
        population: {file: roster.csv, columns: {dept: Dept}}
        metrics:
          - {id: in_a, kind: share, where: {field: dept, equals: A}}
        """

    /// Responses `a1…aA` and `b1…bB`, plus `extra` ids (their department from the first letter).
    static func responses(a: Int, b: Int, extra: [String] = []) -> String {
        let ids = (1...a).map { "a\($0)" } + (1...b).map { "b\($0)" } + extra
        return "id,dept\n" + ids.map { "\($0),\($0.hasPrefix("a") ? "A" : "B")\n" }.joined()
    }

    /// Runs `wave` over `input` at `seconds` since 1970 and returns the JSON report's text.
    @discardableResult
    static func run(_ wave: String, _ input: String, at seconds: Double, in scratch: ScratchFolder) throws -> String {
        scratch.create("in.csv", input)
        let definition = try DefinitionLoader.load(path: scratch.file("nights.yml"))
        var request = RunRequest(definition: definition)
        request.waveOverride = wave
        request.runTime = Date(timeIntervalSince1970: seconds)
        let outcome = PipelineRunner.run(request, logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        return try #require(scratch.read("out/nights.json"))
    }

    /// `response_rate.by_night` of a JSON report, as (run time, invited, responded, value).
    static func nights(_ json: String) throws -> [(String, Int, Int, Double)] {
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let rate = try #require(object["response_rate"] as? [String: Any])
        let rows = try #require(rate["by_night"] as? [[String: Any]])
        return rows.map {
            (
                $0["run_time"] as? String ?? "", $0["invited"] as? Int ?? -1, $0["responded"] as? Int ?? -1,
                $0["value"] as? Double ?? -1
            )
        }
    }

    static func scratch() -> ScratchFolder {
        let scratch = ScratchFolder()
        scratch.create("roster.csv", roster)
        scratch.create("nights.yml", definition)
        return scratch
    }

    @Test func threeNightsOfOneWaveAreShownWithTheirCounts() throws {
        let scratch = Self.scratch()
        let first = try Self.run("2026-Q1", Self.responses(a: 4, b: 2), at: 1_772_416_800, in: scratch)
        // One night is not a series: nothing by night yet.
        #expect(try Self.nights(first).isEmpty)
        #expect(!(scratch.read("out/nights.md") ?? "").contains("Participation by night"))
        try Self.run("2026-Q1", Self.responses(a: 6, b: 4), at: 1_772_503_200, in: scratch)
        let third = try Self.run(
            "2026-Q1", Self.responses(a: 7, b: 6, extra: ["a1"]), at: 1_772_589_600, in: scratch)
        let nights = try Self.nights(third)
        #expect(
            nights.map(\.0) == ["2026-03-02T02:00:00.000Z", "2026-03-03T02:00:00.000Z", "2026-03-04T02:00:00.000Z"])
        #expect(nights.map(\.1) == [20, 20, 20])
        #expect(nights.map(\.2) == [6, 10, 13])
        #expect(nights.map(\.3) == [0.3, 0.5, 0.65])
        let markdown = try #require(scratch.read("out/nights.md"))
        #expect(
            markdown.contains(
                """
                ### Participation by night

                Wave 2026-Q1 so far, one row per run of the wave over new inputs (its start by the run's clock), with \
                everyone invited and the accepted respondents at that run. Overall only: counts by segment on two \
                nights would tell who in a small group answered in between.

                | Run (UTC) | Invited | Responded | Rate |
                | --- | ---: | ---: | ---: |
                | 2026-03-02T02:00:00.000Z | 20 | 6 | 30.0% |
                | 2026-03-03T02:00:00.000Z | 20 | 10 | 50.0% |
                | 2026-03-04T02:00:00.000Z | 20 | 13 | 65.0% |
                """))
        let html = try #require(scratch.read("out/nights.html"))
        #expect(html.contains("<h3>Participation by night</h3>"))
        #expect(
            html.contains(
                "<tr><th scope=\"row\">2026-03-04T02:00:00.000Z</th><td class=\"number\">20</td><td class=\"number\">13</td><td class=\"number\">65.0%</td></tr>"
            ))
        // The same inputs an hour later: the same night, so the same bytes.
        let again = try Self.run(
            "2026-Q1", Self.responses(a: 7, b: 6, extra: ["a1"]), at: 1_772_593_200, in: scratch)
        #expect(again == third)
    }

    @Test func aWaveShowsOnlyItsOwnNightsAndForgettingRemovesThem() throws {
        let scratch = Self.scratch()
        try Self.run("2026-Q1", Self.responses(a: 4, b: 2), at: 1_772_416_800, in: scratch)
        try Self.run("2026-Q1", Self.responses(a: 6, b: 4), at: 1_772_503_200, in: scratch)
        let firstQ2 = try Self.run("2026-Q2", Self.responses(a: 4, b: 4), at: 1_780_279_200, in: scratch)
        #expect(try Self.nights(firstQ2).isEmpty)
        let secondQ2 = try Self.run("2026-Q2", Self.responses(a: 5, b: 4), at: 1_780_365_600, in: scratch)
        let nights = try Self.nights(secondQ2)
        #expect(nights.map(\.0) == ["2026-06-01T02:00:00.000Z", "2026-06-02T02:00:00.000Z"])
        #expect(nights.map(\.2) == [8, 9])
        #expect(nights.map(\.3) == [0.4, 0.45])
        // `candor history --forget 2026-Q1` takes the wave's nights with it: a new first night.
        let definition = try DefinitionLoader.load(path: scratch.file("nights.yml"))
        try HistoryQuery.forget(RunRequest(definition: definition), wave: "2026-Q1")
        let fresh = try Self.run("2026-Q1", Self.responses(a: 7, b: 6), at: 1_780_452_000, in: scratch)
        #expect(try Self.nights(fresh).isEmpty)
    }
}
