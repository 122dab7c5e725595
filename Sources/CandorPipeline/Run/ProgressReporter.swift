import CandorCore
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Progress on stderr while a long run reads its inputs: bytes, records per second and time
/// left. Only when stderr is a terminal: cron and log files never see it.
package final class ProgressReporter: @unchecked Sendable {
    // Safe: used from the one thread that consumes batches.
    private var totalBytes: Int64
    private var doneBytes: Int64 = 0
    private var fileBytes: [String: Int64]
    private var lastDraw = Date.distantPast
    private let started = Date()

    /// A reporter for `files`, or `nil` when stderr is not a terminal.
    package init?(files: [InputFile]) {
        guard isatty(2) == 1 else { return nil }
        var sizes: [String: Int64] = [:]
        // stat, not FileManager's attributes, which also look the owner up in the user database
        // (NSS), a library a statically linked binary would have to load at run time.
        for file in files.map(\.path) {
            var info = stat()
            sizes[file] = stat(file, &info) == 0 ? Int64(info.st_size) : 0
        }
        fileBytes = sizes
        totalBytes = sizes.values.reduce(0, +)
    }

    private var records = 0

    func advance(file: String, byteOffset: Int64, records batchRecords: Int) {
        records += batchRecords
        let now = Date()
        guard now.timeIntervalSince(lastDraw) >= 0.5 else { return }
        lastDraw = now
        let done = doneBytes + min(byteOffset, fileBytes[file] ?? byteOffset)
        let elapsed = now.timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let left = rate > 0 ? Double(totalBytes - done) / rate : 0
        let perSecond = elapsed > 0 ? Double(records) / elapsed : 0
        let line = String(
            format: "\r%@: %.0f of %.0f MB, %.0f records/s, about %.0f s left ", (file as NSString).lastPathComponent,
            Double(done) / 1e6, Double(totalBytes) / 1e6, perSecond, left)
        StandardStream.error.write(line)
    }

    func finish(file: String) {
        doneBytes += fileBytes[file] ?? 0
        StandardStream.error.write("\r\u{1B}[K")
    }
}
