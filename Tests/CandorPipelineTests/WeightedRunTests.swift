import CandorPipeline
import Foundation
import Logging
import Testing

/// Weights that would publish impossible shares never reach the statistics (issue 22, defect 6).
@Suite("Weights through a run")
struct WeightedRunTests {
    /// Runs a weighted share over `rows` (`team,weight`) and returns the JSON report.
    static func run(_ rows: [(team: String, weight: String)]) throws -> [String: Any] {
        let scratch = ScratchFolder()
        let folder = scratch.url
        var csv = "id,team,w\n"
        for (index, row) in rows.enumerated() { csv += "R\(index),\(row.team),\(row.weight)\n" }
        try csv.write(to: folder.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        let yaml = """
            version: 1
            name: weighted
            inputs: [in.csv]
            output: {directory: out}
            fields:
              - {name: id, type: id, column: id}
              - {name: team, type: category, column: team}
              - {name: w, type: number, column: w}
            weight: w
            metrics:
              - {id: team_a, kind: share, where: {field: team, equals: A}}
            """
        let definitionPath = folder.appendingPathComponent("weighted.yml").path
        try yaml.write(toFile: definitionPath, atomically: true, encoding: .utf8)
        let definition = try DefinitionLoader.load(path: definitionPath)
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition), logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        let data = try Data(contentsOf: folder.appendingPathComponent("out/weighted.json"))
        return try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    /// Six A's and four B's of weight 1, and one B of weight -5. Counted, the B would make the
    /// base 6 + 4 − 5 = 5 and the share of A 6 / 5 = 120%. Rejected, the share is 6 / 10 = 0.6.
    @Test func aNegativeWeightIsRejectedAsInvalidWeight() throws {
        let rows = Array(repeating: ("A", "1"), count: 6) + Array(repeating: ("B", "1"), count: 4) + [("B", "-5")]
        let report = try Self.run(rows)
        let metric = try #require((report["metrics"] as? [[String: Any]])?.first)
        #expect(metric["value"] as? Double == 0.6)
        let accounting = try #require(report["accounting"] as? [String: Any])
        #expect(accounting["rejected_by_reason"] as? [String: Int] == ["invalid_weight": 1])
        #expect(accounting["accepted"] as? Int == 10)
    }
}
