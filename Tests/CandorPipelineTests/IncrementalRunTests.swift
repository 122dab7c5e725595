import CandorPipeline
import Foundation
import Logging
import Testing

/// `output.cache: true`: a nightly drop folder's runs parse only new or changed files, and every
/// output file (reports in every format, rejects) is byte for byte what a run without the cache
/// writes over the same files. The full run is the oracle: it reads every file in one pass,
/// never through a partial or the merge.
@Suite("Incremental runs")
struct IncrementalRunTests {
    /// A drop folder, a definition reading `drop/*.csv` with the cache on, and its runs.
    struct Drop {
        let scratch = ScratchFolder()
        /// The definition as loaded (cache on); `full` runs a copy with the cache off, so both
        /// carry the same definition SHA-256.
        var definition: PipelineDefinition
        private var fullRuns = 0

        /// The drop folder and `nightly.yml` (`text`, by default `Drop.text`).
        init(text: String = Drop.text) throws {
            try FileManager.default.createDirectory(
                atPath: scratch.file("drop"), withIntermediateDirectories: true)
            scratch.create("nightly.yml", text)
            definition = try DefinitionLoader.load(path: scratch.file("nightly.yml"))
        }

        /// Loads `path` (a sample pipeline) with the cache on and no history (a history would
        /// make the cached folder's second run differ from a fresh folder's first).
        init(path: String) throws {
            definition = try DefinitionLoader.load(path: path)
            definition.cache = true
            definition.history.location = .off
        }

