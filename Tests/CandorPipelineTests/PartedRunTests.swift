import CandorPipeline
import Foundation
import Logging
import Testing

/// A run that reads an input in two parts at once gives the bytes a sequential run gives, with
/// every line and record number of the second half where it is in the file; where the parts
/// cannot be merged exactly it reads the second half again.
@Suite("Runs reading an input in two parts")
struct PartedRunTests {
    /// A survey export written row by row, with the physical line each record starts on kept
    /// as the rows are written (independently of the program under test).
    struct Export {
        var text = "id,dept,manager,q1,q2,score,comment\n"
        /// `lines[i]`: the line row `i` (record `i + 1`) starts on.
        var lines: [Int] = []
        private var line = 2

        mutating func row(_ cells: [String], multiLineComment: Bool = false) {
            lines.append(line)
            text += cells.joined(separator: ",")
            text += multiLineComment ? ",\"first line\nsecond line\"\n" : ",fine\n"
            line += multiLineComment ? 2 : 1
        }

        mutating func blankLine() {
            text += "\n"
            line += 1
        }

        /// `rows` rows: departments D4–D7 and managers past M36 appear only in the second half,
        /// every 50th row has a two-line comment, every 97th an invalid q1 (13, 110, …), a blank
        /// line follows row 500; `change` edits a row's cells before it is written.
        static func survey(rows: Int, change: (Int, inout [String]) -> Void = { _, _ in }) -> Export {
            var export = Export()
            for index in 0..<rows {
                let secondHalf = index >= rows / 2
                var cells = [
                    "R\(index)", secondHalf ? "D\((index * 7) % 8)" : "D\(index % 4)",
                    secondHalf ? "M\(index % 53)" : "M\(index % 37)", "\(1 + index % 5)", "\(1 + (index * 3) % 5)",
                    "\(index % 11)",
                ]
                if index % 97 == 13 { cells[3] = "9" }
                change(index, &cells)
                export.row(cells, multiLineComment: index % 50 == 25)
                if index == 500 { export.blankLine() }
            }
            return export
        }
    }

    /// What one run left.
    struct Run {
        var status: CandorPipeline.ExitStatus
        var message: String?
        var counts: RunLogEntry.Counts?
        var files: [String: String]
        var log: [String]
    }

    static func definition(inputs: [String], scoreOnInvalid: String = "reject") -> String {
        """
        version: 1
        name: parts
        inputs: [\(inputs.joined(separator: ", "))]
        output: {directory: out}
        privacy: {min_group_size: 1, allow_small_groups: true}
        scales:
          agree5: {labels: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree], favourable: [4, 5]}
        fields:
          - {name: id, type: id, column: id}
          - {name: dept, type: category, column: dept}
          - {name: manager, type: category, column: manager}
          - {name: q1, type: likert, column: q1, scale: agree5, required: true}
          - {name: q2, type: likert, column: q2, scale: agree5}
          - {name: score, type: integer, column: score, min: 0, max: 10, on_invalid: \(scoreOnInvalid)}
        blocks:
          eng: [q1, q2]
        dedupe: {by: id, keep: first}
        metrics:
          - {id: d1, kind: share, where: {field: dept, equals: D1}}
          - {id: fav, kind: likert, block: eng}
          - {id: nps, kind: nps, field: score}
          - {id: eta, kind: variance_share, score: {block: eng}, group: manager}
        segments: [dept]
        """
    }

