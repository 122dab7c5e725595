import CandorCore
import Foundation

/// A piece's states left in its partial's file when `candor merge` checked the partial, read
/// again when the merge reaches the piece: the merge then holds one piece's states at a time,
/// not every partial's (a partial is mostly respondent ids, tens of bytes per respondent).
///
/// The bytes are checked against the SHA-256 taken when the whole partial was verified, so a
/// partial rewritten in between is an error (exit 66), never a different merge.
struct StoredState: Sendable {
    /// The partial's file.
    var path: String
    /// The states' bytes in the file.
    var range: Range<Int>
    /// Their SHA-256 when the partial was checked.
    var sha256: String

    /// Where `partial`'s piece `index` keeps its states in `bytes` (the file `path`, read whole),
    /// or `nil` when it has none.
    init?(_ partial: Partial, piece index: Int, bytes: [UInt8], path: String) {
        guard index < partial.stateRangesInPayload.count, let inPayload = partial.stateRangesInPayload[index] else {
            return nil
        }
        let start = PartialFile.payloadOffset
        let range = (start + inPayload.lowerBound)..<(start + inPayload.upperBound)
        let digest = SHA256Digest()
        bytes.withUnsafeBytes { digest.update(UnsafeRawBufferPointer(rebasing: $0[range])) }
        self.path = path
        self.range = range
        sha256 = digest.finalizeHex()
    }

    /// The states' bytes, read from the file and checked.
    /// - Throws: `RunFailure` (66) when the file can no longer be read or its bytes changed.
    func read() throws(RunFailure) -> [UInt8] {
        let changed = RunFailure(.unreadableInput, "\(path): changed while the merge read it; run its shard again")
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw RunFailure(.unreadableInput, "\(path): can no longer be read")
        }
        defer { try? handle.close() }
        let data: Data?
        do {
            try handle.seek(toOffset: UInt64(range.lowerBound))
            data = try handle.read(upToCount: range.count)
        } catch {
            throw changed
        }
        guard let data, data.count == range.count else { throw changed }
        let bytes = Array(data)
        guard SHA256Digest.hex(of: bytes) == sha256 else { throw changed }
        return bytes
    }
}
