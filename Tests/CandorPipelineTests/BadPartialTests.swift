import CandorPipeline
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Every partial `candor merge` must refuse gets a clear error and its documented exit status,
/// and no report: another definition or format version 78, a missing or duplicated shard 65, a
/// corrupt or truncated partial 66, an input changed since its shard ran 66.
@Suite("Bad partials")
struct BadPartialTests {
    typealias Setup = ShardMergeTests.Setup

    static func setup() throws -> (Setup, [String]) {
        let setup = try Setup(
            inputs: ["in.csv": PartedRunTests.Export.survey(rows: 300).text],
            definition: PartedRunTests.definition(inputs: ["in.csv"]))
        return (setup, try setup.shards(3))
    }

    /// Merges `partials` and expects `status`, a message containing `message`, and no report.
    static func expectRefused(
        _ setup: Setup, _ partials: [String], _ status: CandorPipeline.ExitStatus, _ message: String
    ) {
        let (outcome, _) = setup.merge(partials)
        #expect(outcome.status == status)
        #expect(outcome.message?.contains(message) == true, "\(outcome.message ?? "")")
        #expect(setup.outputs("merged").allSatisfy { $0 == nil })
    }

    /// Rewrites the file at `path` through `change`.
    static func edit(_ path: String, _ change: (inout [UInt8]) -> Void) {
        var bytes = Array(FileManager.default.contents(atPath: path)!)
        change(&bytes)
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    @Test func aPartialOfAnotherDefinition() throws {
        let (setup, partials) = try Self.setup()
        let other = try Setup(
            inputs: ["in.csv": PartedRunTests.Export.survey(rows: 300).text],
            definition: PartedRunTests.definition(inputs: ["in.csv"], scoreOnInvalid: "missing"))
        let foreign = try other.shards(3)
        Self.expectRefused(
            setup, [partials[0], partials[1], foreign[2]], .configuration, "a partial of another definition")
    }

    @Test func aMissingShard() throws {
        let (setup, partials) = try Self.setup()
        Self.expectRefused(
            setup, [partials[0], partials[2]], .dataQuality, "shard(s) 2/3 missing: a merge needs all 3")
    }

    @Test func aDuplicatedShard() throws {
        let (setup, partials) = try Self.setup()
        try FileManager.default.copyItem(atPath: partials[1], toPath: setup.scratch.file("copy.partial"))
        Self.expectRefused(
            setup, partials + [setup.scratch.file("copy.partial")], .dataQuality, "shard 2/3 is given twice")
    }

    @Test func aCorruptByte() throws {
        let (setup, partials) = try Self.setup()
        Self.edit(partials[1]) { $0[$0.count / 2] ^= 0x20 }
        Self.expectRefused(setup, partials, .unreadableInput, "corrupt (its checksum does not match)")
    }

    @Test func aTruncatedPartial() throws {
        let (setup, partials) = try Self.setup()
        Self.edit(partials[2]) { $0.removeLast(100) }
        Self.expectRefused(setup, partials, .unreadableInput, "truncated or padded")
    }

    @Test func aPartialOfAnotherFormatVersion() throws {
        let (setup, partials) = try Self.setup()
        // The version is the little-endian word after the 8-byte magic.
        Self.edit(partials[0]) { $0[8] = UInt8(PartialFile.formatVersion + 1) }
        Self.expectRefused(
            setup, partials, .configuration, "a partial of format version 4; this candor reads version 3")
    }

    @Test func anInputChangedSinceItsShardRan() throws {
        let (setup, partials) = try Self.setup()
        // Same size, one digit changed: only the bytes (and the modification time) tell.
        Self.edit(setup.scratch.file("in.csv")) { bytes in
            let last = bytes.lastIndex(of: UInt8(ascii: "1"))!
            bytes[last] = UInt8(ascii: "2")
        }
        Self.expectRefused(setup, partials, .unreadableInput, "in.csv: changed since its shard ran")
    }

    @Test func anInputChangedOnlyInItsBytes() throws {
        let (setup, partials) = try Self.setup()
        let path = setup.scratch.file("in.csv")
        var info = stat()
        #expect(stat(path, &info) == 0)
        Self.edit(path) { bytes in
            let last = bytes.lastIndex(of: UInt8(ascii: "1"))!
            bytes[last] = UInt8(ascii: "2")
        }
        // The modification time put back to the nanosecond: only the bytes differ now.
        let times = [info.st_atim, info.st_mtim]
        #expect(utimensat(AT_FDCWD, path, times, 0) == 0)
        Self.expectRefused(setup, partials, .unreadableInput, "the bytes")
    }
}
