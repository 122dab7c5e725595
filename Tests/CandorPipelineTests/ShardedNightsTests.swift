import CandorPipeline
import Foundation
import Logging
import Testing

/// Shards of a pipeline with the history on, night after night (Docs/SCALE.md): from the second
/// night the shards sketch their respondents under the history's secret, read from the history
/// the merge writes, so the merge absorbs their states and still holds a night's small change
/// exactly as a single run does. Before the first night there is no secret: the merge reads the
/// pieces itself.
@Suite("Sharded nights with the history on")
struct ShardedNightsTests {
    /// 900 rows (PartedRunTests' survey), min_group_size 5, the history in each output folder.
    static let definition = PartedRunTests.definition(inputs: ["in.csv"]).replacingOccurrences(
        of: "privacy: {min_group_size: 1, allow_small_groups: true}", with: "privacy: {min_group_size: 5}")
    static let firstNight = PartedRunTests.Export.survey(rows: 900).text
    /// Two more respondents in D1: 2 < 5, so D1 and the overall are held.
    static let secondNight = firstNight + "N1,D1,M1,4,4,9,fine\nN2,D1,M2,5,4,10,fine\n"

    let scratch = ScratchFolder()
    let loaded: PipelineDefinition

    init() throws {
        scratch.create("parts.yml", Self.definition)
        loaded = try DefinitionLoader.load(path: scratch.file("parts.yml"))
    }

    /// A request for `night` (1, 2, …) into `output`: one wave, the run time fixed by the night,
    /// so that the held marks of two output folders compare.
    func request(_ output: String, night: Int) -> RunRequest {
        var request = RunRequest(definition: loaded, outputOverride: scratch.file(output))
        request.waveOverride = "2026-Q4"
        request.runTime = Date(timeIntervalSince1970: 1_800_000_000 + Double(night) * 86_400)
        return request
    }

    /// One ordinary run of `night` into `output`.
    func single(_ output: String, night: Int) {
        let outcome = PipelineRunner.run(request(output, night: night), logger: ShardMergeTests.Setup.quiet)
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
    }

    /// Three shards of `night` looking for the history in `shardOutput`, merged into `output`;
    /// what the merge logged.
    func sharded(_ output: String, night: Int, shardOutput: String? = nil) throws -> [String] {
        let partials = try (1...3).map { index in
            let path = scratch.file("night\(night)-\(index).partial")
            _ = try ShardRun.run(
                request(shardOutput ?? output, night: night), shard: ShardSpec(index: index, count: 3),
                partialPath: path, logger: ShardMergeTests.Setup.quiet)
            return path
        }
        let log = CapturedLog()
        let outcome = PipelineRunner.run(
            request(output, night: night), logger: Logger(label: "t") { _ in log }, merging: partials)
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        return log.messages
    }

    /// The report, JSON and rejects bytes in `output`.
    func outputs(_ output: String) -> [Data?] {
        ["md", "json", "rejects.csv"].map {
            FileManager.default.contents(atPath: scratch.file("\(output)/parts.\($0)"))
        }
    }

    @Test func theSecondNightsShardsAreAbsorbedAndHoldAsASingleRun() throws {
        scratch.create("in.csv", Self.firstNight)
        single("single", night: 1)
        let first = try sharded("sharded", night: 1)
        #expect(first.contains { $0.contains("merged 0 piece(s) from partials, read 3 again") }, "\(first)")
        #expect(outputs("sharded") == outputs("single"))
        #expect(outputs("single").allSatisfy { $0 != nil })

        scratch.create("in.csv", Self.secondNight)
        single("single", night: 2)
        let second = try sharded("sharded", night: 2)
        #expect(second.contains { $0.contains("merged 3 piece(s) from partials, read 0 again") }, "\(second)")
        #expect(outputs("sharded") == outputs("single"))
        // The change of two is held in both: the overall n stays at the first night's accepted
        // count (900 rows less the 10 invalid q1 at rows 13, 110, …, 886 of index % 97 == 13).
        let json = try #require(outputs("sharded")[1])
        let report = try #require(try JSONSerialization.jsonObject(with: json) as? [String: Any])
        #expect(report["holds"] != nil)
        let d1 = (report["metrics"] as? [[String: Any]])?.first { $0["id"] as? String == "d1" }
        #expect(d1?["n"] as? Int == 890)
    }

    /// Partials sketched under another history's secret are not absorbed: holding could not
    /// compare them with this history's last publication. The merge reads them and says why.
    @Test func partialsSketchedUnderAnotherHistoryAreReadAgain() throws {
        scratch.create("in.csv", Self.firstNight)
        single("single", night: 1)
        single("sharded", night: 1)
        single("elsewhere", night: 1)  // a history of its own: another secret
        scratch.create("in.csv", Self.secondNight)
        single("single", night: 2)
        let log = try sharded("sharded", night: 2, shardOutput: "elsewhere")
        #expect(log.contains { $0.contains("merged 0 piece(s) from partials, read 3 again") }, "\(log)")
        #expect(log.contains { $0.contains("its cell sketches were made under another history's secret") }, "\(log)")
        #expect(outputs("sharded") == outputs("single"))
    }
}
