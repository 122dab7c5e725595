import CandorPipeline
import Foundation
import Logging
import Testing

/// `candor run --shard I/N --partial PATH` then `candor merge` writes the bytes one `candor run`
/// writes: reports, rejects (in file order, lines where they are) and dedupe across shards.
@Suite("Shards merged")
struct ShardMergeTests {
    /// A scratch folder with a definition and its inputs, and what its runs left.
    struct Setup {
        let scratch = ScratchFolder()
        var definition: PipelineDefinition

        /// Writes `inputs` (name → text) and `definition` into the folder and loads it, with the
        /// history off: with it on, a first night's partials carry no states (ShardedNightsTests).
        init(inputs: [String: String], definition text: String) throws {
            for (name, input) in inputs { scratch.create(name, input) }
            scratch.create("parts.yml", text)
            definition = try DefinitionLoader.load(path: scratch.file("parts.yml"))
            definition.history.location = .off
        }

        /// Uses a definition file where it is (a sample pipeline), with the history off unless
        /// `history` says otherwise.
        init(path: String, history: Bool = false) throws {
            definition = try DefinitionLoader.load(path: path)
            if !history { definition.history.location = .off }
        }

        /// One ordinary run into `output`.
        func single(_ output: String = "single") -> RunOutcome {
            PipelineRunner.run(
                RunRequest(definition: definition, outputOverride: scratch.file(output)), logger: Self.quiet)
        }

        /// Shards 1 to `count`, each into its partial; their paths.
        func shards(_ count: Int) throws -> [String] {
            try (1...count).map { index in
                let path = scratch.file("shard-\(index).partial")
                _ = try ShardRun.run(
                    RunRequest(definition: definition, outputOverride: scratch.file("unused")),
                    shard: ShardSpec(index: index, count: count), partialPath: path, logger: Self.quiet)
                return path
            }
        }

        /// The merge of `partials` into `output`, and what it logged.
        func merge(_ partials: [String], _ output: String = "merged") -> (RunOutcome, [String]) {
            let log = CapturedLog()
            let outcome = PipelineRunner.run(
                RunRequest(definition: definition, outputOverride: scratch.file(output)),
                logger: Logger(label: "t") { _ in log }, merging: partials)
            return (outcome, log.messages)
        }

        /// The report, JSON and rejects bytes in `output`.
        func outputs(_ output: String) -> [Data?] {
            ["md", "json", "rejects.csv"].map {
                FileManager.default.contents(atPath: scratch.file("\(output)/\(definition.name).\($0)"))
            }
        }

        static let quiet = Logger(label: "t") { _ in SwiftLogNoOpLogHandler() }
    }

    /// Runs single, `count` shards and the merge; expects the same bytes and returns the log.
    @discardableResult
    static func expectMergeEqualsSingle(_ setup: Setup, shards count: Int) throws -> [String] {
        let single = setup.single()
        #expect(single.status == .success, "\(single.message ?? "")")
        let (merged, log) = setup.merge(try setup.shards(count))
        #expect(merged.status == .success, "\(merged.message ?? "")")
        let expected = setup.outputs("single")
        #expect(expected.allSatisfy { $0 != nil })
        #expect(setup.outputs("merged") == expected)
        return log
    }

    @Test(arguments: ["bad-boss", "bad-boss-qualtrics", "bad-boss-google-forms", "engagement"])
    func threeShardsOfASampleGiveItsReports(pipeline: String) throws {
        let setup = try Setup(path: DefinitionFiles.packageRoot + "/Pipelines/\(pipeline).yml")
        let log = try Self.expectMergeEqualsSingle(setup, shards: 3)
        // The sample's one file is larger than a third of the bytes, so it was cut in three. The
        // Google Forms export has no id and counts identical rows, which partials do not carry:
        // the merge reads its pieces itself.
        let merged =
            pipeline == "bad-boss-google-forms"
            ? "merged 0 piece(s) from partials, read 3 again" : "merged 3 piece(s) from partials, read 0 again"
        #expect(log.contains { $0.contains(merged) }, "\(log)")
    }

    /// With the history on and no history yet where the shards look, they pass their pieces on
    /// unparsed: holding a night's small changes needs every respondent sketched under the
    /// history's secret, which does not exist before the first night. The merge reads them
    /// itself, and still writes one run's bytes.
    @Test func beforeTheFirstNightTheMergeReadsThePiecesItself() throws {
        let setup = try Setup(path: DefinitionFiles.packageRoot + "/Pipelines/bad-boss.yml", history: true)
        let log = try Self.expectMergeEqualsSingle(setup, shards: 3)
        #expect(log.contains { $0.contains("merged 0 piece(s) from partials, read 3 again") }, "\(log)")
    }

