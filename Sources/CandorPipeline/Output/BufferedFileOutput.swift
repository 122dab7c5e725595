#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Buffers small writes into ~64 KiB `write(2)` calls on a descriptor it does not own.
///
/// Reports are written a line or a cell at a time; one system call per line would dominate the
/// cost of a large rejects file. Errors name `displayPath` (the final file a person knows), not
/// the descriptor's temporary file.
struct BufferedFileOutput {
    /// How many bytes are gathered before they are written.
    static let capacity = 64 * 1024

    /// The descriptor written to; its owner closes it.
    let descriptor: Int32
    /// The path errors name.
    let displayPath: String
    /// Bytes not yet handed to the kernel.
    private var buffer: [UInt8]

    /// Wraps an open descriptor.
    init(descriptor: Int32, displayPath: String) {
        self.descriptor = descriptor
        self.displayPath = displayPath
        buffer = []
        buffer.reserveCapacity(Self.capacity)
    }

    /// Appends bytes, writing the buffer out whenever it fills.
    ///
    /// A chunk at least as large as the buffer goes straight to the kernel after what is already
    /// buffered, so large blocks are not copied twice.
    mutating func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        if buffer.count + bytes.count <= Self.capacity {
            buffer.append(contentsOf: bytes)
            if buffer.count == Self.capacity { try flush() }
            return
        }
        try flush()
        if bytes.count >= Self.capacity {
            if let code = POSIX.writeAll(descriptor, bytes) {
                throw .cannotWrite(path: displayPath, reason: POSIX.describe(code))
            }
        } else {
            buffer.append(contentsOf: bytes)
        }
    }

    /// Hands every buffered byte to the kernel (it is not yet on disk: see `fsync`).
    mutating func flush() throws(OutputError) {
        guard !buffer.isEmpty else { return }
        let failure = buffer.withUnsafeBytes { POSIX.writeAll(descriptor, $0) }
        // The buffer is dropped even on failure: after a partial write the file's contents are
        // unknown and the writer refuses further use, so retrying these bytes could only mislead.
        buffer.removeAll(keepingCapacity: true)
        if let failure {
            throw .cannotWrite(path: displayPath, reason: POSIX.describe(failure))
        }
    }
}
