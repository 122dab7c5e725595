import Foundation
import Testing

/// `candor forget` on the built binary, on the engagement sample: its rejects file holds
/// R_wGQxH2EZJQgxpEz's record (line 305 of SampleData/engagement.csv, eNPS "eleven").
@Suite struct ForgetCommandTests {
    @Test func forgetRemovesTheRespondentAndSaysSo() throws {
        let workspace = try Workspace(pipelines: ["engagement"])
        #expect(try workspace.candor("run", "Pipelines/engagement.yml").status == 0)
        let rejects = workspace.reports("engagement") + "/engagement.rejects.csv"
        let before = String(decoding: try #require(FileFacts.bytes(rejects)), as: UTF8.self)
        #expect(before.contains("R_wGQxH2EZJQgxpEz"))

        let forgot = try workspace.candor("forget", "Pipelines/engagement.yml", "--respondent", "R_wGQxH2EZJQgxpEz")
        #expect(forgot.status == 0)
        #expect(forgot.stdout == "removed 1 row(s) from \(rejects)\n")
        let after = String(decoding: try #require(FileFacts.bytes(rejects)), as: UTF8.self)
        #expect(!after.contains("R_wGQxH2EZJQgxpEz"))
        // Every other row is kept as it was: the file lost exactly the lines naming the id.
        let kept = before.components(separatedBy: "\r\n").filter { !$0.contains("R_wGQxH2EZJQgxpEz") }
        #expect(after == kept.joined(separator: "\r\n"))
        #expect(FileFacts.mode(rejects).map { $0 & 0o777 } == 0o600)

        let again = try workspace.candor("forget", "Pipelines/engagement.yml", "--respondent", "R_wGQxH2EZJQgxpEz")
        #expect(again.status == 0)
        #expect(
            again.stdout == "nothing in \(workspace.reports("engagement")) held respondent R_wGQxH2EZJQgxpEz\n")
    }

    @Test func forgetNeedsTheRespondent() throws {
        let workspace = try Workspace(pipelines: ["engagement"])
        #expect(try workspace.candor("forget", "Pipelines/engagement.yml").status == 64)
    }
}
