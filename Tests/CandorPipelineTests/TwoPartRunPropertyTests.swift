import CandorPipeline
import CandorSample
import Foundation
import Logging
import PropertyBased
import Synchronization
import Testing

/// For random valid surveys cut at random offsets, a run that reads its input in two parts at
/// once leaves the bytes a one-part run leaves, and both count every record where the generator
/// put it: read = accepted + rejected + excluded, with each term known before the run.
///
/// A failing case prints its plan and a `.fixedSeed(...)` that replays it (swift-property-based).
@Suite("Two-part runs equal one-part runs (property)")
struct TwoPartRunPropertyTests {
    @Test func aTwoPartRunEqualsAOnePartRunAndCountsEveryRecord() async throws {
        let partedRuns = Mutex(0)
        await propertyCheck(
            count: 60,
            input: Gen.int(in: 1...240), Gen.int(in: 1...4), Gen.int(in: 0...40), Gen.bool,
            Gen.uint64(in: 0...UInt64.max), Gen.int(in: 0...1000)
        ) { rows, items, dirtPercent, crlf, seed, cutPermille in
            let plan = RandomSurvey.Plan(
                rows: rows, items: items, dirtPercent: dirtPercent, crlf: crlf, seed: seed, cutPermille: cutPermille)
            let survey = RandomSurvey(plan)
            let (parted, sequential) = try PartedRunTests.runBothWays(
                ["in.csv": survey.text], definition: RandomSurvey.definition(items: items))
            let expected = survey.counts
            // A run that accepts no record exits with the data-quality status (a small, dirty
            // plan can reject its only rows); the generator knows which before the run.
            let expectedStatus: CandorPipeline.ExitStatus = expected.accepted == 0 ? .dataQuality : .success
            #expect(parted.status == expectedStatus, "\(plan): \(parted.message ?? "")")
            #expect(sequential.status == expectedStatus, "\(plan): \(sequential.message ?? "")")
            #expect(parted.files == sequential.files, "\(plan)")
            for run in [parted, sequential] {
                #expect(run.counts == expected, "\(plan)")
            }
            if parted.log.contains(where: { $0.contains("read in two parts") }) {
                partedRuns.withLock { $0 += 1 }
            }
        }
        // The rest fell back to one part (a cut inside a quoted comment, a respondent in both
        // halves, a one-row file); the property must still see merged halves to say anything.
        // About 25 of 60 merge; 10 is four standard deviations below.
        #expect(partedRuns.withLock { $0 } >= 10, "only \(partedRuns.withLock { $0 }) of 60 runs merged two parts")
    }
}

/// A survey export written row by row from a plan, with each row's fate (accepted, rejected,
/// excluded) decided by the generator as it writes the row, and blank lines added before or after
/// the records so that the middle of the data, where a run cuts, falls at the planned offset.
struct RandomSurvey {
    /// What to generate; printed when a case fails.
    struct Plan: CustomStringConvertible {
        var rows: Int
        /// Likert items q1… (q1 is required).
        var items: Int
        /// Share of rows, in percent, that are dirty (ragged, an invalid q1, a duplicate id) or
        /// excluded by the filter.
        var dirtPercent: Int
        var crlf: Bool
        var seed: UInt64
        /// Where the middle of the data falls, in thousandths of the records' bytes.
        var cutPermille: Int

        var description: String {
            "rows \(rows), items \(items), dirt \(dirtPercent)%, \(crlf ? "CRLF" : "LF"), seed \(seed), cut at \(cutPermille)‰"
        }
    }

    /// The file's text.
    private(set) var text: String
    /// Where each record is expected to go.
    private(set) var counts = RunLogEntry.Counts(read: 0, accepted: 0, rejected: 0, excluded: 0)

