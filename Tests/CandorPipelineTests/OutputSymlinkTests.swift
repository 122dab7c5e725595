import Foundation
import Testing

@testable import CandorPipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A symbolic link planted in an output folder in place of the run log or the lock file is
/// refused, never followed (issue 22, defect 8).
@Suite struct OutputSymlinkTests {
    static let reason = "it is a symbolic link, and candor does not follow links in an output folder; remove the link"

    /// Whether anything, even a dangling link, is at `path`.
    static func exists(_ path: String) -> Bool {
        var info = stat()
        return lstat(path, &info) == 0
    }

    @Test func aLinkedRunLogToAMissingFileIsRefusedAndNothingIsCreated() throws {
        let output = ScratchFolder()
        let elsewhere = ScratchFolder()
        let target = elsewhere.file("victim.jsonl")
        #expect(symlink(target, output.file("runs.jsonl")) == 0)
        let log = RunLog(directory: output.path)
        #expect(throws: OutputError.cannotCreate(path: output.file("runs.jsonl"), reason: Self.reason)) {
            try log.append(RunLogTests.entry())
        }
        #expect(!Self.exists(target))
    }

    @Test func aLinkedRunLogToAnExistingFileLeavesTheFileAsItWas() throws {
        let output = ScratchFolder()
        let elsewhere = ScratchFolder()
        elsewhere.create("victim.jsonl", "precious\n")
        #expect(symlink(elsewhere.file("victim.jsonl"), output.file("runs.jsonl")) == 0)
        let log = RunLog(directory: output.path)
        #expect(throws: OutputError.cannotCreate(path: output.file("runs.jsonl"), reason: Self.reason)) {
            try log.append(RunLogTests.entry())
        }
        #expect(throws: OutputError.cannotRead(path: output.file("runs.jsonl"), reason: Self.reason)) {
            _ = try log.entries()
        }
        #expect(elsewhere.read("victim.jsonl") == "precious\n")
    }

    @Test func aLinkedLockFileIsRefusedAndNothingIsCreated() throws {
        let output = ScratchFolder()
        let elsewhere = ScratchFolder()
        let target = elsewhere.file("victim.lock")
        #expect(symlink(target, output.file(".candor.lock")) == 0)
        let lock = OutputLock(directory: output.path)
        #expect(throws: OutputError.cannotLock(path: output.file(".candor.lock"), reason: Self.reason)) {
            try lock.acquire(wait: false)
        }
        #expect(!lock.isHeld)
        #expect(!Self.exists(target))
    }
}
