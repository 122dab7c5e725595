import CandorCore
import Foundation

/// SHA-256 of an input computed on a thread of its own while the input is parsed, so the
/// checksum every report and run log carries costs the parsing thread only a copy.
///
/// Chunks are copied into a small ring of reusable buffers (the reader reuses its own buffer
/// at once); the hashing thread feeds them to the digest in order. The thread holds no
/// reference to this object, and it has finished every call into OpenSSL (the digest freed)
/// before `finalizeHex` or `deinit` returns: a process that exits right after can never tear
/// OpenSSL down under a running hash.
final class BackgroundDigest: @unchecked Sendable {
    // Safe: `result.hex` is written by the hashing thread before it signals `done`, and read
    // only after waiting for `done`; buffers move between the threads only through the channels.
    private let work = BatchChannel<[UInt8]?>(capacity: 3)
    private let free = BatchChannel<[UInt8]>(capacity: 3)
    private let done = DispatchSemaphore(value: 0)
    private let result = Result()
    private var finished = false

    /// Where the hashing thread leaves the digest.
    private final class Result: @unchecked Sendable {
        // Safe: see `BackgroundDigest`'s note on `done`.
        var hex = ""
    }

    init() {
        for _ in 0..<3 { free.send([]) }
        let (work, free, done, result) = (self.work, self.free, self.done, self.result)
        let thread = Thread {
            do {
                let digest = SHA256Digest()
                while let chunk = work.receive() {
                    chunk.withUnsafeBytes { digest.update($0) }
                    free.send(chunk)
                }
                result.hex = digest.finalizeHex()
            }
            done.signal()
        }
        thread.name = "candor-sha256"
        thread.start()
    }

    /// Hashes `bytes` next (they are copied before this returns).
    func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty, !finished else { return }
        var buffer = free.receive()
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: bytes)
        work.send(buffer)
    }

    /// The lowercase hex digest of everything given; waits for the hashing thread.
    func finalizeHex() -> String {
        finish()
        return result.hex
    }

    private func finish() {
        guard !finished else { return }
        finished = true
        work.send(nil)
        done.wait()
    }

    deinit { finish() }
}
