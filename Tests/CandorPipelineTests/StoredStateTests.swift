import Foundation
import Testing

@testable import CandorPipeline

/// `candor merge` leaves each piece's states in its partial's file and reads them when it reaches
/// the piece: the bytes read are those the partial holds, and a partial rewritten in between is
/// refused (66), never merged.
@Suite("States left in the partial's file")
struct StoredStateTests {
    /// A shard's partial (in a scratch folder kept as long as the fixture), its bytes, and the
    /// partial read both ways.
    struct Fixture {
        let setup: ShardMergeTests.Setup
        let path: String
        let bytes: [UInt8]
        let inMemory: Partial
        let inFile: Partial

        init() throws {
            let (setup, partials) = try BadPartialTests.setup()
            self.setup = setup
            path = partials[0]
            bytes = Array(try #require(FileManager.default.contents(atPath: path)))
            inMemory = try PartialFile.partial(from: bytes, name: "p")
            inFile = try PartialFile.partial(from: bytes, name: "p", statesLeftInFile: true)
        }
    }

    @Test func theBytesReadAreThePiecesStates() throws {
        let fixture = try Fixture()
        #expect(fixture.inFile.pieces.allSatisfy { $0.state == nil })
        #expect(fixture.inMemory.pieces.contains { $0.state != nil })
        for (index, piece) in fixture.inMemory.pieces.enumerated() {
            let stored = StoredState(fixture.inFile, piece: index, bytes: fixture.bytes, path: fixture.path)
            #expect(try stored?.read() == piece.state)
        }
    }

    @Test func aPartialRewrittenSinceItWasCheckedIsRefused() throws {
        let fixture = try Fixture()
        let stored = try #require(
            StoredState(fixture.inFile, piece: 0, bytes: fixture.bytes, path: fixture.path))
        BadPartialTests.edit(fixture.path) { $0[stored.range.lowerBound + stored.range.count / 2] ^= 0x01 }
        #expect {
            try stored.read()
        } throws: { error in
            let failure = error as? RunFailure
            return failure?.status == .unreadableInput
                && failure?.message.contains("changed while the merge read it") == true
        }
        BadPartialTests.edit(fixture.path) { $0.removeLast(stored.range.count + 64) }
        #expect(throws: RunFailure.self) { try stored.read() }
    }
}