        static let text = """
            version: 1
            name: nightly
            inputs: ["drop/*.csv"]
            output: {directory: out, cache: true, history: false, max_reject_share: 0.5, formats: [markdown, json, html, csv]}
            privacy: {min_group_size: 1, allow_small_groups: true}
            scales:
              agree5: {labels: [Strongly disagree, Disagree, Neutral, Agree, Strongly agree], favourable: [4, 5]}
            fields:
              - {name: id, type: id, column: id}
              - {name: dept, type: category, column: dept}
              - {name: manager, type: category, column: manager}
              - {name: q1, type: likert, column: q1, scale: agree5, required: true}
              - {name: q2, type: likert, column: q2, scale: agree5}
              - {name: score, type: integer, column: score, min: 0, max: 10}
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

        /// Writes `text` as `drop/NAME`.
        func put(_ name: String, _ text: String) { scratch.create("drop/" + name, text) }

        /// Deletes `drop/NAME`.
        func remove(_ name: String) { try? FileManager.default.removeItem(atPath: scratch.file("drop/" + name)) }

        /// A run with the cache into `out`.
        func cached(_ request: (inout RunRequest) -> Void = { _ in }) -> RunOutcome {
            var run = RunRequest(definition: definition, outputOverride: scratch.file("out"))
            request(&run)
            return PipelineRunner.run(run, logger: Self.quiet)
        }

        /// A run without the cache into a fresh folder; the folder's name.
        mutating func full(_ request: (inout RunRequest) -> Void = { _ in }) -> String {
            fullRuns += 1
            var uncached = definition
            uncached.cache = false
            var run = RunRequest(definition: uncached, outputOverride: scratch.file("full-\(fullRuns)"))
            request(&run)
            let outcome = PipelineRunner.run(run, logger: Self.quiet)
            #expect(outcome.status == .success, "\(outcome.message ?? "")")
            #expect(outcome.cache == nil)
            return "full-\(fullRuns)"
        }

        /// The pipeline's files in `folder` (reports in every format, rejects), by name.
        func outputs(_ folder: String) -> [String: Data] {
            var files: [String: Data] = [:]
            for name in (try? FileManager.default.contentsOfDirectory(atPath: scratch.file(folder))) ?? []
            where name.hasPrefix(definition.name + ".") {
                files[name] = FileManager.default.contents(atPath: scratch.file(folder + "/" + name))
            }
            return files
        }

        /// The cache folder's entries.
        var entries: [String] {
            ((try? FileManager.default.contentsOfDirectory(atPath: cacheFolder)) ?? []).sorted()
        }

        /// The pipeline's cache folder in `out`.
        var cacheFolder: String { scratch.file("out/.candor-cache/\(definition.name)") }

        /// Runs with the cache, expects what it took from it, then a full run with the same
        /// bytes out; returns the cached run's outcome.
        @discardableResult
        mutating func expectCachedEqualsFull(
            parsed: Int, fromCache: Int, readAgain: Int = 0, sourceLocation: SourceLocation = #_sourceLocation
        ) -> RunOutcome {
            let outcome = cached()
            #expect(outcome.status == .success, "\(outcome.message ?? "")", sourceLocation: sourceLocation)
            #expect(outcome.cache?.parsed == parsed, sourceLocation: sourceLocation)
            #expect(outcome.cache?.fromCache == fromCache, sourceLocation: sourceLocation)
            #expect(outcome.cache?.readAgain == readAgain, sourceLocation: sourceLocation)
            let expected = outputs(full())
            #expect(expected.count >= 2 && expected.values.allSatisfy { !$0.isEmpty }, sourceLocation: sourceLocation)
            #expect(outputs("out") == expected, sourceLocation: sourceLocation)
            return outcome
        }

        static let quiet = Logger(label: "t") { _ in SwiftLogNoOpLogHandler() }
    }

    /// A daily export of `rows` rows whose ids are `PREFIX0`, `PREFIX1`…; one invalid q1 every 97
    /// rows from row 13, a two-line comment every 50 from row 25 (`PartedRunTests.Export`).
    static func day(_ prefix: String, rows: Int = 40, change: (Int, inout [String]) -> Void = { _, _ in })
        -> PartedRunTests.Export
    {
        PartedRunTests.Export.survey(rows: rows) { index, cells in
            cells[0] = "\(prefix)\(index)"
            change(index, &cells)
        }
    }

    @Test func addingChangingAndRemovingFilesEqualsFullRuns() throws {
        var drop = try Drop()
        drop.put("day1.csv", Self.day("A").text)
        drop.put("day2.csv", Self.day("B").text)
        drop.expectCachedEqualsFull(parsed: 2, fromCache: 0)
        #expect(drop.entries.count == 2)

        drop.put("day3.csv", Self.day("C", rows: 120).text)
        drop.expectCachedEqualsFull(parsed: 1, fromCache: 2)
        #expect(drop.entries.count == 3)

        // Changed: new answers and a new department in day 2.
        drop.put("day2.csv", Self.day("B") { index, cells in if index % 3 == 0 { cells[1] = "D9" } }.text)
        drop.expectCachedEqualsFull(parsed: 1, fromCache: 2)
        // The old day 2's entry is pruned: one entry per present input.
        #expect(drop.entries.count == 3)

        drop.remove("day1.csv")
        drop.expectCachedEqualsFull(parsed: 0, fromCache: 2)
        #expect(drop.entries.count == 2)

        // Nothing changed: everything from the cache.
        drop.expectCachedEqualsFull(parsed: 0, fromCache: 2)

        // Renamed, same bytes: its rejected rows name the file, so it is parsed again.
        let day3 = try #require(drop.scratch.read("drop/day3.csv"))
        drop.remove("day3.csv")
        drop.put("day4.csv", day3)
        drop.expectCachedEqualsFull(parsed: 1, fromCache: 1)
        #expect(drop.scratch.read("out/nightly.rejects.csv")?.contains("drop/day4.csv,") == true)
    }

    /// A UTF-16 file (byte-order mark, transcoded before libcsv) is cached whole like any other.
    @Test func aTranscodedFileIsCachedToo() throws {
        var drop = try Drop()
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(Self.day("A").text.data(using: .utf16LittleEndian)!)
        #expect(FileManager.default.createFile(atPath: drop.scratch.file("drop/day1.csv"), contents: utf16))
        drop.put("day2.csv", Self.day("B").text)
        drop.expectCachedEqualsFull(parsed: 2, fromCache: 0)
        drop.expectCachedEqualsFull(parsed: 0, fromCache: 2)
    }

    @Test func idsOverlappingAcrossFilesKeepTheFirstOccurrence() throws {
        var drop = try Drop()
        let first = Self.day("A")
        // Day 2's row 5 repeats A7 (day 1's row 7); day 3's row 30 repeats B12 (day 2's row 12).
        let second = Self.day("B") { index, cells in if index == 5 { cells[0] = "A7" } }
        let third = Self.day("C") { index, cells in if index == 30 { cells[0] = "B12" } }
        drop.put("day1.csv", first.text)
        drop.put("day2.csv", second.text)
        drop.put("day3.csv", third.text)
        // Days 2 and 3 overlap earlier days: the merge reads them again after the days before.
        drop.expectCachedEqualsFull(parsed: 3, fromCache: 0, readAgain: 2)
        let rejects = try #require(drop.scratch.read("out/nightly.rejects.csv"))
        #expect(rejects.contains("drop/day2.csv,\(second.lines[5]),6,"))
        #expect(rejects.contains("duplicate of record 8 (drop/day1.csv:\(first.lines[7]))"))
        #expect(rejects.contains("drop/day3.csv,\(third.lines[30]),31,"))
        #expect(rejects.contains("duplicate of record 13 (drop/day2.csv:\(second.lines[12]))"))

        drop.expectCachedEqualsFull(parsed: 0, fromCache: 3, readAgain: 2)
        // Without day 1, day 2's A7 is no repeat: its entry, made from day 2 alone, still holds
        // it, whatever the merge read again before.
        drop.remove("day1.csv")
        drop.expectCachedEqualsFull(parsed: 0, fromCache: 2, readAgain: 1)
        let after = try #require(drop.scratch.read("out/nightly.rejects.csv"))
        #expect(!after.contains("drop/day2.csv,\(second.lines[5]),6,"))
    }

    @Test(arguments: ["bad-boss", "bad-boss-qualtrics", "bad-boss-google-forms", "engagement"])
    func samplePipelinesWithTheCacheOn(pipeline: String) throws {
        var drop = try Drop(path: DefinitionFiles.packageRoot + "/Pipelines/\(pipeline).yml")
        // The Google Forms export has no id: identical rows are counted, which partials do not
        // carry, so the cache is not used, and the run says why.
        if pipeline == "bad-boss-google-forms" {
            let outcome = drop.expectCachedEqualsFull(parsed: 1, fromCache: 0)
            #expect(outcome.cache?.notes.first?.hasPrefix("cache not used: identical rows are counted") == true)
            #expect(!FileManager.default.fileExists(atPath: drop.cacheFolder))
            return
        }
        drop.expectCachedEqualsFull(parsed: 1, fromCache: 0)
        drop.expectCachedEqualsFull(parsed: 0, fromCache: 1)
        #expect(drop.entries.count == 1)
    }

    /// A dirty generated W1 file cut into daily files at record boundaries (gen_survey.py ends
    /// records with CRLF and writes a comment's line break as a bare LF), then a re-sent export
    /// repeating another day's rows: every night equals a full run.
    @Test(.enabled(if: BenchTools.canGenerate, "python3 or ../shared/bench/gen_survey.py is missing"))
    func aDirtyW1FileInDailyFilesEqualsTheFullRun() throws {
        var drop = try Drop(path: BenchTools.benchW1)
        let generated = try BenchTools.generate(rows: 6_000, in: drop.scratch)
        let text = try String(contentsOfFile: generated, encoding: .utf8)
        var records = text.components(separatedBy: "\r\n")
        #expect(records.removeLast() == "")
        let header = records.removeFirst()
        let days = stride(from: 0, to: records.count, by: 1_200).map { start in
            ([header] + records[start..<min(start + 1_200, records.count)]).joined(separator: "\r\n") + "\r\n"
        }
        #expect(days.count == 5)
        // The re-sent rows below are rejected on top of the dirty ones.
        drop.definition.maxRejectShare = 1
        let folder = drop.scratch.file("drop")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let inputs = { (request: inout RunRequest) in
            request.inputOverride = [folder + "/*.csv"]
            request.addedFormats = [.markdown]
        }
        func night(parsed: Int, fromCache: Int, readAgain: Int = 0) {
            let outcome = drop.cached(inputs)
            #expect(outcome.status == .success, "\(outcome.message ?? "")")
            #expect(outcome.cache?.parsed == parsed && outcome.cache?.fromCache == fromCache)
            #expect(outcome.cache?.readAgain == readAgain)
            let expected = drop.outputs(drop.full(inputs))
            #expect(expected.count == 3)
            #expect(drop.outputs("out") == expected)
        }
        for (number, day) in days.prefix(4).enumerated() { drop.put("day\(number + 1).csv", day) }
        night(parsed: 4, fromCache: 0)
        drop.put("day5.csv", days[4])
        night(parsed: 1, fromCache: 4)
        // Day 2's rows re-sent on day 6: each is rejected, nearly all as repeats of day 2's ids
        // (the rest for day 2's own dirt: a ragged row, a bad value).
        drop.put("day6.csv", days[1])
        night(parsed: 1, fromCache: 5, readAgain: 1)
        let rejects = try #require(drop.scratch.read("out/bench-w1.rejects.csv"))
        let resent = rejects.components(separatedBy: "\r\n").filter { $0.hasPrefix(folder + "/day6.csv,") }
        #expect(resent.count == 1_200)
        #expect(resent.filter { $0.contains(",duplicate_id,") }.count > 1_100)
    }
}