    @Test func duplicatesAcrossShardsKeepTheFirstOccurrence() throws {
        // R5 (shard 1) comes back in shard 2 and R10 (shard 1) in shard 3: both later pieces
        // are read again by the merge, and their repeats rejected naming the first occurrence.
        let export = PartedRunTests.Export.survey(rows: 900) { index, cells in
            if index == 850 { cells[0] = "R10" }
            if index == 400 { cells[0] = "R5" }
        }
        let setup = try Setup(
            inputs: ["in.csv": export.text], definition: PartedRunTests.definition(inputs: ["in.csv"]))
        let log = try Self.expectMergeEqualsSingle(setup, shards: 3)
        #expect(log.contains { $0.contains("merged 1 piece(s) from partials, read 2 again") })
        let rejects = String(decoding: setup.outputs("merged")[2]!, as: UTF8.self)
        #expect(rejects.contains("in.csv,\(export.lines[850]),851,"))
        #expect(rejects.contains("duplicate of record 11 (in.csv:\(export.lines[10]))"))
        #expect(rejects.contains("duplicate of record 6 (in.csv:\(export.lines[5]))"))
    }

    @Test func aRepeatInALaterFileNamesTheMergedFileItRepeats() throws {
        // a.csv is merged from its partial (the merge reads none of it); R5 comes back in b.csv,
        // whose later piece the merge reads: the rejection must name a.csv, not b.csv.
        let first = PartedRunTests.Export.survey(rows: 40)
        let second = PartedRunTests.Export.survey(rows: 900) { index, cells in
            cells[0] = index == 700 ? "R5" : "B\(index)"
        }
        let setup = try Setup(
            inputs: ["a.csv": first.text, "b.csv": second.text],
            definition: PartedRunTests.definition(inputs: ["a.csv", "b.csv"]))
        try Self.expectMergeEqualsSingle(setup, shards: 2)
        let rejects = String(decoding: setup.outputs("merged")[2]!, as: UTF8.self)
        #expect(rejects.contains("duplicate of record 6 (a.csv:\(first.lines[5]))"))
    }

    @Test func wholeFilesAndACutFileSpreadOverShards() throws {
        let big = PartedRunTests.Export.survey(rows: 900).text
        let small = PartedRunTests.Export.survey(rows: 40) { index, cells in cells[0] = "S\(index)" }.text
        let setup = try Setup(
            inputs: ["a.csv": small, "b.csv": big, "c.csv": small.replacingOccurrences(of: "S", with: "T")],
            definition: PartedRunTests.definition(inputs: ["a.csv", "b.csv", "c.csv"]))
        try Self.expectMergeEqualsSingle(setup, shards: 4)
    }

    @Test func aCutInsideAQuotedLineBreakIsReadOnByThePieceBefore() throws {
        // Every record has a two-line comment: about half the cuts fall inside one.
        let export = PartedRunTests.Export.survey(rows: 400) { _, _ in }
        let text = export.text.replacingOccurrences(of: ",fine\n", with: ",\"one\ntwo\"\n")
        let setup = try Setup(inputs: ["in.csv": text], definition: PartedRunTests.definition(inputs: ["in.csv"]))
        var overran = 0
        for count in 2...6 {
            try Self.expectMergeEqualsSingle(setup, shards: count)
            for index in 1...count {
                let bytes = Array(FileManager.default.contents(atPath: setup.scratch.file("shard-\(index).partial"))!)
                let partial = try PartialFile.partial(from: bytes, name: "p")
                overran += partial.pieces.filter { !$0.endedAtCut }.count
            }
        }
        #expect(overran > 0)
    }

    @Test func aShardWritesAnOwnerOnlyPartialAndNothingElse() throws {
        let setup = try Setup(
            inputs: ["in.csv": PartedRunTests.Export.survey(rows: 50).text],
            definition: PartedRunTests.definition(inputs: ["in.csv"]))
        let paths = try setup.shards(2)
        #expect(paths.allSatisfy { permissionBits($0) == 0o600 })
        #expect(!FileManager.default.fileExists(atPath: setup.scratch.file("unused")))
    }
}
