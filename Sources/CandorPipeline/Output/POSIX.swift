#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Thin helpers over the C library calls the output layer makes, retrying interrupted calls.
enum POSIX {
    /// The system's text for an errno value, e.g. "No space left on device".
    static func describe(_ code: Int32) -> String {
        // strerror returns a static string for every known code; glibc formats unknown ones
        // into a per-thread buffer, so this is safe from concurrent tasks.
        String(cString: strerror(code))
    }

    /// The text for the calling thread's current errno.
    static var lastError: String { describe(errno) }

    /// Writes all of `bytes` to `descriptor`, continuing after short writes and EINTR.
    ///
    /// - Returns: nil on success, else the errno of the failing call.
    static func writeAll(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) -> Int32? {
        guard var next = bytes.baseAddress else { return nil }
        var remaining = bytes.count
        while remaining > 0 {
            let written = write(descriptor, next, remaining)
            if written < 0 {
                if errno == EINTR { continue }
                return errno
            }
            // write(2) never returns 0 for a regular file with a non-zero count; guard anyway so a
            // strange file system cannot make this loop forever.
            if written == 0 { return EIO }
            next += written
            remaining -= written
        }
        return nil
    }

    /// Opens a file, retrying EINTR.
    ///
    /// - Returns: the descriptor, or the errno.
    static func open(_ path: String, _ flags: Int32, _ permissions: FilePermissions) -> Result<Int32, Errno> {
        while true {
            #if canImport(Darwin)
                let descriptor = Darwin.open(path, flags, mode_t(permissions.rawValue))
            #else
                let descriptor = Glibc.open(path, flags, mode_t(permissions.rawValue))
            #endif
            if descriptor >= 0 { return .success(descriptor) }
            if errno != EINTR { return .failure(Errno(code: errno)) }
        }
    }

    /// Opens a file candor keeps in an output folder (the run log, the lock file) without
    /// following a symbolic link in its place.
    ///
    /// A link planted there would otherwise make candor append to, lock or create whatever file
    /// it points at. `O_NOFOLLOW` makes `open` fail with `ELOOP` instead, which this reports
    /// as `Errno.symbolicLink`, so the message says what is wrong rather than "Too many levels of
    /// symbolic links". (The reports and the rejects file are created under fresh temporary
    /// names with `O_EXCL`, which never follows a link, and renamed over their final names.)
    ///
    /// - Returns: the descriptor, or the errno.
    static func openOwnFile(_ path: String, _ flags: Int32, _ permissions: FilePermissions) -> Result<Int32, Errno> {
        open(path, flags | O_NOFOLLOW, permissions).mapError { error in
            error.code == ELOOP ? .symbolicLink : error
        }
    }

    /// fsync(2), retrying EINTR. Returns the errno on failure.
    static func sync(_ descriptor: Int32) -> Int32? {
        while fsync(descriptor) != 0 {
            if errno != EINTR { return errno }
        }
        return nil
    }

    /// Syncs a folder so that a rename inside it survives a power cut.
    ///
    /// - Returns: nil on success, else the errno.
    static func syncFolder(_ path: String) -> Int32? {
        let descriptor: Int32
        switch open(path, O_RDONLY | O_DIRECTORY | O_CLOEXEC, .ownerOnly) {
        case .success(let opened): descriptor = opened
        case .failure(let error): return error.code
        }
        defer { close(descriptor) }
        return sync(descriptor)
    }

    /// The folder part of a path ("." for a bare file name), for fsync after a rename.
    static func folder(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        if slash == path.startIndex { return "/" }
        return String(path[..<slash])
    }

    /// The last component of a path.
    static func fileName(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return path }
        return String(path[path.index(after: slash)...])
    }
}

/// An errno value as an `Error`, for `Result`.
struct Errno: Error {
    /// The errno value.
    var code: Int32
    /// Whether the file refused was a symbolic link (`ELOOP` from an `O_NOFOLLOW` open).
    var isSymbolicLink = false
    /// The system's text for it, or what to do about a refused symbolic link.
    var text: String {
        isSymbolicLink
            ? "it is a symbolic link, and candor does not follow links in an output folder; remove the link"
            : POSIX.describe(code)
    }

    /// A file refused because it is a symbolic link.
    static let symbolicLink = Errno(code: ELOOP, isSymbolicLink: true)
}
