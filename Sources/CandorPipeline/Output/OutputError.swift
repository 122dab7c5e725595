/// A failure to produce the run's output files, with the path and the system's reason.
///
/// Every case names the file a person would look at (the final path, never a hidden temporary
/// file) and the `strerror` text, so the cron mail says what to fix:
/// `cannot write /srv/reports/report.md: No space left on device`.
package enum OutputError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file (or its temporary sibling) could not be created.
    case cannotCreate(path: String, reason: String)
    /// Writing, flushing or syncing the file failed.
    case cannotWrite(path: String, reason: String)
    /// The finished file could not be renamed over its final name.
    case cannotReplace(path: String, reason: String)
    /// The folder holding the output could not be synced after a rename.
    case cannotSyncFolder(path: String, reason: String)
    /// An existing output file (the run log) could not be read.
    case cannotRead(path: String, reason: String)
    /// The lock file could not be opened or locked for a reason other than another holder.
    case cannotLock(path: String, reason: String)
    /// Another run holds the output folder's lock.
    case locked(path: String)

    /// The path concerned.
    package var path: String {
        switch self {
        case .cannotCreate(let path, _), .cannotWrite(let path, _), .cannotReplace(let path, _),
            .cannotSyncFolder(let path, _), .cannotRead(let path, _), .cannotLock(let path, _),
            .locked(let path):
            path
        }
    }

    /// The exit code a run that fails this way ends with.
    package var exitStatus: ExitStatus {
        switch self {
        case .locked: .locked
        default: .cannotWriteOutput
        }
    }

    /// A sentence for stderr: what failed, where, and why.
    package var description: String {
        switch self {
        case .cannotCreate(let path, let reason): "cannot create \(path): \(reason)"
        case .cannotWrite(let path, let reason): "cannot write \(path): \(reason)"
        case .cannotReplace(let path, let reason): "cannot replace \(path): \(reason)"
        case .cannotSyncFolder(let path, let reason): "cannot sync folder \(path): \(reason)"
        case .cannotRead(let path, let reason): "cannot read \(path): \(reason)"
        case .cannotLock(let path, let reason): "cannot lock \(path): \(reason)"
        case .locked(let path): "another candor run holds \(path); try again later"
        }
    }
}
