import CandorPipeline
import Foundation
import Logging
import Testing

/// Two waves of one pipeline through the history: the change of every figure, tested as the issue
/// asks, and never across a changed definition.
///
/// The fixture: teams A and B of 10 in wave 2025-Q4, and A, B and a new team C of 6 in 2026-Q1;
/// `happy` yes for 4 and 6 of A and B, then 8, 5 and 3 of A, B and C; `rec` (0–10) as listed in
/// `waves`. Expected values from scipy 1.17.1 and statsmodels 0.15.0, on the raw answers:
///
///     w1A=[9,10,8,7,6,5,9,10,3,4]; w1B=[10,9,9,8,7,6,2,1,0,9]
///     w2A=[10,10,9,9,8,7,9,10,6,5]; w2B=[9,9,8,7,6,5,4,3,10,10]; w2C=[9,9,10,7,8,6]
///     proportions_ztest([16,10],[26,20]) -> p 0.43387582444482053
///     proportions_ztest([8,4],[10,10]) -> p 0.06788915486182899 (A); ([5,6],[10,10]) -> 0.6530951149321822 (B)
///     multipletests([pA,pB], method='fdr_bh')[1] -> [0.13577830972365798, 0.6530951149321822]
///     stats.ttest_ind(w2, w1, equal_var=False).pvalue -> 0.14477998937063064 (means 7.8077 and 6.6)
///     NPS 23.076923076923077 and 0, SE 100·√((p₊ + p₋ − NPS²)/n): 2*norm.sf(z) -> 0.3745492403433762
///     multipletests([0.4339, 0.1448, 0.3745], method='fdr_bh')[1] -> all 0.43387582444482053
@Suite("Two waves through the history")
struct TwoWaveRunTests {
    static let waves: [String: [(team: String, happy: Bool, rec: Int)]] = [
        "2025-Q4": rows("A", happy: 4, [9, 10, 8, 7, 6, 5, 9, 10, 3, 4])
            + rows("B", happy: 6, [10, 9, 9, 8, 7, 6, 2, 1, 0, 9]),
        "2026-Q1": rows("A", happy: 8, [10, 10, 9, 9, 8, 7, 9, 10, 6, 5])
            + rows("B", happy: 5, [9, 9, 8, 7, 6, 5, 4, 3, 10, 10]) + rows("C", happy: 3, [9, 9, 10, 7, 8, 6]),
    ]

    static func rows(_ team: String, happy: Int, _ recs: [Int]) -> [(team: String, happy: Bool, rec: Int)] {
        recs.enumerated().map { (team, $0 < happy, $1) }
    }

    static func definition(happyValue: String = "yes", history: String = "", extra: String = "") -> String {
        """
        version: 1
        name: waves
        inputs: [in.csv]
        output: {directory: out\(history)}
        fields:
          - {name: id, type: id, column: id}
          - {name: team, type: category, column: team}
          - {name: happy, type: category, column: happy}
          - {name: rec, type: integer, column: rec, min: 0, max: 10}
        metrics:
          - {id: happy, kind: share, where: {field: happy, equals: \(happyValue)}}
          - {id: rec_mean, kind: mean, field: rec}
          - {id: enps, kind: nps, field: rec}
        segments: [team]
        headlines:
          - metric: happy
        \(extra)
        """
    }