    /// The definition the surveys are run with: a required item and optional ones, dedupe by id,
    /// a filter that excludes department X, and metrics over every kind of field written.
    static func definition(items: Int) -> String {
        let names = (1...items).map { "q\($0)" }
        let fields = names.enumerated().map { index, name in
            "  - {name: \(name), type: likert, column: \(name), scale: agree5\(index == 0 ? ", required: true" : "")}"
        }
        return """
            version: 1
            name: parts
            inputs: [in.csv]
            output: {directory: out, max_reject_share: 1.0}
            privacy: {min_group_size: 3}
            scales:
              agree5:
                labels: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree]
                values: [1, 2, 3, 4, 5]
                favourable: [4, 5]
            fields:
              - {name: id, type: id, column: id}
              - {name: dept, type: category, column: dept}
            \(fields.joined(separator: "\n"))
              - {name: score, type: integer, column: score, min: 0, max: 10}
              - {name: comment, type: text, column: comment}
            blocks:
              eng: [\(names.joined(separator: ", "))]
            dedupe: {by: id, keep: first}
            filters:
              - {name: test_rows, where: {not: {field: dept, equals: X}}}
            metrics:
              - {id: fav, kind: likert, block: eng}
              - {id: nps, kind: nps, field: score}
              - {id: d1, kind: share, where: {field: dept, equals: D1}}
              - {id: eta, kind: variance_share, score: {block: eng}, group: dept}
            segments: [dept]
            """
    }

    private static let answers = [
        "Strongly disagree", "Disagree", "Neutral", "Agree", "Strongly agree", "1", "2", "3", "4", "5",
    ]

    init(_ plan: Plan) {
        var random = SplitMix64(seed: plan.seed)
        let lineBreak = plan.crlf ? "\r\n" : "\n"
        let header =
            (["id", "dept"] + (1...plan.items).map { "q\($0)" } + ["score", "comment"])
            .joined(separator: ",") + lineBreak
        var records = ""
        var cleanIDs: [String] = []
        for row in 0..<plan.rows {
            let id = "R\(row)"
            var cells = [id, "D\(random.below(4))"]
            for item in 0..<plan.items {
                // Optional items are sometimes left blank; q1 always has an answer.
                cells.append(item > 0 && random.chance(0.2) ? "" : Self.answers[random.below(Self.answers.count)])
            }
            cells.append(random.chance(0.1) ? "" : "\(random.below(11))")
            cells.append(Self.comment(&random, lineBreak: lineBreak))
            counts.read += 1
            if random.below(100) < plan.dirtPercent {
                switch random.below(4) {
                case 0:  // ragged: fewer fields than the header
                    cells = Array(cells.prefix(2))
                    counts.rejected += 1
                case 1:  // q1 is required and 9 is no answer on the scale
                    cells[2] = "9"
                    counts.rejected += 1
                case 2 where !cleanIDs.isEmpty:  // keep: first rejects the repeat
                    cells[0] = cleanIDs[random.below(cleanIDs.count)]
                    counts.rejected += 1
                default:
                    cells[1] = "X"
                    counts.excluded += 1
                }
            } else {
                cleanIDs.append(id)
                counts.accepted += 1
            }
            records += cells.joined(separator: ",") + lineBreak
            if random.chance(0.03) { records += lineBreak }  // a blank line: no record
        }
        // The run cuts at the first line start at or after the middle of the data's bytes. A
        // padding row first (an accepted respondent with a long comment) and blank lines last
        // (no records) move that middle to the planned offset.
        let recordBytes = records.utf8.count
        let cut = recordBytes * plan.cutPermille / 1000
        var padding = ""
        if recordBytes - cut > cut {
            var cells = ["PAD", "D0"] + Array(repeating: "Agree", count: plan.items) + ["5", ""]
            let bare = cells.joined(separator: ",").utf8.count + lineBreak.utf8.count
            cells[cells.count - 1] = String(repeating: "x", count: max(1, recordBytes - 2 * cut - bare))
            padding = cells.joined(separator: ",") + lineBreak
            counts.read += 1
            counts.accepted += 1
        }
        let before = padding.utf8.count + cut
        let after = recordBytes - cut
        text = header + padding + records + String(repeating: "\n", count: max(0, before - after))
    }

    /// A comment: none, a word, a quoted one with a comma and a doubled quote, or one spanning
    /// two lines (which a cut may fall inside).
    private static func comment(_ random: inout SplitMix64, lineBreak: String) -> String {
        switch random.below(10) {
        case 0, 1, 2: ""
        case 3, 4, 5: "fine"
        case 6, 7, 8: "\"a comma, and a \"\"quote\"\"\""
        default: "\"first line\(lineBreak)second line\""
        }
    }
}
