import CandorCore

/// A partial's file: `CANDORPT`, the format version and the payload's length (64-bit
/// little-endian words), the payload, then the SHA-256 of everything before it (64 hex digits).
///
/// Reading checks, in order, that the file is a partial, of this format version (exit 78
/// otherwise: another candor wrote it), whole and unaltered (exit 66 otherwise).
package enum PartialFile {
    /// The format version written; a partial of another version is refused. Changes whenever
    /// any state's encoding does.
    package static let formatVersion = 3
    private static let magic = Array("CANDORPT".utf8)
    /// Where the payload starts in the file.
    static let payloadOffset = 24
    private static let headerSize = payloadOffset
    private static let digestSize = 64

    /// The file's bytes for `partial`.
    package static func bytes(of partial: Partial) -> [UInt8] {
        var writer = StateWriter()
        let payload = partial.encodePayload()
        writer.word(UInt64(formatVersion))
        writer.integer(payload.count)
        var bytes = magic + writer.bytes + payload
        bytes += Array(SHA256Digest.hex(of: bytes).utf8)
        return bytes
    }

    /// The partial `bytes` hold; `name` names the file in errors. With `statesLeftInFile`, its
    /// pieces' states are not copied out: `Partial.stateRangesInPayload` says where they lie,
    /// `payloadOffset` where the payload starts in the file.
    /// - Throws: `RunFailure` with exit 78 for another format version, 66 for a file that is
    ///   not a whole, unaltered partial.
    package static func partial(from bytes: [UInt8], name: String, statesLeftInFile: Bool = false) throws(RunFailure)
        -> Partial
    {
        guard bytes.count >= magic.count, Array(bytes.prefix(magic.count)) == magic else {
            throw RunFailure(.unreadableInput, "\(name): not a candor partial (it does not start with CANDORPT)")
        }
        guard bytes.count >= headerSize else {
            throw RunFailure(.unreadableInput, "\(name): truncated (\(bytes.count) bytes, shorter than the header)")
        }
        var header = StateReader(Array(bytes[magic.count..<headerSize]))
        let version = (try? header.integer()) ?? -1
        guard version == formatVersion else {
            throw RunFailure(
                .configuration,
                "\(name): a partial of format version \(version); this candor reads version \(formatVersion): run the shards and the merge with the same candor"
            )
        }
        let length = (try? header.integer()) ?? -1
        guard length >= 0, bytes.count == headerSize + length + digestSize else {
            throw RunFailure(
                .unreadableInput,
                "\(name): truncated or padded (\(bytes.count) bytes; its header says \(headerSize + max(length, 0) + digestSize)); run its shard again"
            )
        }
        let body = Array(bytes[..<(headerSize + length)])
        guard SHA256Digest.hex(of: body) == String(decoding: bytes[(headerSize + length)...], as: UTF8.self) else {
            throw RunFailure(.unreadableInput, "\(name): corrupt (its checksum does not match); run its shard again")
        }
        do {
            return try Partial(
                payload: Array(bytes[headerSize..<(headerSize + length)]), statesLeftInFile: statesLeftInFile)
        } catch {
            throw RunFailure(.unreadableInput, "\(name): corrupt (\(error.description)); run its shard again")
        }
    }
}
