#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// A temporary file in the output folder that only its descriptor reaches: written during a
/// pass, then read back from the start.
///
/// What it holds comes from respondents' answers, so it is created owner-only (`0600`, by
/// `mkstemp`) and unlinked at once: nothing is left behind by a failure, a crash or a kill, and
/// no other process can open it. Its name while it has one (`.candor-spill.tmp-XXXXXX`, for the
/// instant between `mkstemp` and `unlink`) matches the hidden temporary files that
/// `output.retain` prunes. Memory stays flat however much is written.
///
/// Not `Sendable`: one thread writes it, then one reads it back.
final class AnonymousSpillFile {
    private let descriptor: Int32
    private var output: BufferedFileOutput
    /// The folder the file lives in, which errors name.
    var displayPath: String { output.displayPath }

    /// Creates the file in `directory`.
    /// - Throws: `OutputError.cannotCreate` naming the folder.
    init(directory: String) throws(OutputError) {
        var template = Array("\(directory)/.candor-spill.tmp-XXXXXX".utf8CString)
        let descriptor = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard descriptor >= 0 else { throw .cannotCreate(path: directory, reason: POSIX.lastError) }
        // mkstemp creates the file 0600; unlinking it now leaves only this descriptor to it.
        template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
        self.descriptor = descriptor
        output = BufferedFileOutput(descriptor: descriptor, displayPath: directory)
    }

    deinit { close(descriptor) }

    /// Appends `bytes`.
    /// - Throws: `OutputError.cannotWrite` (a full disk, say).
    func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) { try output.write(bytes) }

    /// Hands every written byte to the kernel and goes back to the start, for reading.
    /// - Throws: `OutputError` when the bytes cannot be written or the file rewound.
    func rewind() throws(OutputError) {
        try output.flush()
        guard lseek(descriptor, 0, SEEK_SET) == 0 else {
            throw .cannotRead(path: output.displayPath, reason: POSIX.lastError)
        }
    }

    /// Reads into `buffer` from where the last read ended: its whole size, fewer bytes only at
    /// the end of the file; 0 there.
    /// - Throws: `OutputError.cannotRead`.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(OutputError) -> Int {
        var filled = 0
        while filled < buffer.count {
            #if canImport(Darwin)
                let got = Darwin.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            #elseif canImport(Musl)
                let got = Musl.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            #else
                let got = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
            #endif
            if got < 0 {
                if errno == EINTR { continue }
                throw .cannotRead(path: output.displayPath, reason: POSIX.lastError)
            }
            if got == 0 { break }
            filled += got
        }
        return filled
    }
}
