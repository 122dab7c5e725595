#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Writes to the process's standard error (or output) with `write(2)` and never fails.
///
/// `FileHandle.write(_:)` traps when the write fails (a closed descriptor, `/dev/full`, a disk
/// full under a cron job's `2>>log`): a failing run then died with SIGILL instead of its own
/// exit status, before its run-log entry. A message that cannot be shown is lost, never fatal:
/// the exit status and the run log still tell what happened.
package enum StandardStream {
    /// Standard output, descriptor 1.
    case output
    /// Standard error, descriptor 2.
    case error

    /// Writes `text` as UTF-8, continuing after short writes and `EINTR`; any other error
    /// (`EPIPE`, `ENOSPC`, `EBADF`, …) drops the rest of the text silently.
    package func write(_ text: String) {
        var text = text
        text.withUTF8 { write(UnsafeRawBufferPointer($0)) }
    }

    /// Writes `bytes`, like `write(_:)` for text.
    package func write(_ bytes: UnsafeRawBufferPointer) {
        let descriptor: Int32 = self == .output ? 1 : 2
        guard var next = bytes.baseAddress else { return }
        var remaining = bytes.count
        while remaining > 0 {
            #if canImport(Darwin)
                let written = Darwin.write(descriptor, next, remaining)
            #else
                let written = Glibc.write(descriptor, next, remaining)
            #endif
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { return }
            next += written
            remaining -= written
        }
    }
}
