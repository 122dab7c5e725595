import CandorCore
import Foundation
import Testing

@testable import CandorPipeline

/// The later part's rejections come back from the spill file exactly as they went in, in
/// order, and leave no file behind.
@Suite struct RejectionSpillTests {
    /// Hostile values (formula prefixes, quotes, line breaks, non-ASCII), every optional both
    /// present and absent, both kinds of message, and one rejection over a megabyte so an entry
    /// spans the read-back chunks.
    static let rejections: [Rejection] =
        RejectsWriterTests.hostile + [
            Rejection(
                provenance: Provenance(file: "b.csv", line: 9, recordNumber: 8, byteOffset: 77), reason: .duplicateID,
                column: 1, field: "id", detail: "",
                duplicateOf: Provenance(file: "b.csv", line: 7, recordNumber: 6, byteOffset: 0), rawFields: ["R1", ""]),
            Rejection(
                provenance: Provenance(file: "b.csv", line: 10, recordNumber: 9, byteOffset: 1 << 40),
                reason: .fieldTooLarge, detail: ": column 2: \(String(repeating: "é", count: 600_000))",
                rawFields: [String(repeating: "x", count: 1_200_000)]),
        ]

    @Test func rejectionsComeBackInOrder() throws {
        let folder = ScratchFolder()
        let directory = folder.path
        let spill = try RejectionSpill(directory: directory)
        let many = (0..<2000).flatMap { _ in Self.rejections.prefix(3) } + Self.rejections
        for rejection in many { spill.append(rejection) }
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        var back: [Rejection] = []
        try spill.replay { back.append($0) }
        #expect(back.count == many.count)
        #expect(back == many)
        #expect(back.last?.message == many.last?.message)
    }

    @Test func anEmptySpillReplaysNothing() throws {
        let folder = ScratchFolder()
        let directory = folder.path
        var count = 0
        try RejectionSpill(directory: directory).replay { _ in count += 1 }
        #expect(count == 0)
    }

    @Test func aMissingFolderIsACreateError() {
        #expect(throws: OutputError.self) { try RejectionSpill(directory: "/nonexistent/candor") }
    }
}
