#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif
import CandorCore

/// The rejections of a later part of an input, kept on disk until the parts before it are
/// written: the rejects file lists records in file order, and a part read at the same time as
/// the one before it cannot write there yet.
///
/// The file holds respondents' answers, so it is created owner-only (`0600`) in the output
/// folder and unlinked at once: nothing is left behind by a crash or a kill, and no other
/// process can open it. Memory stays flat however many records are rejected.
///
/// Not `Sendable`: it is filled on the later part's thread, then read back on the run's.
final class RejectionSpill {
    private let descriptor: Int32
    private var output: BufferedFileOutput
    /// The first write failure; a spill that failed is refused, and the part is read again.
    private(set) var failure: OutputError?

    /// Creates the anonymous spill file in `directory`.
    /// - Throws: `OutputError.cannotCreate` naming the folder.
    init(directory: String) throws(OutputError) {
        var template = Array("\(directory)/.candor-spill-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .cannotCreate(path: directory, reason: POSIX.lastError) }
        // mkstemp creates the file 0600; unlinking it now leaves only this descriptor to it.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
        output = BufferedFileOutput(descriptor: descriptor, displayPath: directory)
    }

    deinit { close(descriptor) }

    /// Appends `rejection`; a failure is remembered in `failure`, and later appends are dropped.
    func append(_ rejection: Rejection) {
        guard failure == nil else { return }
        var entry = SpillEncoding.encode(rejection)
        let length = UInt32(entry.count)
        entry.insert(contentsOf: withUnsafeBytes(of: length.littleEndian) { Array($0) }, at: 0)
        do {
            try entry.withUnsafeBytes { try output.write($0) }
        } catch {
            failure = error as? OutputError ?? .cannotWrite(path: output.displayPath, reason: "\(error)")
        }
    }

    /// Reads every rejection back, in the order appended.
    /// - Throws: `OutputError.cannotRead` when the file cannot be read back, or what `body` throws.
    func replay(_ body: (Rejection) throws -> Void) throws {
        if let failure { throw failure }
        try output.flush()
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw OutputError.cannotRead(path: output.displayPath, reason: POSIX.lastError)
        }
        var pending: [UInt8] = []
        var start = 0
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 1 << 20, alignment: 64)
        defer { chunk.deallocate() }
        while true {
            let got = read(descriptor, chunk.baseAddress, chunk.count)
            if got < 0 {
                if errno == EINTR { continue }
                throw OutputError.cannotRead(path: output.displayPath, reason: POSIX.lastError)
            }
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
                    throw OutputError.cannotRead(path: output.displayPath, reason: "a spilled rejection is malformed")
                }
                start += 4 + length
                try body(rejection)
            }
        }
        guard start == pending.count else {
            throw OutputError.cannotRead(path: output.displayPath, reason: "the spilled rejections end midway")
        }
    }
}
