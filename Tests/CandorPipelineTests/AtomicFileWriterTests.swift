import Foundation
import Testing

@testable import CandorPipeline

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Atomic publication: contents, permissions, no temporary left behind, old file kept on failure.
@Suite struct AtomicFileWriterTests {
    /// Bytes larger than the 64 KiB buffer, so both the buffered and the direct path run.
    static let payload: [UInt8] = (0..<200_000).map { UInt8($0 % 251) }

    @Test(arguments: [(FilePermissions.ownerOnly, UInt32(0o600)), (.readableByAll, UInt32(0o644))])
    func writesContentsWithRequestedMode(permissions: FilePermissions, expectedMode: UInt32) throws {
        // The usual umask; under it a chmod-free 0600 stays 0600 and 0644 stays 0644.
        let previous = umask(0o022)
        defer { umask(previous) }
        let folder = ScratchFolder()
        let writer = try AtomicFileWriter(path: folder.file("report.md"), permissions: permissions)
        try writer.write("header\n")
        try writer.write(Self.payload)
        try writer.write("é\n")
        #expect(permissionBits(writer.temporaryPath) == expectedMode)  // mode is set at creation
        try writer.commit()

        let data = try #require(FileManager.default.contents(atPath: folder.file("report.md")))
        #expect(Array(data) == Array("header\n".utf8) + Self.payload + [0xC3, 0xA9, 0x0A])
        #expect(permissionBits(folder.file("report.md")) == expectedMode)
        #expect(folder.entries() == ["report.md"])
    }

    @Test func temporaryFileIsAHiddenSiblingNamedAfterTheTarget() throws {
        let folder = ScratchFolder()
        let writer = try AtomicFileWriter(path: folder.file("rejects.csv"), permissions: .ownerOnly)
        let name = try #require(folder.entries().first)
        #expect(folder.entries().count == 1)
        #expect(folder.file(name) == writer.temporaryPath)
        let prefix = ".rejects.csv.tmp-\(getpid())-"
        #expect(name.hasPrefix(prefix))
        let suffix = name.dropFirst(prefix.count)
        #expect(!suffix.isEmpty && suffix.allSatisfy { $0.isHexDigit })
        writer.abandon()
    }

    @Test func relativePathsKeepTheTemporaryFileInTheSameFolder() throws {
        let folder = ScratchFolder()
        // Not changing the process's working directory (tests run in parallel): climbing from it
        // to the root and back down gives a relative path with a folder part.
        let depth = FileManager.default.currentDirectoryPath.split(separator: "/").count
        let relative = "./" + String(repeating: "../", count: depth) + folder.path.dropFirst() + "/out.json"
        let writer = try AtomicFileWriter(path: relative, permissions: .readableByAll)
        #expect(writer.temporaryPath.hasPrefix(String(relative.dropLast("out.json".count)) + ".out.json.tmp-"))
        #expect(folder.entries().count == 1)
        try writer.write("{}\n")
        try writer.commit()
        #expect(folder.read("out.json") == "{}\n")
        #expect(folder.entries() == ["out.json"])
    }

    @Test func abandonKeepsTheOldFileAndRemovesTheTemporary() throws {
        let folder = ScratchFolder()
        folder.create("report.md", "yesterday\n")
        let writer = try AtomicFileWriter(path: folder.file("report.md"), permissions: .readableByAll)
        try writer.write("today, half writ")
        writer.abandon()
        writer.abandon()  // harmless twice
        #expect(folder.read("report.md") == "yesterday\n")
        #expect(folder.entries() == ["report.md"])
    }

    @Test func droppingWithoutCommitRemovesTheTemporary() throws {
        let folder = ScratchFolder()
        folder.create("report.md", "yesterday\n")
        do {
            let writer = try AtomicFileWriter(path: folder.file("report.md"), permissions: .readableByAll)
            try writer.write(Self.payload)
            #expect(folder.entries().count == 2)
        }
        #expect(folder.read("report.md") == "yesterday\n")
        #expect(folder.entries() == ["report.md"])
    }

