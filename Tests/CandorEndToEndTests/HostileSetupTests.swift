import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Set-ups a hostile or unlucky night brings (issue 22): a name that climbs out of the output
/// folder, a planted symbolic link, a batch whose pipelines share a folder, a header that names
/// two columns alike.
@Suite struct HostileSetupTests {
    @Test func aNameThatLeavesTheOutputFolderExits78AndWritesNothing() throws {
        let workspace = try Workspace()
        try workspace.edit(
            "Pipelines/bad-boss.yml", replacing: "\nname: bad-boss\n", with: "\nname: ../../victim/owned\n")
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(result.status == 78)
        // Line 3 is the name; its value starts in column 7.
        #expect(
            result.stderrLines == [
                "candor: error: Pipelines/bad-boss.yml:3:7: name '../../victim/owned' cannot be used: it names the report files, so it may hold only letters, digits, '.', '_' and '-' and must not start with a dot; did you mean 'victim-owned'?"
            ])
        #expect(!FileFacts.exists(workspace.path("Reports")))
        #expect(!FileFacts.exists(workspace.path("victim")))
    }

    /// Two pipelines with one output folder, run with `--jobs 2`: before, each locked the other
    /// out (exit 75, five times in five). Five rounds, each of which must succeed.
    @Test func pipelinesSharingAFolderRunSideBySideWithoutLockingEachOtherOut() throws {
        let workspace = try Workspace()
        let text = try String(contentsOfFile: workspace.path("Pipelines/bad-boss.yml"), encoding: .utf8)
        try workspace.write(
            "Pipelines/twin.yml", text.replacingOccurrences(of: "\nname: bad-boss\n", with: "\nname: twin\n"))
        for round in 1...5 {
            let result = try workspace.candor("run", "Pipelines/bad-boss.yml", "Pipelines/twin.yml", "--jobs", "2")
            #expect(result.status == 0, "round \(round): \(result.stderr)")
            #expect(result.stderr == "")
        }
        #expect(
            FileFacts.entries(workspace.reports()) == [
                ".candor.lock", "bad-boss.csv", "bad-boss.html", "bad-boss.json", "bad-boss.md", "bad-boss.rejects.csv",
                "bad-boss.xlsx", "history.sqlite", "runs.jsonl", "twin.csv", "twin.html", "twin.json", "twin.md",
                "twin.rejects.csv", "twin.xlsx",
            ])
        #expect(FileFacts.jsonLines(workspace.reports() + "/runs.jsonl").count == 10)
    }

    @Test func aRunLogPlantedAsASymbolicLinkIsRefusedAndItsTargetNeverMade() throws {
        let workspace = try Workspace()
        try workspace.makeFolder("Reports/bad-boss")
        let target = workspace.path("victim/runs.jsonl")
        #expect(symlink(target, workspace.reports() + "/runs.jsonl") == 0)
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(result.status == 73)
        let reason = "it is a symbolic link, and candor does not follow links in an output folder; remove the link"
        // One line: no second warning that the failure could not be logged through the link.
        #expect(
            result.stderrLines == [
                "candor: error: bad-boss: cannot create \(workspace.reports())/runs.jsonl: \(reason)"
            ])
        #expect(!FileFacts.exists(workspace.path("victim")))
        #expect(!FileFacts.exists(workspace.reports() + "/bad-boss.md"))
    }

    @Test func aLockFilePlantedAsASymbolicLinkIsRefusedAndItsTargetNeverMade() throws {
        let workspace = try Workspace()
        try workspace.makeFolder("Reports/bad-boss")
        let target = workspace.path("victim/lock")
        #expect(symlink(target, workspace.reports() + "/.candor.lock") == 0)
        let result = try workspace.candor("run", "Pipelines/bad-boss.yml")
        #expect(result.status == 73)
        #expect(
            result.stderrLines.first
                == "candor: error: bad-boss: cannot lock \(workspace.reports())/.candor.lock: it is a symbolic link, and candor does not follow links in an output folder; remove the link"
        )
        #expect(!FileFacts.exists(workspace.path("victim")))
    }

    @Test func inspectWarnsOfARepeatedHeaderAndARunMappingItExits78() throws {
        let workspace = try Workspace()
        try workspace.write("SampleData/dup.csv", "id,team,score,team\n1,a,3,b\n")
        let inspect = try workspace.candor("inspect", "SampleData/dup.csv")
        #expect(inspect.status == 0)
        #expect(
            inspect.stdout.contains(
                "\n  warning       columns 2, 4 share the name 'team'; a pipeline that maps 'team' by name is refused\n"
            ))
        let json = try workspace.candor("inspect", "--json", "SampleData/dup.csv")
        #expect(json.stdout.contains(#""duplicateColumns":[{"columns":[2,4],"name":"team"}]"#))

        try workspace.write(
            "Pipelines/dup.yml",
            "version: 1\nname: dup\ninputs: [../SampleData/dup.csv]\nfields:\n  - {name: id, type: id, column: id}\n  - {name: team, type: category, column: team}\n"
        )
        let validate = try workspace.candor("validate", "Pipelines/dup.yml", "--input", "SampleData/dup.csv")
        #expect(validate.status == 78)
        #expect(
            validate.stderrLines == [
                "candor: error: dup: SampleData/dup.csv: field 'team' maps to column 'team', which the header has twice (columns 2 and 4); rename one of them in the input, or map the field by a column id that tells them apart"
            ])
    }
}
