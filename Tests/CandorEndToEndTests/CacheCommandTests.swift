import Foundation
import Testing

/// `output.cache: true` on the built binary, on the engagement sample: `--verbose` says what
/// came from the cache, and `candor forget` deletes the entry holding the respondent
/// (R_wGQxH2EZJQgxpEz, whose record at line 305 of SampleData/engagement.csv is rejected).
@Suite struct CacheCommandTests {
    static func cachedWorkspace() throws -> Workspace {
        let workspace = try Workspace(pipelines: ["engagement"])
        // With the history on, the cache is not used (holding needs every respondent sketched).
        try workspace.edit(
            "Pipelines/engagement.yml", replacing: "output:\n", with: "output:\n  cache: true\n  history: false\n")
        return workspace
    }

    @Test func theVerboseSummarySaysWhatCameFromTheCache() throws {
        let workspace = try Self.cachedWorkspace()
        let first = try workspace.candor("run", "Pipelines/engagement.yml", "--verbose")
        #expect(first.status == 0)
        #expect(first.stdoutLines.count == 1)
        #expect(first.stdoutLines.first?.hasSuffix(" s; 1 input parsed, 0 from the cache") == true)
        let second = try workspace.candor("run", "Pipelines/engagement.yml", "--verbose", "--log-format", "json")
        #expect(second.status == 0)
        let object = try #require(
            try JSONSerialization.jsonObject(with: Data(second.stdoutLines[0].utf8)) as? [String: Any])
        let cache = try #require(object["cache"] as? [String: Any])
        #expect(cache["parsed"] as? Int == 0)
        #expect(cache["from_cache"] as? Int == 1)
        #expect(cache["read_again"] as? Int == 0)
        #expect((cache["notes"] as? [String])?.isEmpty == true)
    }

    @Test func forgetDeletesTheCacheEntryAndTheNextRunParsesTheInputAgain() throws {
        let workspace = try Self.cachedWorkspace()
        #expect(try workspace.candor("run", "Pipelines/engagement.yml").status == 0)
        let folder = workspace.reports("engagement") + "/.candor-cache/engagement"
        let entries = FileFacts.entries(folder)
        #expect(entries.count == 1)

        let forgot = try workspace.candor("forget", "Pipelines/engagement.yml", "--respondent", "R_wGQxH2EZJQgxpEz")
        #expect(forgot.status == 0)
        #expect(
            forgot.stdoutLines == [
                "removed 1 row(s) from \(workspace.reports("engagement"))/engagement.rejects.csv",
                "removed cache entry \(folder)/\(entries[0]), which held the respondent; the next run parses ../SampleData/engagement.csv again",
            ])
        #expect(FileFacts.entries(folder).isEmpty)
        let again = try workspace.candor("run", "Pipelines/engagement.yml", "--verbose")
        #expect(again.stdoutLines.first?.hasSuffix(" s; 1 input parsed, 0 from the cache") == true)
    }
}
