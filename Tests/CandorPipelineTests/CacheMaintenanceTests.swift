import CandorPipeline
import Foundation
import Logging
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// `output.cache`'s upkeep: corrupt entries parsed again, permissions, pruning, failed runs,
/// pipelines that cannot use it, and erasure (`candor forget`, `output.retain`).
@Suite("Cache upkeep")
struct CacheMaintenanceTests {
    typealias Drop = IncrementalRunTests.Drop

    /// Two daily files, run once with the cache; the drop and its two entries' paths.
    static func primed() throws -> (drop: Drop, entries: [String]) {
        let drop = try Drop()
        drop.put("day1.csv", IncrementalRunTests.day("A").text)
        drop.put("day2.csv", IncrementalRunTests.day("B").text)
        let outcome = drop.cached()
        #expect(outcome.status == .success && outcome.cache?.parsed == 2)
        return (drop, drop.entries.map { drop.cacheFolder + "/" + $0 })
    }

    @Test(arguments: ["flip", "truncate", "garbage", "empty"])
    func aCorruptEntryIsParsedAgainAndReplaced(damage: String) throws {
        var (drop, entries) = try Self.primed()
        let victim = entries[0]
        var bytes = Array(try #require(FileManager.default.contents(atPath: victim)))
        switch damage {
        case "flip": bytes[bytes.count / 2] ^= 0x01
        case "truncate": bytes.removeLast(bytes.count / 3)
        case "garbage": bytes = Array("not a partial at all".utf8)
        default: bytes = []
        }
        #expect(FileManager.default.createFile(atPath: victim, contents: Data(bytes)))
        let outcome = drop.expectCachedEqualsFull(parsed: 1, fromCache: 1)
        let notes = outcome.cache?.notes ?? []
        #expect(notes.count == 1)
        #expect(
            notes.first?.hasSuffix("its cache entry could not be used (corrupt or truncated); parsed again") == true)
        // Replaced under the same key: the next run takes both from the cache.
        #expect(drop.entries.map { drop.cacheFolder + "/" + $0 } == entries)
        drop.expectCachedEqualsFull(parsed: 0, fromCache: 2)
    }

    @Test func theCacheIsOwnerOnly() throws {
        let (drop, entries) = try Self.primed()
        #expect(permissionBits(drop.scratch.file("out/.candor-cache")) == 0o700)
        #expect(permissionBits(drop.cacheFolder) == 0o700)
        #expect(entries.count == 2)
        #expect(entries.allSatisfy { permissionBits($0) == 0o600 })
    }

    @Test func aSuccessfulRunKeepsOnlyThePresentInputsEntries() throws {
        var (drop, _) = try Self.primed()
        // A killed run's temporary file and a stray entry are pruned; another pipeline's folder stays.
        FileManager.default.createFile(atPath: drop.cacheFolder + "/.x.partial.tmp-1-abc", contents: Data("x".utf8))
        FileManager.default.createFile(atPath: drop.cacheFolder + "/stray.partial", contents: Data("x".utf8))
        try FileManager.default.createDirectory(
            atPath: drop.scratch.file("out/.candor-cache/other"), withIntermediateDirectories: true)
        drop.expectCachedEqualsFull(parsed: 0, fromCache: 2)
        #expect(drop.entries.count == 2 && drop.entries.allSatisfy { !$0.hasPrefix(".") && $0 != "stray.partial" })
        #expect(FileManager.default.fileExists(atPath: drop.scratch.file("out/.candor-cache/other")))

        // Cache turned off: a successful run removes the pipeline's cache.
        drop.definition.cache = false
        #expect(drop.cached().status == .success)
        #expect(!FileManager.default.fileExists(atPath: drop.cacheFolder))
    }

