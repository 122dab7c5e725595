#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Creates a run's output folder, with its parents, naming the system's reason when it cannot.
///
/// `FileManager.createDirectory` reports a path whose parent is a regular file as
/// "The operation could not be completed. (NSCocoaErrorDomain error 512.)", which tells the
/// person reading the cron mail nothing; `mkdir(2)` says "Not a directory".
enum OutputFolder {
    /// Makes `path` and any missing parents (mode 0755, subject to the umask).
    ///
    /// - Throws: `RunFailure` with `.cannotWriteOutput`:
    ///   `cannot create output folder PATH: Not a directory`.
    static func create(_ path: String) throws(RunFailure) {
        var prefix = path.hasPrefix("/") ? "/" : ""
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            prefix += (prefix.isEmpty || prefix.hasSuffix("/") ? "" : "/") + component
            if mkdir(prefix, 0o755) == 0 { continue }
            let code = errno
            // An existing folder is what we want; an existing file under the name is not,
            // and the next mkdir below it (or the check after the loop) says so.
            guard code == EEXIST else { throw failure(path, code) }
        }
        var info = stat()
        guard stat(path, &info) == 0 else { throw failure(path, errno) }
        guard (info.st_mode & S_IFMT) == S_IFDIR else { throw failure(path, ENOTDIR) }
    }

    private static func failure(_ path: String, _ code: Int32) -> RunFailure {
        RunFailure(.cannotWriteOutput, "cannot create output folder \(path): \(POSIX.describe(code))")
    }
}
