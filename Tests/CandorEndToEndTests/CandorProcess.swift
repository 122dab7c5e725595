import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// What one finished `candor` process did.
struct CandorResult {
    /// The exit status (or 128 + signal number if a signal ended it).
    var status: Int32
    /// Everything written to stdout.
    var stdout: String
    /// Everything written to stderr.
    var stderr: String

    /// stderr split into lines, without the final empty one.
    var stderrLines: [String] { Self.lines(stderr) }
    /// stdout split into lines, without the final empty one.
    var stdoutLines: [String] { Self.lines(stdout) }

    private static func lines(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        if lines.last == "" { lines.removeLast() }
        return lines
    }
}

/// Runs the built `candor` binary the way cron does: a controlled (by default empty)
/// environment, stdin from `/dev/null`, stdout and stderr captured to files (not a terminal).
///
/// The binary is the one `swift build --product candor` leaves in `.build/debug/`, or the one
/// `CANDOR_TEST_BINARY` names (`scripts/sanitize` points it at a sanitized build); the tests do
/// not build it, so `scripts/test` builds it first.
enum CandorProcess {
    /// The package's root folder, three levels above this file.
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// `CANDOR_TEST_BINARY`, else `.build/debug/candor` under the package root.
    static let binaryPath: String =
        ProcessInfo.processInfo.environment["CANDOR_TEST_BINARY"]
        ?? packageRoot.appendingPathComponent(".build/debug/candor").path

    /// The sanitizer settings of the test process (`scripts/sanitize` sets them), passed on so
    /// that a sanitized binary reads the same suppressions.
    static let sanitizerOptions: [String: String] = ProcessInfo.processInfo.environment.filter {
        ["ASAN_OPTIONS", "LSAN_OPTIONS", "TSAN_OPTIONS"].contains($0.key)
    }

    /// Fails the test with instructions when the binary has not been built.
    static func requireBinary() throws {
        try #require(
            FileManager.default.isExecutableFile(atPath: binaryPath),
            "\(binaryPath) is missing: run `swift build --product candor` first (scripts/test does)")
    }

    /// A started process with its output files, which are removed when the value is dropped
    /// (also when a test fails or throws before `finish`).
    final class Running {
        let process: Process
        let stdoutPath: String
        let stderrPath: String

        init(process: Process, stdoutPath: String, stderrPath: String) {
            self.process = process
            self.stdoutPath = stdoutPath
            self.stderrPath = stderrPath
        }

        deinit {
            try? FileManager.default.removeItem(atPath: stdoutPath)
            try? FileManager.default.removeItem(atPath: stderrPath)
        }

        /// The process id.
        var pid: Int32 { process.processIdentifier }

        /// Waits for the process (at most `limit` seconds, then kills it and fails the test).
        func finish(limit: Double = 60) -> CandorResult {
            let deadline = Date().addingTimeInterval(limit)
            while process.isRunning && Date() < deadline { usleep(10_000) }
            if process.isRunning {
                Issue.record("candor did not finish within \(limit) s; killed")
                kill(pid, SIGKILL)
            }
            process.waitUntilExit()
            let status =
                process.terminationReason == .uncaughtSignal
                ? 128 + process.terminationStatus : process.terminationStatus
            let out = (try? String(contentsOfFile: stdoutPath, encoding: .utf8)) ?? ""
            let err = (try? String(contentsOfFile: stderrPath, encoding: .utf8)) ?? ""
            return CandorResult(status: status, stdout: out, stderr: err)
        }
    }

    /// Starts `executable` (the candor binary unless given) with `arguments` in `folder`.
    static func start(
        _ arguments: [String], in folder: String, environment: [String: String] = [:], executable: String? = nil
    ) throws -> Running {
        try requireBinary()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable ?? binaryPath)
        process.arguments = arguments
        process.environment = environment.merging(sanitizerOptions) { given, _ in given }
        process.currentDirectoryURL = URL(fileURLWithPath: folder)
        // Captured outside `folder`, so listing an output folder never sees them.
        // Owned by `running` before they exist, so a throw below still removes them.
        let stem = NSTemporaryDirectory() + "candor-e2e-\(UUID().uuidString)"
        let running = Running(process: process, stdoutPath: stem + ".out", stderrPath: stem + ".err")
        _ = FileManager.default.createFile(atPath: running.stdoutPath, contents: nil)
        _ = FileManager.default.createFile(atPath: running.stderrPath, contents: nil)
        process.standardInput = try FileHandle(forReadingFrom: URL(fileURLWithPath: "/dev/null"))
        process.standardOutput = try FileHandle(forWritingTo: URL(fileURLWithPath: running.stdoutPath))
        process.standardError = try FileHandle(forWritingTo: URL(fileURLWithPath: running.stderrPath))
        try process.run()
        return running
    }

    /// Runs candor to completion.
    static func run(_ arguments: [String], in folder: String, environment: [String: String] = [:]) throws
        -> CandorResult
    {
        try start(arguments, in: folder, environment: environment).finish()
    }

    /// Runs candor through `/bin/sh -c SCRIPT`, where the script refers to the binary as `"$CANDOR"`;
    /// for resource limits (`ulimit`) and redirections the `Process` API cannot express.
    static func runShell(_ script: String, in folder: String) throws -> CandorResult {
        try start(["-c", script], in: folder, environment: ["CANDOR": binaryPath], executable: "/bin/sh").finish()
    }
}
