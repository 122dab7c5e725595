import CandorCore

/// The rejections of a later part of an input, kept on disk until the parts before it are
/// written: the rejects file lists records in file order, and a part read at the same time as
/// the one before it cannot write there yet.
///
/// The file is an `AnonymousSpillFile`: owner-only, unlinked at once, memory flat however many
/// records are rejected.
///
/// Not `Sendable`: it is filled on the later part's thread, then read back on the run's.
final class RejectionSpill {
    private let file: AnonymousSpillFile
    /// The first write failure; a spill that failed is refused, and the part is read again.
    private(set) var failure: OutputError?

    /// Creates the anonymous spill file in `directory`.
    /// - Throws: `OutputError.cannotCreate` naming the folder.
    init(directory: String) throws(OutputError) {
        file = try AnonymousSpillFile(directory: directory)
    }

    /// Appends `rejection`; a failure is remembered in `failure`, and later appends are dropped.
    func append(_ rejection: Rejection) {
        guard failure == nil else { return }
        var entry = SpillEncoding.encode(rejection)
        let length = UInt32(entry.count)
        entry.insert(contentsOf: withUnsafeBytes(of: length.littleEndian) { Array($0) }, at: 0)
        do {
            try entry.withUnsafeBytes { try file.write($0) }
        } catch {
            failure = error as? OutputError ?? .cannotWrite(path: file.displayPath, reason: "\(error)")
        }
    }

    /// Reads every rejection back, in the order appended.
    /// - Throws: `OutputError.cannotRead` when the file cannot be read back, or what `body` throws.
    func replay(_ body: (Rejection) throws -> Void) throws {
        if let failure { throw failure }
        try file.rewind()
        var pending: [UInt8] = []
        var start = 0
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { chunk.deallocate() }
        while true {
            let got = try file.read(into: chunk)
            if got == 0 { break }
            pending.removeFirst(start)
            start = 0
            pending.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<got]))
            while pending.count - start >= 4 {
                let length = pending.withUnsafeBytes {
                    Int(UInt32(littleEndian: $0.loadUnaligned(fromByteOffset: start, as: UInt32.self)))
                }
                guard pending.count - start - 4 >= length else { break }
                let decoded = pending.withUnsafeBytes {
                    SpillEncoding.decode(UnsafeRawBufferPointer(rebasing: $0[start + 4..<start + 4 + length]))
                }
                guard let rejection = decoded else {
                    throw OutputError.cannotRead(path: file.displayPath, reason: "a spilled rejection is malformed")
                }
                start += 4 + length
                try body(rejection)
            }
        }
        guard start == pending.count else {
            throw OutputError.cannotRead(path: file.displayPath, reason: "the spilled rejections end midway")
        }
    }
}
