import CandorCore
import Foundation

/// SHA-256 of an input computed on a thread of its own while the input is parsed, so the
/// checksum every report and run log carries costs the parsing thread only a copy.
///
/// Chunks are copied into a small ring of reusable buffers (the reader reuses its own buffer
/// at once); the hashing thread feeds them to the digest in order.
final class BackgroundDigest: @unchecked Sendable {
    // Safe: `digest` is touched only by the hashing thread until `finalizeHex` has waited for it;
    // buffers move between the two threads only through the channels.
    private let work = BatchChannel<[UInt8]?>(capacity: 3)
    private let free = BatchChannel<[UInt8]>(capacity: 3)
    private let done = DispatchSemaphore(value: 0)
    private var hex = ""
    private var finished = false

    init() {
        for _ in 0..<3 { free.send([]) }
        let thread = Thread { [self] in
            let digest = SHA256Digest()
            while let chunk = work.receive() {
                chunk.withUnsafeBytes { digest.update($0) }
                free.send(chunk)
            }
            hex = digest.finalizeHex()
            done.signal()
        }
        thread.name = "candor-sha256"
        thread.start()
    }

    /// Hashes `bytes` next (they are copied before this returns).
    func update(_ bytes: UnsafeRawBufferPointer) {
        guard !bytes.isEmpty else { return }
        var buffer = free.receive()
        buffer.removeAll(keepingCapacity: true)
        buffer.append(contentsOf: bytes)
        work.send(buffer)
    }

    /// The lowercase hex digest of everything given; waits for the hashing thread.
    func finalizeHex() -> String {
        if !finished {
            finished = true
            work.send(nil)
            done.wait()
        }
        return hex
    }

    deinit {
        if !finished {
            work.send(nil)
            done.wait()
        }
    }
}