    @Test func aFailedRunLeavesTheCacheValid() throws {
        var (drop, entries) = try Self.primed()
        // Day 3 has a bad header (no id column): the run fails with 78 after hashing it.
        drop.put("day3.csv", "who,dept\nx,y\n")
        let failed = drop.cached()
        #expect(failed.status == .configuration)
        #expect(drop.entries.map { drop.cacheFolder + "/" + $0 } == entries)
        drop.put("day3.csv", IncrementalRunTests.day("C").text)
        drop.expectCachedEqualsFull(parsed: 1, fromCache: 2)
    }

    /// Entries hold people's answers: a cache folder that is a symbolic link is neither
    /// written through nor pruned through; the run goes on without the cache and says so.
    @Test func aSymbolicLinkInTheCachesPlaceIsNotFollowed() throws {
        var drop = try Drop()
        drop.put("day1.csv", IncrementalRunTests.day("A").text)
        let elsewhere = drop.scratch.file("elsewhere")
        try FileManager.default.createDirectory(atPath: elsewhere + "/nightly", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: elsewhere + "/nightly/keep.partial", contents: Data("x".utf8))
        try FileManager.default.createDirectory(atPath: drop.scratch.file("out"), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            atPath: drop.scratch.file("out/.candor-cache"), withDestinationPath: elsewhere)
        let outcome = drop.expectCachedEqualsFull(parsed: 1, fromCache: 0)
        #expect(
            outcome.cache?.notes == [
                "cache not used: \(drop.scratch.file("out/.candor-cache")) is not a folder (a symbolic link or a file); every input parsed"
            ])
        #expect((try? FileManager.default.contentsOfDirectory(atPath: elsewhere + "/nightly")) == ["keep.partial"])
    }

    @Test func aWeightedPipelineRunsWithoutTheCacheAndSaysWhy() throws {
        var drop = try Drop(
            text: Drop.text.replacingOccurrences(
                of: "  - {name: score,", with: "  - {name: w, type: number, column: score}\n  - {name: score,")
                + "weight: w\n")
        drop.put("day1.csv", IncrementalRunTests.day("A").text)
        let outcome = drop.expectCachedEqualsFull(parsed: 1, fromCache: 0)
        #expect(
            outcome.cache?.notes == [
                "cache not used: a weighted pipeline's sums of weights do not merge exactly; every input parsed"
            ])
        #expect(!FileManager.default.fileExists(atPath: drop.scratch.file("out/.candor-cache/nightly")))
    }

    /// With the history on, each night's run must sketch every respondent to hold a change of
    /// one or two people (Docs/PIPELINE.md, "Nightly runs of an open wave"): cached entries
    /// carry their cell sketches, so a cached night holds as a full one does. Night 1: 40
    /// respondents (one invalid q1 rejected: 39 accepted); night 2 adds 2 in a new file, under a
    /// threshold of 5, so the overall n stays 39 and the report says it is held.
    @Test func withTheHistoryOnCachedNightsHoldASmallChange() throws {
        var drop = try Drop(
            text: Drop.text.replacingOccurrences(of: "history: false, ", with: "").replacingOccurrences(
                of: "privacy: {min_group_size: 1, allow_small_groups: true}", with: "privacy: {min_group_size: 5}"))
        drop.put("day1.csv", IncrementalRunTests.day("A").text)
        drop.expectCachedEqualsFull(parsed: 1, fromCache: 0)
        let report = { () throws -> [String: Any] in
            let data = try #require(FileManager.default.contents(atPath: drop.scratch.file("out/nightly.json")))
            return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        }
        let n = { (json: [String: Any]) in
            (json["metrics"] as? [[String: Any]])?.first { $0["id"] as? String == "nps" }?["n"] as? Int
        }
        let first = try report()
        #expect(n(first) == 39)
        #expect(first["holds"] == nil)

        drop.put("day2.csv", IncrementalRunTests.day("B", rows: 2).text)
        let outcome = drop.cached()
        #expect(outcome.status == .success, "\(outcome.message ?? "")")
        #expect(outcome.cache?.parsed == 1 && outcome.cache?.fromCache == 1)
        let second = try report()
        #expect(n(second) == 39)
        #expect(second["holds"] != nil)
    }

    /// R7 is accepted in day 1 and rejected (score 11) in day 2's row 3; day 3 never saw them.
    /// A shard partial of days 1–3 in the output folder holds R7 too; one of day 3 alone does not.
    @Test func forgetDeletesTheEntriesAndPartialsHoldingTheRespondent() throws {
        let drop = try Drop()
        drop.put("day1.csv", IncrementalRunTests.day("A") { index, cells in if index == 2 { cells[0] = "R7" } }.text)
        drop.put(
            "day2.csv",
            IncrementalRunTests.day("B") { index, cells in if index == 3 { (cells[0], cells[5]) = ("R7", "11") } }.text)
        drop.put("day3.csv", IncrementalRunTests.day("C").text)
        #expect(drop.cached().cache?.parsed == 3)
        let entries = drop.entries
        let out = drop.scratch.file("out")
        let request = RunRequest(definition: drop.definition, outputOverride: out)
        _ = try ShardRun.run(
            request, shard: ShardSpec(index: 1, count: 1), partialPath: out + "/all.partial", logger: Drop.quiet)
        drop.remove("day1.csv")
        drop.remove("day2.csv")
        _ = try ShardRun.run(
            request, shard: ShardSpec(index: 1, count: 1), partialPath: out + "/c.partial", logger: Drop.quiet)

        let outcome = try RespondentErasure.forget("R7", definition: drop.definition, outputDirectory: out)
        #expect(outcome.removedCacheEntries.values.sorted() == ["drop/day1.csv", "drop/day2.csv"])
        #expect(outcome.removedPartials == [out + "/all.partial"])
        #expect(drop.entries.count == 1 && entries.contains(drop.entries[0]))
        #expect(FileManager.default.fileExists(atPath: out + "/c.partial"))
        #expect(
            outcome.lines.contains("removed partial \(out)/all.partial, which held the respondent; run its shard again")
        )
        #expect(
            outcome.lines.contains {
                $0.hasPrefix("removed cache entry \(drop.cacheFolder)/")
                    && $0.hasSuffix("the next run parses drop/day2.csv again")
            })
        let again = try RespondentErasure.forget("R7", definition: drop.definition, outputDirectory: out)
        #expect(again.removedCacheEntries.isEmpty && again.removedPartials.isEmpty)
    }

    /// `retain: 7`: entries written ten days ago go after the run that used them, in every
    /// pipeline's cache folder; the next run parses those inputs again.
    @Test func retainPrunesOldEntries() throws {
        var drop = try Drop(text: Drop.text.replacingOccurrences(of: "cache: true,", with: "cache: true, retain: 7,"))
        #expect(drop.definition.retainDays == 7)
        drop.put("day1.csv", IncrementalRunTests.day("A").text)
        drop.put("day2.csv", IncrementalRunTests.day("B").text)
        drop.expectCachedEqualsFull(parsed: 2, fromCache: 0)
        #expect(drop.entries.count == 2)
        let old = Date().addingTimeInterval(-10 * 86_400)
        let other = drop.scratch.file("out/.candor-cache/renamed")
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: other + "/x.partial", contents: Data("x".utf8))
        for path in drop.entries.prefix(1).map({ drop.cacheFolder + "/" + $0 }) + [other + "/x.partial"] {
            try FileManager.default.setAttributes([.modificationDate: old], ofItemAtPath: path)
        }
        // The old entry is used, then pruned; the fresh one stays.
        drop.expectCachedEqualsFull(parsed: 0, fromCache: 2)
        #expect(drop.entries.count == 1)
        #expect(!FileManager.default.fileExists(atPath: other + "/x.partial"))
        drop.expectCachedEqualsFull(parsed: 1, fromCache: 1)
    }
}
