import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// The run history of an output folder: `<folder>/runs.jsonl`, one JSON object per line.
///
/// Each run appends one line with a single `write(2)` on a descriptor opened `O_APPEND`: the
/// kernel places every such write at the then end of file, so lines from concurrent appenders
/// never interleave. Readers skip lines that do not parse, so a line cut short by a crash or a
/// full disk costs that one entry and nothing else; the next append starts on a fresh line.
/// The file holds paths, checksums and counts, no answers, so it is `0644`. A symbolic link in
/// its place is refused, not followed (`POSIX.openOwnFile`).
package struct RunLog: Sendable {
    /// The file's path, `<folder>/runs.jsonl`.
    package let path: String

    /// The run log of an output folder.
    package init(directory: String) {
        path = (directory.hasSuffix("/") ? directory : directory + "/") + "runs.jsonl"
    }

    /// Appends one entry as one line, then `fsync`s it.
    ///
    /// - Throws: `OutputError.cannotCreate` or `.cannotWrite` naming the log.
    package func append(_ entry: RunLogEntry) throws(OutputError) {
        var line = Self.encode(entry)
        line.append(UInt8(ascii: "\n"))
        let descriptor: Int32
        // Read as well as write: the last byte is checked for a line a crashed writer left open.
        switch POSIX.openOwnFile(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC, .readableByAll) {
        case .success(let opened): descriptor = opened
        case .failure(let error): throw .cannotCreate(path: path, reason: error.text)
        }
        defer { close(descriptor) }
        if !Self.endsWithNewline(descriptor) {
            // A previous writer died mid-line; start ours on a line of its own.
            line.insert(UInt8(ascii: "\n"), at: 0)
        }
        var written = -1
        repeat {
            written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        } while written < 0 && errno == EINTR
        if written < 0 {
            throw .cannotWrite(path: path, reason: POSIX.lastError)
        }
        if written != line.count {
            // Retrying the rest would be a second write that another appender could split.
            throw .cannotWrite(path: path, reason: "only \(written) of \(line.count) bytes written")
        }
        if let code = POSIX.sync(descriptor) {
            throw .cannotWrite(path: path, reason: POSIX.describe(code))
        }
    }

    /// Fails when a symbolic link stands in the log's place, so that a run refuses it before
    /// doing its work (`append` would refuse it too, but only at the end, as a warning).
    ///
    /// - Throws: `OutputError.cannotCreate` naming the log.
    package func refuseSymbolicLink() throws(OutputError) {
        var info = stat()
        if lstat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFLNK {
            throw .cannotCreate(path: path, reason: Errno.symbolicLink.text)
        }
    }

    /// Every entry that parses, oldest first; empty if the log does not exist yet.
    ///
    /// - Throws: `OutputError.cannotRead` if the log exists but cannot be read.
    package func entries() throws(OutputError) -> [RunLogEntry] {
        let bytes: [UInt8]
        switch Self.readAll(path) {
        case .success(let read): bytes = read
        case .failure(let error) where error.code == ENOENT: return []
        case .failure(let error): throw .cannotRead(path: path, reason: error.text)
        }
        let decoder = Self.decoder()
        return bytes.split(separator: UInt8(ascii: "\n")).compactMap { line in
            try? decoder.decode(RunLogEntry.self, from: Data(line))
        }
    }

    /// The latest entry for `pipeline` that exited 0, for `--if-changed`.
    ///
    /// - Throws: `OutputError.cannotRead` if the log exists but cannot be read.
    package func lastSuccessful(pipeline: String) throws(OutputError) -> RunLogEntry? {
        try entries().last { $0.pipeline == pipeline && $0.succeeded }
    }

    /// One entry as compact JSON with sorted keys (no trailing newline).
    static func encode(_ entry: RunLogEntry) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ISO8601Milliseconds.format(date))
        }
        // Strings, integers, finite doubles and dates cannot fail to encode.
        return (try? Array(encoder.encode(entry))) ?? Array("{}".utf8)
    }

    /// A decoder for the log's dates.
    static func decoder() -> JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ISO8601Milliseconds.parse(text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "not a UTC ISO 8601 timestamp: \(text)")
            }
            return date
        }
        return decoder
    }

    /// Whether the file is empty or its last byte is a newline.
    private static func endsWithNewline(_ descriptor: Int32) -> Bool {
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_size > 0 else { return true }
        var last: UInt8 = 0
        guard pread(descriptor, &last, 1, info.st_size - 1) == 1 else { return true }
        return last == UInt8(ascii: "\n")
    }

    /// The whole file, or the errno that stopped reading it.
    private static func readAll(_ path: String) -> Result<[UInt8], Errno> {
        let descriptor: Int32
        switch POSIX.openOwnFile(path, O_RDONLY | O_CLOEXEC, .readableByAll) {
        case .success(let opened): descriptor = opened
        case .failure(let error): return .failure(error)
        }
        defer { close(descriptor) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(Errno(code: errno))
            }
            if count == 0 { return .success(bytes) }
            bytes.append(contentsOf: chunk[0..<count])
        }
    }
}
