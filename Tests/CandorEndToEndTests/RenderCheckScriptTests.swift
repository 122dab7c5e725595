import Foundation
import Testing

/// `scripts/render-check` where Chromium is missing: it must skip, say why, and not fail the run
/// (`scripts/test` calls it on machines that may not have Chromium).
@Suite struct RenderCheckScriptTests {
    @Test func withoutChromiumItSkipsWithAReason() throws {
        let workspace = try Workspace()
        let script = CandorProcess.packageRoot.appendingPathComponent("scripts/render-check").path
        // An empty PATH: `command -v` finds no chromium (bash's builtins still work).
        let result = try CandorProcess.runShell("PATH=/nonexistent exec /bin/bash '\(script)'", in: workspace.root)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == "render-check: skipped: no chromium on PATH (scripts/ensure-deps --test installs it)\n")
    }
}