    /// Runs `definition` over `inputs` (name → text) twice, in parts (every input cut, however
    /// small) and sequentially on one thread.
    static func runBothWays(_ inputs: [String: String], definition: String) throws -> (parted: Run, sequential: Run) {
        let scratchFolder = ScratchFolder()
        let folder = scratchFolder.url
        for (name, text) in inputs {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        let definitionPath = folder.appendingPathComponent("parts.yml").path
        try definition.write(toFile: definitionPath, atomically: true, encoding: .utf8)
        let loaded = try DefinitionLoader.load(path: definitionPath)
        func run(threaded: Bool, output: String) -> Run {
            let log = CapturedLog()
            let outcome = PipelineRunner.run(
                RunRequest(
                    definition: loaded, outputOverride: folder.appendingPathComponent(output).path,
                    threaded: threaded, minimumPartBytes: 0),
                logger: Logger(label: "t") { _ in log })
            var files: [String: String] = [:]
            for name in ["parts.md", "parts.json", "parts.rejects.csv"] {
                files[name] = try? String(
                    contentsOf: folder.appendingPathComponent("\(output)/\(name)"), encoding: .utf8)
            }
            return Run(
                status: outcome.status, message: outcome.message, counts: outcome.counts, files: files,
                log: log.messages)
        }
        return (run(threaded: true, output: "parted"), run(threaded: false, output: "sequential"))
    }

    /// The rejects file's rows, split at CRLF (the messages hold no line breaks).
    static func rejectRows(_ run: Run) -> [String] {
        (run.files["parts.rejects.csv"] ?? "").components(separatedBy: "\r\n").dropFirst().filter { !$0.isEmpty }
    }

    @Test func aCleanCutGivesTheSequentialBytesWithLinesWhereTheyAre() throws {
        let export = Export.survey(rows: 600) { index, cells in
            if index == 450 { cells[0] = "R449" }  // a duplicate within the second half
        }
        let (parted, sequential) = try Self.runBothWays(
            ["in.csv": export.text], definition: Self.definition(inputs: ["in.csv"]))
        #expect(parted.status == .success, "\(parted.message ?? "")")
        #expect(parted.log.contains { $0.contains("read in two parts") }, "\(parted.log)")
        #expect(parted.files == sequential.files)
        let rows = Self.rejectRows(parted)
        // Rows 13, 110, 207, 304, 401, 498, 595 have q1 = 9; row 450 repeats row 449's id.
        let invalid = [13, 110, 207, 304, 401, 498, 595]
        #expect(rows.count == invalid.count + 1)
        for index in invalid {
            let line = export.lines[index]
            #expect(
                rows.contains {
                    $0.hasPrefix("in.csv,\(line),\(index + 1),") && $0.contains("in.csv:\(line): column 4")
                },
                "row \(index) at line \(line)")
        }
        let duplicate = "in.csv:\(export.lines[450]): duplicate of record 450 (in.csv:\(export.lines[449]))"
        #expect(rows.contains { $0.hasPrefix("in.csv,\(export.lines[450]),451,") && $0.contains(duplicate) })
    }

    @Test func aRespondentInBothHalvesHasTheSecondHalfReadAgain() throws {
        let export = Export.survey(rows: 600) { index, cells in
            if index == 520 { cells[0] = "R10" }
        }
        let (parted, sequential) = try Self.runBothWays(
            ["in.csv": export.text], definition: Self.definition(inputs: ["in.csv"]))
        #expect(parted.status == .success, "\(parted.message ?? "")")
        #expect(parted.log.contains { $0.contains("reading the second half again") && $0.contains("respondent id") })
        #expect(parted.files == sequential.files)
        let duplicate = "in.csv:\(export.lines[520]): duplicate of record 11 (in.csv:\(export.lines[10]))"
        #expect(Self.rejectRows(parted).contains { $0.contains(duplicate) })
    }

    @Test func aFailingValueInTheSecondHalfStopsTheRunAtItsLine() throws {
        let export = Export.survey(rows: 600) { index, cells in
            if index == 530 { cells[5] = "x" }
        }
        let (parted, sequential) = try Self.runBothWays(
            ["in.csv": export.text], definition: Self.definition(inputs: ["in.csv"], scoreOnInvalid: "fail"))
        #expect(parted.status == .dataQuality)
        #expect(parted.message == sequential.message)
        #expect(
            parted.message?.hasPrefix("in.csv:\(export.lines[530]): column 6 (score)") == true,
            "\(parted.message ?? "")")
        #expect(parted.log.contains { $0.contains("reading the second half again") })
    }

    @Test func aSecondInputCutInTwoKeepsTheFirstInputsCodes() throws {
        let first = Export.survey(rows: 300)
        let second = Export.survey(rows: 600) { index, cells in
            cells[0] = "S\(index)"
            cells[1] = "E\(index % 9)"  // departments the first input never had
        }
        let (parted, sequential) = try Self.runBothWays(
            ["a.csv": first.text, "b.csv": second.text], definition: Self.definition(inputs: ["a.csv", "b.csv"]))
        #expect(parted.status == .success, "\(parted.message ?? "")")
        #expect(parted.log.filter { $0.contains("read in two parts") }.count == 2)
        #expect(parted.files == sequential.files)
    }
}

/// Keeps every message logged, for tests that check what a run said.
final class CapturedLog: LogHandler, @unchecked Sendable {
    // Safe: `stored` is only touched under `lock`.
    private let lock = NSLock()
    private var stored: [String] = []
    var metadata: Logger.Metadata = [:]
    var logLevel: Logger.Level = .debug

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        lock.withLock { stored.append(event.message.description) }
    }

    /// Messages so far, in order.
    var messages: [String] { lock.withLock { stored } }
}
