import Foundation
import Testing

@testable import CandorPipeline

/// Publishing a run's several outputs together.
@Suite struct AtomicFileWriterCommitAllTests {
    /// Yesterday's set of outputs, then three writers with today's.
    private func yesterdayAndTodayWriters(in folder: ScratchFolder) throws -> [AtomicFileWriter] {
        for name in ["report.md", "report.json", "rejects.csv"] { folder.create(name, "yesterday \(name)\n") }
        return try [
            ("report.md", FilePermissions.readableByAll), ("report.json", .readableByAll), ("rejects.csv", .ownerOnly),
        ].map { name, permissions in
            let writer = try AtomicFileWriter(path: folder.file(name), permissions: permissions)
            try writer.write("today \(name)\n")
            return writer
        }
    }

    @Test func publishesEveryFile() throws {
        let folder = ScratchFolder()
        let writers = try yesterdayAndTodayWriters(in: folder)
        try AtomicFileWriter.commitAll(writers)
        #expect(folder.entries() == ["rejects.csv", "report.json", "report.md"])
        for name in ["report.md", "report.json", "rejects.csv"] { #expect(folder.read(name) == "today \(name)\n") }
    }

    @Test(arguments: [0, 1, 2])
    func oneFailedWriterPublishesNothing(failing: Int) throws {
        let folder = ScratchFolder()
        let writers = try yesterdayAndTodayWriters(in: folder)
        let full = OutputError.cannotWrite(path: writers[failing].path, reason: "No space left on device")
        writers[failing].simulateWriteFailure(full)
        #expect(throws: full) { try AtomicFileWriter.commitAll(writers) }
        #expect(folder.entries() == ["rejects.csv", "report.json", "report.md"])
        for name in ["report.md", "report.json", "rejects.csv"] { #expect(folder.read(name) == "yesterday \(name)\n") }
    }

    @Test func failedRenameAbandonsTheFilesNotYetRenamed() throws {
        let folder = ScratchFolder()
        let blocked = AtomicFileWriterTestsSupport.makeFolder(named: "blocked", in: folder)
        let first = try AtomicFileWriter(path: folder.file("report.md"), permissions: .readableByAll)
        let second = try AtomicFileWriter(path: blocked, permissions: .readableByAll)
        let third = try AtomicFileWriter(path: folder.file("rejects.csv"), permissions: .ownerOnly)
        for writer in [first, second, third] { try writer.write("today\n") }
        #expect(throws: OutputError.cannotReplace(path: blocked, reason: "Is a directory")) {
            try AtomicFileWriter.commitAll([first, second, third])
        }
        // Renames are atomic one by one, not as a set: the first is out, the third never is.
        #expect(folder.entries() == ["blocked", "report.md"])
        #expect(folder.read("report.md") == "today\n")
    }
}

/// Helpers shared by the writer tests.
enum AtomicFileWriterTestsSupport {
    /// Makes a non-empty folder, which `rename(2)` cannot replace with a file.
    static func makeFolder(named name: String, in folder: ScratchFolder) -> String {
        let path = folder.file(name)
        _ = try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: false)
        folder.create(name + "/keep", "x")
        return path
    }
}
