import CandorCore
import Foundation
import Testing

@testable import CandorIngest

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input that changes while it is read (issue 22, defect 1) is refused, whichever way it
/// changed, instead of giving the records read so far and a checksum of another version; and
/// only regular files are read at all (defect 2).
///
/// Each test reads the first batch, changes the file, then reads on: the reader holds at most
/// one 4 KiB chunk past that batch, so most of the file is still unread when it changes.
@Suite(.temporaryFiles)
struct ChangedInputTests {
    /// 20,000 records after a header: ten batches of up to 2,048 records.
    private static let text = "id,value\n" + (0..<20_000).map { "\($0),x\n" }.joined()

    private static let options = ReadOptions(chunkSize: 4096)

    /// Opens the file, reads one batch, lets `change` act on the path, then reads the rest.
    private static func readChanging(_ path: String, change: (String) throws -> Void) throws -> IngestError? {
        let stream = try IngestStream(path: path, options: options)
        let first = try #require(try stream.next())
        #expect(first.count == 2048)
        try change(path)
        do {
            while try stream.next() != nil {}
        } catch {
            return error
        }
        return nil
    }

    private static func message(_ path: String, _ how: String) -> String {
        "\(path): changed while it was read (\(how)); nothing was published: run again once it is complete"
    }

    @Test func aFileTruncatedWhileReadIsRefused() throws {
        let path = try ReaderHarness.temporaryFile(Self.text)
        let error = try Self.readChanging(path) { #expect(truncate($0, 100) == 0) }
        #expect(error?.kind == .changed)
        // The file has 9 + 10 × 4 + 90 × 5 + 900 × 6 + 9,000 × 7 + 10,000 × 8 = 148,899 bytes.
        #expect(error?.description == Self.message(path, "it was truncated from 148899 to 100 bytes"))
    }

    @Test func aFileThatGrowsWhileReadIsRefused() throws {
        let path = try ReaderHarness.temporaryFile(Self.text)
        let error = try Self.readChanging(path) { path in
            let handle = try #require(FileHandle(forWritingAtPath: path))
            handle.seekToEndOfFile()
            handle.write(Data("20000,y\n".utf8))
            handle.closeFile()
        }
        #expect(error?.kind == .changed)
        #expect(error?.description == Self.message(path, "it grew past the 148899 bytes it had when opened"))
    }

    /// Same size, other bytes: only the modification time tells (set a second later, so the
    /// file system's clock granularity cannot hide it).
    @Test func aFileRewrittenInPlaceWhileReadIsRefused() throws {
        let path = try ReaderHarness.temporaryFile(Self.text)
        let error = try Self.readChanging(path) { path in
            let descriptor = open(path, O_WRONLY)
            #expect(descriptor >= 0)
            #expect(pwrite(descriptor, "9", 1, 140_000) == 1)
            var times = [timespec(tv_sec: time(nil) + 1, tv_nsec: 0), timespec(tv_sec: time(nil) + 1, tv_nsec: 0)]
            #expect(futimens(descriptor, &times) == 0)
            close(descriptor)
        }
        #expect(error?.kind == .changed)
        #expect(error?.description == Self.message(path, "it was rewritten (modification time changed)"))
    }

    /// The reader keeps reading the version it opened; the name now leads to another file, so
    /// what was read is no longer what the report would name.
    @Test func aFileReplacedWhileReadIsRefused() throws {
        let path = try ReaderHarness.temporaryFile(Self.text)
        let error = try Self.readChanging(path) { path in
            try Data(Self.text.utf8).write(to: URL(fileURLWithPath: path + ".new"))
            #expect(rename(path + ".new", path) == 0)
        }
        #expect(error?.kind == .changed)
        #expect(error?.description == Self.message(path, "it was replaced by another file"))
    }

    /// Read in two parts, the file is truncated while the first part is consumed: the parts
    /// and the checksum no longer read one version.
    @Test func aFileTruncatedDuringAPartedReadIsRefused() throws {
        let path = try ReaderHarness.temporaryFile(Self.text)
        let read = try PartedRead(path: path, options: Self.options, minimumPartBytes: 1024)
        #expect(read.isParted)
        var truncated = false
        #expect {
            _ = try read.run(
                later: 0, consumeLater: { _, _ in },
                consume: { _ in
                    if !truncated { truncated = truncate(path, 100) == 0 }
                }, acceptLater: { _ in true })
        } throws: { error in
            (error as? IngestError)?.kind == .changed
        }
        #expect(truncated)
    }

    /// Unchanged, the file's checksum is over exactly its bytes.
    /// `python3 -c "import hashlib; print(hashlib.sha256(b'id,value\n' + b''.join(b'%d,x\n' % i for i in range(20000))).hexdigest())"`
    @Test func anUnchangedFileReadsWholeWithItsChecksum() throws {
        let path = try ReaderHarness.temporaryFile(Self.text)
        #expect(try Self.readChanging(path) { _ in } == nil)
        let stream = try IngestStream(path: path, options: Self.options)
        var records = 0
        while let batch = try stream.next() { records += batch.count }
        #expect(records == 20_000)
        #expect(stream.shape?.sha256 == "d0092df95e0814966fcea963b4ff39f9af5eeb7efcc34ccd61e0459dc46b2169")
        #expect(stream.shape?.bytes == 148_899)
    }

    @Test func aFIFOADeviceAndAProcFileAreRefusedWithoutBlocking() throws {
        let folder = try #require(TemporaryFilesScope.folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let fifo = folder.appendingPathComponent("export.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        let cases = [
            (fifo, "\(fifo): is a FIFO (named pipe), not a regular file; only regular files are read"),
            ("/dev/zero", "/dev/zero: is a character device, not a regular file; only regular files are read"),
            (
                "/proc/self/status",
                "/proc/self/status: reports a size of 0 but has content (a /proc or /sys file?); copy it to a regular file first"
            ),
            ("-", "-: standard input is not read; save the export to a file and name that file"),
        ]
        for (path, message) in cases {
            let error = #expect(throws: IngestError.self) { try IngestStream(path: path) }
            #expect(error?.description == message)
        }
        #expect(FileChecksum.sha256(of: fifo) == nil)
    }

    @Test func aSymlinkToARegularFileIsRead() throws {
        let path = try ReaderHarness.temporaryFile("a,b\n1,2\n")
        let link = path + ".link.csv"
        #expect(symlink(path, link) == 0)
        let stream = try IngestStream(path: link)
        #expect(try stream.next()?.count == 1)
        #expect(try stream.next() == nil)
    }
}
