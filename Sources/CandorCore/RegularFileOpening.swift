#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Opens inputs for reading, refusing anything that is not a regular file.
///
/// A FIFO, a character device (`/dev/zero`, a terminal) or a socket never ends or blocks in
/// `open(2)` itself, and a run blocked there holds its output folder's lock for good. The
/// file is opened `O_NONBLOCK` (so opening a FIFO without a writer cannot block) and its type
/// checked on the descriptor, after symlinks are followed (drop folders use symlinks), so a
/// name swapped between a check and the open cannot slip through.
package enum RegularFileOpening {
    /// Why an input could not be opened.
    package enum Failure: Error, Sendable, Equatable {
        /// `open(2)` failed with this errno (`ENOENT`: no such file).
        case system(Int32)
        /// The path is a folder.
        case directory
        /// The path is something other than a regular file or folder: described in words.
        case notRegular(String)
    }

    /// A descriptor open for reading on the regular file at `path`, with its identity.
    package static func open(_ path: String) -> Result<(descriptor: Int32, identity: InputFileIdentity), Failure> {
        var descriptor: Int32
        repeat {
            #if canImport(Darwin)
                descriptor = Darwin.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            #else
                descriptor = Glibc.open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
            #endif
        } while descriptor < 0 && errno == EINTR
        guard descriptor >= 0 else { return .failure(.system(errno)) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else {
            let code = errno
            close(descriptor)
            return .failure(.system(code))
        }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else {
            close(descriptor)
            return .failure(type == S_IFDIR ? .directory : .notRegular(Self.describe(type)))
        }
        // Regular files ignore O_NONBLOCK; cleared anyway so reads mean what they say.
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) & ~O_NONBLOCK)
        return .success((descriptor, InputFileIdentity(info)))
    }

    /// The kind of a non-regular file, for "is a FIFO, not a regular file".
    static func describe(_ type: mode_t) -> String {
        switch type {
        case S_IFIFO: "a FIFO (named pipe)"
        case S_IFCHR: "a character device"
        case S_IFBLK: "a block device"
        case S_IFSOCK: "a socket"
        default: "not a regular file"
        }
    }
}
