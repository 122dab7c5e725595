import Foundation
import Testing

/// Issue 20, installation: `scripts/install PREFIX` puts candor in PREFIX/bin with completions
/// for bash, zsh and fish and the man page. The release build it normally makes takes minutes,
/// so the test installs the debug binary through `CANDOR_BINARY`, into a temporary prefix.
@Suite struct InstallScriptTests {
    @Test func installPutsTheBinaryCompletionsAndManPageUnderThePrefix() throws {
        let workspace = try Workspace()
        let prefix = workspace.path("prefix")
        let script = CandorProcess.packageRoot.appendingPathComponent("scripts/install").path
        let result = try CandorProcess.runShell(
            "PATH=/usr/bin:/bin CANDOR_BINARY=\"$CANDOR\" '\(script)' '\(prefix)'", in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdoutLines.first?.hasPrefix("installed \(prefix)/bin/candor (") == true)
        #expect(
            result.stdoutLines.last == "note: \(prefix)/bin is not on your PATH; add it, or run \(prefix)/bin/candor")
        #expect(FileFacts.mode(prefix + "/bin/candor") == 0o755)
        let completions = [
            "share/bash-completion/completions/candor", "share/zsh/site-functions/_candor",
            "share/fish/vendor_completions.d/candor.fish",
        ]
        for file in completions {
            let text = try String(contentsOfFile: prefix + "/" + file, encoding: .utf8)
            // Each completes the subcommands.
            #expect(text.contains("validate") && text.contains("inspect"), "\(file)")
        }
        #expect(
            try String(contentsOfFile: prefix + "/share/zsh/site-functions/_candor", encoding: .utf8).hasPrefix(
                "#compdef candor"))
        let manual = try String(contentsOfFile: prefix + "/share/man/man1/candor.1", encoding: .utf8)
        #expect(manual.contains(".Dt CANDOR 1"))
        let version = try CandorProcess.runShell("'\(prefix)/bin/candor' --version", in: workspace.root)
        #expect(version.status == 0)
    }

    /// The man page lists every subcommand and exit code (regenerate it with
    /// scripts/update-man-page when the help changes).
    @Test func theManPageCoversEveryCommand() throws {
        let manual = try String(
            contentsOf: CandorProcess.packageRoot.appendingPathComponent("Docs/candor.1"), encoding: .utf8)
        for command in ["run", "validate", "inspect", "init", "sample", "forget"] {
            #expect(manual.contains(".It Em \(command)"), "\(command)")
        }
        for code in ["0", "64", "65", "66", "70", "73", "75", "78"] {
            #expect(
                manual.contains("\n" + String(repeating: " ", count: max(0, 3 - code.count)) + code + "  "), "\(code)")
        }
    }
}
