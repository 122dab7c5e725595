#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes a file so that readers see either the old complete file or the new complete file.
///
/// A nightly job can be killed, run out of disk or lose power at any moment; a half-written
/// report that a dashboard then publishes is worse than yesterday's. So the bytes go to a hidden
/// temporary file in the same folder (`.NAME.tmp-PID-RANDOM`, on the same file system, so the
/// rename is atomic), and `commit()` flushes, `fsync`s it, renames it over the final name and
/// `fsync`s the folder so the rename itself survives a crash.
///
/// The temporary file is created with `O_CREAT | O_EXCL` and the requested permissions, which
/// are never changed afterwards: a file of answers created `0600` is never world-readable, not
/// even between creation and a later `chmod`.
///
/// Not `Sendable`: it owns a descriptor and a buffer; one task writes one file. If it is
/// dropped without `commit()`, the temporary file is removed and the old file stays as it was.
/// The temporary file is entered in `RunsInProgress` while it exists, so a SIGINT or SIGTERM
/// removes it too.
package final class AtomicFileWriter {
    /// The final path the file appears at on commit.
    package let path: String
    /// The permission bits the file is created with.
    package let permissions: FilePermissions
    /// The hidden sibling written to until commit.
    package let temporaryPath: String

    /// Where the writer is in its life.
    private enum State {
        /// Accepting bytes.
        case writing
        /// Flushed, synced and closed; waiting to be renamed.
        case synced
        /// Renamed into place.
        case committed
        /// Temporary removed; nothing will be published.
        case abandoned
    }

    private var output: BufferedFileOutput
    private var state: State = .writing
    /// The first error, kept so that later calls report it rather than write into a file whose
    /// contents are no longer known.
    private var failure: OutputError?

    /// Creates the temporary file next to `path`.
    ///
    /// - Parameters:
    ///   - path: The final file name. Its folder must exist.
    ///   - permissions: The mode the file is created with (`.ownerOnly` for answers,
    ///     `.readableByAll` for reports), subject to the umask.
    /// - Throws: `OutputError.cannotCreate` naming `path`, e.g. when the folder is missing or
    ///   read-only.
    package init(path: String, permissions: FilePermissions) throws(OutputError) {
        self.path = path
        self.permissions = permissions
        let folder = POSIX.folder(of: path)
        let prefix = (folder == "." && !path.hasPrefix("./") ? "" : folder + (folder == "/" ? "" : "/"))
        let stem = prefix + "." + POSIX.fileName(of: path) + ".tmp-\(getpid())-"
        // O_EXCL makes creation fail rather than reuse a file someone else made; a clash of
        // the random suffix is vanishingly rare, but costs only a retry.
        var attempt = 0
        while true {
            let candidate = stem + String(UInt32.random(in: .min ... .max), radix: 16)
            switch POSIX.open(candidate, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, permissions) {
            case .success(let descriptor):
                guard RunsInProgress.shared.addTemporaryFile(candidate) else {
                    // A signal is ending the process: its handler may already have cleaned up.
                    close(descriptor)
                    unlink(candidate)
                    throw .cannotCreate(path: path, reason: "candor is being stopped by a signal")
                }
                temporaryPath = candidate
                output = BufferedFileOutput(descriptor: descriptor, displayPath: path)
                return
            case .failure(let error) where error.code == EEXIST && attempt < 8:
                attempt += 1
            case .failure(let error):
                throw .cannotCreate(path: path, reason: error.text)
            }
        }
    }

    deinit {
        if state != .committed { abandon() }
    }

    /// Appends bytes to the file (buffered; see `commit()` for when they reach the disk).
    ///
    /// - Throws: `OutputError.cannotWrite` naming the final path, e.g. "No space left on device".
    ///   After an error the writer refuses further writes and `commit()` rethrows it.
    package func write(_ bytes: UnsafeRawBufferPointer) throws(OutputError) {
        if let failure { throw failure }
        precondition(state == .writing, "AtomicFileWriter.write called after commit or abandon")
        do {
            try output.write(bytes)
        } catch {
            failure = error
            throw error
        }
    }

    /// Appends the bytes of an array.
    package func write(_ bytes: [UInt8]) throws(OutputError) {
        // withUnsafeBytes rethrows untyped errors; a Result carries the typed one out.
        try bytes.withUnsafeBytes { raw in Result { () throws(OutputError) in try write(raw) } }.get()
    }

    /// Appends a string as UTF-8.
    package func write(_ text: String) throws(OutputError) {
        var text = text
        try text.withUTF8 { utf8 in
            Result { () throws(OutputError) in try write(UnsafeRawBufferPointer(utf8)) }
        }.get()
    }

    /// Publishes the file: flush, `fsync`, rename over `path`, `fsync` the folder.
    ///
    /// On failure the temporary file is removed and any old file at `path` is left untouched
    /// (unless the failure was syncing the folder, after the rename).
    /// - Throws: `OutputError` naming `path`.
    package func commit() throws(OutputError) {
        try syncAndClose()
        try rename()
        try Self.syncFolders(of: [self])
    }

    /// Removes the temporary file and leaves any old file at `path` as it was.
    ///
    /// Safe to call more than once, and after a failure; does nothing after a commit.
    package func abandon() {
        switch state {
        case .committed, .abandoned:
            return
        case .writing:
            close(output.descriptor)
        case .synced:
            break
        }
        unlink(temporaryPath)
        RunsInProgress.shared.removeTemporaryFile(temporaryPath)
        state = .abandoned
    }

    /// Step one of a commit: flushes, syncs and closes the temporary file.
    ///
    /// A failure abandons the writer.
    func syncAndClose() throws(OutputError) {
        if let failure {
            abandon()
            throw failure
        }
        precondition(state == .writing, "AtomicFileWriter committed twice or after abandon")
        do {
            try output.flush()
        } catch {
            failure = error
            abandon()
            throw error
        }
        if let code = POSIX.sync(output.descriptor) {
            return try fail(.cannotWrite(path: path, reason: POSIX.describe(code)))
        }
        // close(2) can report a deferred write error (NFS, some FUSE file systems); the
        // descriptor is released either way, so it is never closed twice.
        let closed = close(output.descriptor)
        state = .synced
        if closed != 0 && errno != EINTR {
            return try fail(.cannotWrite(path: path, reason: POSIX.lastError))
        }
    }

    /// Step two of a commit: renames the synced temporary file over the final name.
    func rename() throws(OutputError) {
        precondition(state == .synced, "AtomicFileWriter.rename before syncAndClose")
        #if canImport(Darwin)
            let renamed = Darwin.rename(temporaryPath, path)
        #else
            let renamed = Glibc.rename(temporaryPath, path)
        #endif
        if renamed != 0 {
            return try fail(.cannotReplace(path: path, reason: POSIX.lastError))
        }
        RunsInProgress.shared.removeTemporaryFile(temporaryPath)
        state = .committed
    }

    /// Step three: syncs each distinct folder once, so the renames survive a crash.
    static func syncFolders(of writers: [AtomicFileWriter]) throws(OutputError) {
        var seen = Set<String>()
        for writer in writers {
            let folder = POSIX.folder(of: writer.path)
            guard seen.insert(folder).inserted else { continue }
            // Some file systems cannot sync a folder at all (EINVAL); there is nothing more
            // that can be done there, and the rename has happened.
            if let code = POSIX.syncFolder(folder), code != EINVAL, code != ENOTSUP {
                throw .cannotSyncFolder(path: folder, reason: POSIX.describe(code))
            }
        }
    }

    /// Makes the writer behave as if a write had just failed with `error`.
    ///
    /// Tests only: disk-full and I/O errors cannot be produced on demand in a temporary folder,
    /// and `commitAll` must be shown to publish nothing when one of several files fails.
    func simulateWriteFailure(_ error: OutputError) {
        failure = error
    }

    /// Records a failure, removes the temporary file and throws.
    private func fail(_ error: OutputError) throws(OutputError) {
        failure = error
        abandon()
        throw error
    }
}
