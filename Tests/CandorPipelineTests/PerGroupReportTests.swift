import CandorPipeline
import Foundation
import Logging
import Testing

/// `output.per_group`: one report per group reaching the threshold, in safe folders.
@Suite("Per-group reports")
struct PerGroupReportTests {
    static func definition(output: String, segments: String = "[team]") -> String {
        """
        version: 1
        name: t
        inputs: [in.csv]
        output: \(output)
        fields:
          - {name: id, type: id, column: id}
          - {name: team, type: category, column: team}
          - {name: site, type: category, column: site}
        metrics:
          - {id: in_leeds, kind: share, where: {field: site, equals: Leeds}}
        segments: \(segments)
        segment_pairs: [[team, site]]

        """
    }

    /// Teams: A 6, `../x` 5, `/` 5, empty 5, C 2 (under the threshold of 5).
    static let data: String = {
        var lines = ["id,team,site"]
        var number = 0
        for (team, count) in [("A", 6), ("../x", 5), ("/", 5), ("", 5), ("C", 2)] {
            for index in 0..<count {
                number += 1
                lines.append("R\(number),\(team),\(index % 2 == 0 ? "Leeds" : "York")")
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }()

    @Test func eachGroupReachingTheThresholdGetsItsOwnFolder() throws {
        let scratch = ScratchFolder()
        scratch.create("in.csv", Self.data)
        let path = try DefinitionFiles.write(
            Self.definition(output: "{directory: out, formats: [markdown, json, csv], per_group: team}"), in: scratch)
        let definition = try DefinitionLoader.load(path: path)
        #expect(definition.perGroup == "team")
        let outcome = PipelineRunner.run(
            RunRequest(definition: definition), logger: Logger(label: "t") { _ in SwiftLogNoOpLogHandler() })
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        let groups = scratch.path + "/out/t"
        // A blank team is a missing answer, not a group; C (2) is under the threshold.
        let folders = try FileManager.default.contentsOfDirectory(atPath: groups).sorted()
        #expect(folders == ["A", "_", "_._x"])
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: groups + "/A").sorted() == ["t.csv", "t.json", "t.md"])
        #expect(outcome.outputs.contains(groups + "/_._x/t.json"))
        // Nothing escaped the output folder.
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/out/x"))
        #expect(!FileManager.default.fileExists(atPath: scratch.path + "/x"))
        // A's report: 3 of 6 in Leeds, against everyone's 13 of 23; no pair row (team × site).
        let csv = try String(contentsOfFile: groups + "/A/t.csv", encoding: .utf8)
        let rows = csv.split(separator: "\r\n").map(String.init)
        #expect(rows.count == 4)
        #expect(rows[1].hasPrefix("t,current,in_leeds,share,primary,,,0.5,3,6,"))
        #expect(rows[2].hasPrefix("t,current,in_leeds,share,primary,team,A,0.5,3,6,"))
        #expect(rows[3].hasPrefix("t,current,in_leeds,share,primary,team,Everyone,0.565217,13,23,"))
        #expect(!csv.contains("Leeds |") && !csv.contains("York"))
    }

    @Test func perGroupMustNameASegment() throws {
        let scratch = ScratchFolder()
        let (path, message) = try DefinitionFiles.error(
            Self.definition(output: "{per_group: site}"))
        // Line 4 is "output: {per_group: site}"; "site" starts in column 21.
        #expect(message == "\(path):4:21: output.per_group must name one of the segments (team), not 'site'")
    }
}