    @Test func commitReplacesAnExistingFile() throws {
        let folder = ScratchFolder()
        folder.create("report.md", "yesterday\n")
        let writer = try AtomicFileWriter(path: folder.file("report.md"), permissions: .readableByAll)
        try writer.write("today\n")
        try writer.commit()
        #expect(folder.read("report.md") == "today\n")
        #expect(folder.entries() == ["report.md"])
    }

    @Test func folderThatIsAFileCannotHoldTheOutput() throws {
        let folder = ScratchFolder()
        folder.create("notes", "a file, not a folder\n")
        let path = folder.file("notes/report.md")
        #expect(throws: OutputError.cannotCreate(path: path, reason: "Not a directory")) {
            try AtomicFileWriter(path: path, permissions: .readableByAll)
        }
        let error = OutputError.cannotCreate(path: path, reason: "Not a directory")
        #expect(error.description == "cannot create \(folder.path)/notes/report.md: Not a directory")
        #expect(error.exitStatus == .cannotWriteOutput)
    }

    @Test func missingFolderIsNamedInTheError() throws {
        let folder = ScratchFolder()
        let path = folder.file("absent/report.md")
        do {
            _ = try AtomicFileWriter(path: path, permissions: .readableByAll)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "cannot create \(folder.path)/absent/report.md: No such file or directory")
        }
    }

    /// Root ignores permission bits, so this case only means something for other users; the
    /// tests below cover failures that root cannot bypass.
    @Test(.disabled(if: runningAsRoot, "root bypasses folder permissions"))
    func readOnlyFolderIsRefused() throws {
        let folder = ScratchFolder()
        #expect(chmod(folder.path, 0o555) == 0)
        let path = folder.file("report.md")
        #expect(throws: OutputError.cannotCreate(path: path, reason: "Permission denied")) {
            try AtomicFileWriter(path: path, permissions: .readableByAll)
        }
    }

    @Test func renameOverAFolderFailsAndLeavesNoTemporary() throws {
        let folder = ScratchFolder()
        let path = folder.file("report.md")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        folder.create("report.md/keep", "x")  // a non-empty folder cannot be replaced by a file
        let writer = try AtomicFileWriter(path: path, permissions: .readableByAll)
        try writer.write("today\n")
        do {
            try writer.commit()
            Issue.record("expected an error")
        } catch {
            #expect(error == .cannotReplace(path: path, reason: "Is a directory"))
            #expect(error.description == "cannot replace \(folder.path)/report.md: Is a directory")
        }
        #expect(folder.entries() == ["report.md"])
        #expect(folder.read("report.md/keep") == "x")
    }

    @Test func writeErrorIsKeptAndRethrownByCommit() throws {
        let folder = ScratchFolder()
        folder.create("report.md", "yesterday\n")
        let writer = try AtomicFileWriter(path: folder.file("report.md"), permissions: .readableByAll)
        try writer.write("today\n")
        let full = OutputError.cannotWrite(path: folder.file("report.md"), reason: "No space left on device")
        writer.simulateWriteFailure(full)
        #expect(throws: full) { try writer.write("more\n") }
        #expect(throws: full) { try writer.commit() }
        #expect(folder.read("report.md") == "yesterday\n")
        #expect(folder.entries() == ["report.md"])
    }
}

/// The buffered writer against a device that is always full.
@Suite struct BufferedFileOutputTests {
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func diskFullIsReportedWhenTheBufferIsFlushed() throws {
        let descriptor = open("/dev/full", O_WRONLY | O_CLOEXEC)
        try #require(descriptor >= 0)
        defer { close(descriptor) }
        var output = BufferedFileOutput(descriptor: descriptor, displayPath: "/srv/reports/report.md")
        // Small writes are only buffered, so the device is not touched yet.
        try Array("line\n".utf8).withUnsafeBytes { try output.write($0) }
        #expect(throws: OutputError.cannotWrite(path: "/srv/reports/report.md", reason: "No space left on device")) {
            try output.flush()
        }
        let big = [UInt8](repeating: 0x41, count: BufferedFileOutput.capacity + 1)
        do {
            try big.withUnsafeBytes { try output.write($0) }
            Issue.record("expected an error")
        } catch {
            #expect("\(error)" == "cannot write /srv/reports/report.md: No space left on device")
        }
    }
}