    /// Runs `wave` in `scratch` and returns the JSON report.
    @discardableResult
    static func run(
        _ wave: String, in scratch: ScratchFolder, definition text: String = definition(), label: String? = nil
    ) throws -> [String: Any] {
        var csv = "id,team,happy,rec\n"
        for (index, row) in (waves[wave] ?? []).enumerated() {
            csv += "R\(index),\(row.team),\(row.happy ? "yes" : "no"),\(row.rec)\n"
        }
        scratch.create("in.csv", csv)
        scratch.create("waves.yml", text)
        let definition = try DefinitionLoader.load(path: scratch.file("waves.yml"))
        var request = RunRequest(definition: definition)
        request.waveOverride = label ?? wave
        let outcome = PipelineRunner.run(request, logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        let data = try #require(FileManager.default.contents(atPath: scratch.file("out/waves.json")))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    static func metric(_ id: String, _ report: [String: Any]) -> [String: Any]? {
        (report["metrics"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    static func rows(_ id: String, _ report: [String: Any]) -> [[String: Any]] {
        ((report["segments"] as? [[String: Any]])?.first { $0["metric_id"] as? String == id }?["rows"]
            as? [[String: Any]])
            ?? []
    }

    @Test func aFirstWaveHasNoChangeAndTheSameBytesAsWithoutHistory() throws {
        let scratch = ScratchFolder()
        let report = try Self.run("2025-Q4", in: scratch)
        #expect(report["waves"] == nil)
        #expect(Self.metric("happy", report)?["change"] == nil)
        // The definitions differ by `history: false` only, so their SHA-256 lines do too.
        let withoutHash = { (text: String?) in
            text?.split(separator: "\n").filter { !$0.contains("definition") }.joined(separator: "\n")
        }
        let withHistory = withoutHash(scratch.read("out/waves.json"))
        let other = ScratchFolder()
        try Self.run("2025-Q4", in: other, definition: Self.definition(history: ", history: false"))
        #expect(withoutHash(other.read("out/waves.json")) == withHistory)
        #expect(withHistory?.isEmpty == false)
        #expect(!FileManager.default.fileExists(atPath: other.file("out/history.sqlite")))
        #expect(permissionBits(scratch.file("out/history.sqlite")) == 0o600)
    }

    @Test func theSecondWaveCarriesEachFiguresChangeAndItsTest() throws {
        let scratch = ScratchFolder()
        try Self.run("2025-Q4", in: scratch)
        let report = try Self.run("2026-Q1", in: scratch)
        let share = try #require(Self.metric("happy", report)?["change"] as? [String: Any])
        #expect(share["previous_wave"] as? String == "2025-Q4")
        #expect(share["previous_value"] as? Double == 0.5)
        #expect(share["test"] as? String == "two_proportion_z")
        #expect(abs((share["difference"] as? Double ?? 0) - (16.0 / 26 - 0.5)) < 1e-6)
        #expect(abs((share["p_value"] as? Double ?? 0) - 0.43387582444482053) < 1e-6)
        #expect(abs((share["p_adjusted"] as? Double ?? 0) - 0.43387582444482053) < 1e-6)
        #expect(share["significant"] as? Bool == false)
        let mean = try #require(Self.metric("rec_mean", report)?["change"] as? [String: Any])
        #expect(mean["test"] as? String == "welch_t")
        #expect(abs((mean["p_value"] as? Double ?? 0) - 0.14477998937063064) < 1e-6)
        let nps = try #require(Self.metric("enps", report)?["change"] as? [String: Any])
        #expect(nps["test"] as? String == "normal_difference")
        #expect(abs((nps["difference"] as? Double ?? 0) - 23.08) < 0.01)
        #expect(abs((nps["p_value"] as? Double ?? 0) - 0.3745492403433762) < 1e-6)

        let teams = Self.rows("happy", report)
        let change = { (team: String) in
            teams.first { ($0["labels"] as? [String]) == [team] }?["change"] as? [String: Any]
        }
        #expect(abs((change("A")?["p_value"] as? Double ?? 0) - 0.06788915486182899) < 1e-6)
        #expect(abs((change("A")?["p_adjusted"] as? Double ?? 0) - 0.13577830972365798) < 1e-6)
        #expect(abs((change("B")?["p_adjusted"] as? Double ?? 0) - 0.6530951149321822) < 1e-6)
        // Team C was not in the previous wave: no change.
        #expect(teams.contains { ($0["labels"] as? [String]) == ["C"] } && change("C") == nil)

        let markdown = try #require(scratch.read("out/waves.md"))
        #expect(
            markdown.contains("## Change since 2025-Q4\n\n- happy: up 11.5 points since 2025-Q4 (not significant)."))
        #expect(markdown.contains("| Wave | happy |\n| --- | ---: |\n| 2025-Q4 | 50.0% † |\n| 2026-Q1 | 61.5% † |"))
        #expect(markdown.contains("independent samples"))
    }

    @Test func aChangedDefinitionIsNotComparedAndTheReportSaysSo() throws {
        let scratch = ScratchFolder()
        try Self.run("2025-Q4", in: scratch)
        let report = try Self.run("2026-Q1", in: scratch, definition: Self.definition(happyValue: "no"))
        #expect(Self.metric("happy", report)?["change"] == nil)
        #expect((report["waves"] as? [String: Any])?["definition_changed"] as? [String] == ["happy"])
        // The other metrics' definitions did not change.
        #expect(Self.metric("rec_mean", report)?["change"] != nil)
        #expect(
            scratch.read("out/waves.md")?.contains("- happy: not compared: its definition changed since 2025-Q4.")
                == true)
        // Nor does the trend draw 2025-Q4's 50% next to a share of another answer: the headline
        // has one wave under its definition, so there is no trend table.
        #expect(scratch.read("out/waves.md")?.contains("### Trend") == false)
    }

    /// A new `change:` section changes the definition file but no metric's definition, so the
    /// metrics are still compared; 11.5 points is under a 15-point minimum.
    @Test func aChangeUnderTheMinimumDifferenceIsNotMeaningful() throws {
        let scratch = ScratchFolder()
        try Self.run("2025-Q4", in: scratch)
        let report = try Self.run(
            "2026-Q1", in: scratch, definition: Self.definition(extra: "change: {minimum_difference: 15}"))
        let share = try #require(Self.metric("happy", report)?["change"] as? [String: Any])
        #expect(share["meaningful"] as? Bool == false)
        let nps = try #require(Self.metric("enps", report)?["change"] as? [String: Any])
        #expect(nps["meaningful"] as? Bool == true)
        #expect(scratch.read("out/waves.md")?.contains("(not significant, under the minimum difference)") == true)
    }

    @Test(arguments: [
        ("change: {trend_waves: 1}", "change.trend_waves must be at least 2"),
        ("change: {minimum_difference: -1}", "change.minimum_difference must be 0 or more points, not '-1'"),
        ("wave: \"\"", "a wave label must have 1 to 64 characters"),
    ])
    func badHistorySettingsAreDefinitionErrors(_ extra: String, _ message: String) throws {
        let scratch = ScratchFolder()
        scratch.create("waves.yml", Self.definition(extra: extra))
        #expect(throws: DefinitionError.self) { try DefinitionLoader.load(path: scratch.file("waves.yml")) }
        do { _ = try DefinitionLoader.load(path: scratch.file("waves.yml")) } catch {
            #expect(error.message == message)
        }
    }

    @Test func rerunningTheSameWaveReplacesItAndComparesWithTheWaveBefore() throws {
        let scratch = ScratchFolder()
        try Self.run("2025-Q4", in: scratch)
        try Self.run("2026-Q1", in: scratch)
        let again = try Self.run("2026-Q1", in: scratch)
        #expect((again["waves"] as? [String: Any])?["previous_wave"] as? String == "2025-Q4")
        let trend = (again["waves"] as? [String: Any])?["trend"] as? [[String: Any]]
        #expect(trend?.map { $0["wave"] as? String } == ["2025-Q4", "2026-Q1"])
    }
}
