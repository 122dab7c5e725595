import Foundation
import Testing

@testable import CandorIngest

/// A threaded stream dropped before its end (a run failing after the header, e.g. on a missing
/// mapped column: issue 22, defect 12) stops its parsing thread, frees the batches the thread
/// made, and closes the file, instead of leaving the thread blocked on a full channel for good
/// with its batches and descriptor.
@Suite(.temporaryFiles)
struct IngestStreamLifetimeTests {
    /// The descriptors of this process open on `path`, from `/proc/self/fd`.
    private static func openDescriptors(on path: String) -> [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return entries.filter {
            (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/" + $0)) == path
        }
    }

    /// 20,000 records in 4 KiB reads: ten batches of up to 2,048 records, more than the three
    /// the channel holds, so the old parsing thread blocked on the fourth.
    @Test(arguments: [0, 1])
    func aStreamDroppedEarlyClosesItsFile(batchesTaken: Int) throws {
        let text = "id,value\n" + (0..<20_000).map { "\($0),x\n" }.joined()
        let path = try ReaderHarness.temporaryFile(text)
        do {
            let stream = try IngestStream(path: path, options: ReadOptions(chunkSize: 4096), threaded: true)
            for _ in 0..<batchesTaken { #expect(try stream.next()?.count == 2048) }
            #expect(Self.openDescriptors(on: path).count == 1)
        }
        #expect(Self.openDescriptors(on: path) == [])
    }

    /// Closing hands back what was never received, refuses later sends, and wakes a sender
    /// waiting for room (its send then reports the item was not taken).
    @Test func aClosedChannelReturnsItsItemsAndRefusesSends() {
        let channel = BatchChannel<Int>(capacity: 2)
        #expect(channel.send(1))
        #expect(channel.send(2))
        #expect(channel.receive() == 1)
        #expect(channel.send(3))
        let refused = DispatchSemaphore(value: 0)
        let sender = Thread {
            // The channel is full: this waits until the close below.
            if !channel.send(4) { refused.signal() }
        }
        sender.start()
        #expect(channel.close() == [2, 3])
        refused.wait()
        #expect(!channel.send(5))
    }
}
