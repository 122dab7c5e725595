import CandorPipeline
import Foundation
import Testing

/// Holding in a pair's table: teams A, B, C × sites X, Y of 8 respondents each (48); the second
/// night adds 2 to A/X and 6 to B/Y. By hand: the overall changed by 8 and is published (56);
/// A and X (+2) are held, B and Y (+6) as their complements in the one-way tables. In the pair
/// table A/X (+2) is held; its margins A and X are held, and the only other changed cell, B/Y,
/// closes the cycle A/X – X – B/Y – Y … through the held margins B and Y, so it is held too.
/// A/Y, B/X, C/X and C/Y did not change: holding them would protect nothing.
@Suite("Nightly runs of an open wave: pairs")
struct NightlyPairHoldTests {
    static let definition = """
        version: 1
        name: nightly
        inputs: [in.csv]
        output: {directory: out}
        fields:
          - {name: id, type: id, column: id}
          - {name: team, type: category, column: team}
          - {name: site, type: category, column: site}
          - {name: happy, type: category, column: happy}
        metrics:
          - {id: happy, kind: share, where: {field: happy, equals: "yes"}}
        segments: [team, site]
        segment_pairs: [[team, site]]
        """

    static func csv(extra: [(String, String, Int)] = []) -> String {
        var lines = ["id,team,site,happy"]
        for team in ["A", "B", "C"] {
            for site in ["X", "Y"] {
                for k in 0..<8 { lines.append("\(team)\(site)\(k),\(team),\(site),\(k % 2 == 0 ? "yes" : "no")") }
            }
        }
        for (team, site, count) in extra {
            for k in 0..<count { lines.append("new\(team)\(site)\(k),\(team),\(site),yes") }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func run(_ csv: String, in scratch: ScratchFolder) throws -> [String: Any] {
        try NightlyHoldTests.run(csv: csv, definition: definition, wave: "open", in: scratch)
    }

    /// Per table and labels: n, and whether the row is held.
    static func rows(_ report: [String: Any]) -> [String: (n: Int, held: Bool)] {
        var rows: [String: (n: Int, held: Bool)] = [:]
        for table in report["segments"] as? [[String: Any]] ?? [] {
            for row in table["rows"] as? [[String: Any]] ?? [] {
                let labels = (row["labels"] as? [String] ?? []).joined(separator: "/")
                rows[labels] = (row["n"] as? Int ?? -1, row["held_since"] != nil)
            }
        }
        return rows
    }

    @Test func twoInOnePairCellAndSixInAnotherAreHeldTogether() throws {
        let scratch = ScratchFolder()
        let first = Self.rows(try Self.run(Self.csv(), in: scratch))
        let report = try Self.run(Self.csv(extra: [("A", "X", 2), ("B", "Y", 6)]), in: scratch)
        let second = Self.rows(report)
        #expect(((report["metrics"] as? [[String: Any]])?.first?["n"] as? Int) == 56)
        let held = Set(second.filter { $0.value.held }.map(\.key))
        #expect(held == ["A", "B", "X", "Y", "A/X", "B/Y"])
        // Every row shows night 1's n: held rows keep it, the others did not change.
        for (labels, row) in second { #expect(row.n == first[labels]?.n, "\(labels)") }
        #expect(first["A/X"]?.n == 8 && first["A"]?.n == 16 && first["X"]?.n == 24)
    }

    /// A variance share weighs every group's mean, so while some groups are held it keeps its
    /// last publication: +2 in A/X and +6 in B/Y hold teams A and B, and the ICC of `score` by
    /// team stays night 1's (n 48) although the overall share is published (n 56).
    @Test func aVarianceShareIsHeldWithTheGroupsItWeighs() throws {
        let scratch = ScratchFolder()
        let withScore = { (csv: String) in
            csv.split(separator: "\n").enumerated().map { index, line in
                line + (index == 0 ? ",score" : ",\(index % 7)")
            }.joined(separator: "\n") + "\n"
        }
        let definition = Self.definition.replacingOccurrences(
            of: "  - {name: happy, type: category, column: happy}\n",
            with:
                "  - {name: happy, type: category, column: happy}\n  - {name: score, type: integer, column: score, min: 0, max: 6}\n"
        ).replacingOccurrences(
            of: "metrics:\n",
            with: "metrics:\n  - {id: spread, kind: variance_share, score: {field: score}, group: team}\n")
        func run(_ csv: String) throws -> [String: Any] {
            try NightlyHoldTests.run(csv: csv, definition: definition, wave: "open", in: scratch)
        }
        func metric(_ id: String, _ report: [String: Any]) throws -> Data {
            let metric = (report["metrics"] as? [[String: Any]])?.first { $0["id"] as? String == id }
            return try JSONSerialization.data(withJSONObject: try #require(metric), options: [.sortedKeys])
        }
        let first = try run(withScore(Self.csv()))
        let second = try run(withScore(Self.csv(extra: [("A", "X", 2), ("B", "Y", 6)])))
        #expect(try metric("spread", second) == metric("spread", first))
        #expect(try metric("happy", second) != metric("happy", first))
    }
}
