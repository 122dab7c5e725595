#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One run at a time per output folder: an exclusive `flock(2)` on `<folder>/.candor.lock`.
///
/// Cron starts tonight's run whether or not last night's finished; two runs writing the same
/// reports would each publish a mix. The lock is `flock` rather than a PID file or `O_EXCL`
/// marker because the kernel drops it when the holder's descriptor closes, and a process's
/// descriptors close when it dies, even by `SIGKILL` or a power cut. There is never a stale
/// lock to clean up, so the lock file itself is left in place and never deleted (deleting it
/// would let two runs lock two different files under one name).
///
/// A symbolic link in the lock file's place is refused (`POSIX.openOwnFile`): following it
/// would create or lock whatever file it names.
///
/// `flock` locks belong to the open file description: two `OutputLock`s on the same folder
/// conflict even inside one process, just as two processes do.
///
/// Not `Sendable`: it owns a descriptor. `acquire(wait: true)` blocks the calling thread, so
/// call it before starting concurrent work, not from a task on the shared thread pool.
package final class OutputLock {
    /// The lock file's path, `<folder>/.candor.lock`.
    package let path: String
    /// The descriptor holding the lock, or nil when not held.
    private var descriptor: Int32?

    /// The lock for an output folder; nothing is opened until `acquire`.
    package init(directory: String) {
        path = (directory.hasSuffix("/") ? directory : directory + "/") + ".candor.lock"
    }

    deinit {
        release()
    }

    /// Whether this object currently holds the lock.
    package var isHeld: Bool { descriptor != nil }

    /// Takes the lock, creating the lock file (mode 0644) if missing.
    ///
    /// - Parameter wait: Whether to block until another holder releases it. A cron run passes
    ///   `false` and exits with `ExitStatus.locked` (75, try again later).
    /// - Throws: `OutputError.locked` if another holder has it and `wait` is false;
    ///   `OutputError.cannotLock` if the file cannot be opened or locked.
    package func acquire(wait: Bool) throws(OutputError) {
        if descriptor != nil { return }
        let opened: Int32
        switch POSIX.openOwnFile(path, O_RDWR | O_CREAT | O_CLOEXEC, .readableByAll) {
        case .success(let fd): opened = fd
        case .failure(let error): throw .cannotLock(path: path, reason: error.text)
        }
        let operation = LOCK_EX | (wait ? 0 : LOCK_NB)
        while flock(opened, operation) != 0 {
            let code = errno
            if code == EINTR { continue }
            close(opened)
            if code == EWOULDBLOCK { throw .locked(path: path) }
            throw .cannotLock(path: path, reason: POSIX.describe(code))
        }
        descriptor = opened
    }

    /// Releases the lock if held: unlocked explicitly, then closed. Closing alone would leave the
    /// lock held while any copy of the descriptor lives: a child process another thread is
    /// forking holds one until its `exec` closes it (`O_CLOEXEC`), and a test run that spawned
    /// `candor` processes in parallel saw a released lock still taken.
    package func release() {
        guard let descriptor else { return }
        flock(descriptor, LOCK_UN)
        close(descriptor)
        self.descriptor = nil
    }
}
