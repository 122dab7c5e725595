#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Which file an input is, and which version of it: device, inode, size and modification time.
///
/// A run reads an input for seconds or minutes; a drop folder's uploader can truncate, append
/// to or replace it meanwhile. Comparing the identity taken when the file was opened with the
/// one after the last byte was read tells whether the bytes parsed (and hashed) are one
/// version of the file. (An in-place rewrite of the same size within one tick of the file
/// system's clock is the one change this cannot see.)
package struct InputFileIdentity: Sendable, Hashable, CustomStringConvertible {
    /// The device holding the file.
    package var device: UInt64
    /// The inode number.
    package var inode: UInt64
    /// The size in bytes.
    package var size: Int64
    /// Modification time: whole seconds since the epoch.
    package var modifiedSeconds: Int
    /// The nanoseconds part of the modification time.
    package var modifiedNanoseconds: Int

    /// The identity of `info`.
    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
        size = Int64(info.st_size)
        #if canImport(Darwin)
            modifiedSeconds = Int(info.st_mtimespec.tv_sec)
            modifiedNanoseconds = Int(info.st_mtimespec.tv_nsec)
        #else
            modifiedSeconds = Int(info.st_mtim.tv_sec)
            modifiedNanoseconds = Int(info.st_mtim.tv_nsec)
        #endif
    }

    /// The identity of the open file `descriptor`; `nil` if `fstat` fails.
    package init?(descriptor: Int32) {
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { return nil }
        self.init(info)
    }

    /// The identity of what `path` names now, symlinks followed; `nil` if it cannot be stat'ed.
    package init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    /// `size N, modified S.NNNNNNNNN`, for messages.
    package var description: String {
        let nanoseconds = String(modifiedNanoseconds)
        return
            "\(size) bytes, modified \(modifiedSeconds).\(String(repeating: "0", count: max(0, 9 - nanoseconds.count)))\(nanoseconds)"
    }

    /// What is wrong when `now` (taken after reading) is not this identity (taken when the file
    /// was opened), in words for the message after "changed while it was read"; `nil` when
    /// they are the same file and version.
    package func change(to now: InputFileIdentity?) -> String? {
        guard let now else { return "it is gone" }
        if now.device != device || now.inode != inode { return "it was replaced by another file" }
        if now.size < size { return "it was truncated from \(size) to \(now.size) bytes" }
        if now.size > size { return "it grew from \(size) to \(now.size) bytes" }
        if now != self { return "it was rewritten (modification time changed)" }
        return nil
    }
}
