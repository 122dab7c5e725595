import CandorCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An input file read in fixed chunks and handed on as UTF-8: the byte-order mark stripped,
/// UTF-16 and Windows-1252 transcoded before any byte reaches libcsv.
///
/// Offsets are counted in the decoded (UTF-8) stream; for UTF-8 files they equal the file's
/// own offsets after the BOM.
final class DecodedInput {
    let path: String
    let encoding: TextEncoding
    let bomLength: Int
    /// How the encoding was chosen when the input said nothing of it (`EncodingSniff.guess`).
    let guess: EncodingSniff.Guess?
    /// For an input read as Windows-1252 by guess: the whole file's bytes, checked as they
    /// pass, so a byte further on that contradicts the guess fails the read.
    private var guessCheck: EncodingEvidence?
    /// Size of the file in bytes, as stored.
    let fileSize: Int64
    /// The file as opened: reading must end with the same identity, after exactly its size.
    let identity: InputFileIdentity
    private let descriptor: Int32
    private let chunkSize: Int
    private let buffer: UnsafeMutableRawPointer
    private var transcoder: StreamingTranscoder?
    private var transcoded: [UInt8] = []
    /// `nil` when the caller hashes the file itself (parallel parts each read only a range).
    private let digest: BackgroundDigest?
    /// Raw bytes fed to the digest so far; a rewind never hashes a byte twice.
    private var hashedUpTo: Int64 = 0
    private var rawPosition: Int64 = 0
    /// Decoded offset of the next byte `next()` returns.
    private(set) var decodedOffset: Int64 = 0
    private var atEnd = false
    /// Decoded offset where `next()` stops, as if the file ended there (`nil`: the file's end).
    private(set) var limit: Int64?

    init(path: String, declared: TextEncoding?, chunkSize: Int, hashing: Bool = true) throws(IngestError) {
        self.path = path
        self.chunkSize = chunkSize
        digest = hashing ? BackgroundDigest() : nil
        switch RegularFileOpening.open(path) {
        case .success(let opened):
            descriptor = opened.descriptor
            identity = opened.identity
        case .failure(let failure):
            throw IngestError(opening: path, failure)
        }
        fileSize = identity.size
        // 64-byte alignment: a 16-byte-off buffer makes read(2)'s copy several times slower.
        // The encoding is sniffed from a prefix (the byte-order mark, else the first 64 KiB)
        // whatever the chunk size: a chunk smaller than the mark would otherwise hide it.
        buffer = .allocate(byteCount: max(chunkSize, Self.sniffBytes), alignment: 64)
        let prefixLength = read(descriptor, buffer, Self.sniffBytes)
        guard prefixLength >= 0 else {
            let text = Self.errnoText(errno)
            close(descriptor)
            buffer.deallocate()
            throw IngestError(.unreadable, file: path, detail: text)
        }
        if prefixLength > 0 && fileSize == 0 {
            close(descriptor)
            buffer.deallocate()
            throw IngestError(
                .notRegular, file: path,
                detail: "reports a size of 0 but has content (a /proc or /sys file?); copy it to a regular file first")
        }
        let sniff = EncodingSniffer.sniff(
            prefix: UnsafeRawBufferPointer(start: buffer, count: prefixLength), declared: declared,
            prefixIsWholeFile: prefixLength < Self.sniffBytes)
        encoding = sniff.encoding
        bomLength = sniff.bomLength
        guess = sniff.guess
        if case .windows1252 = sniff.guess { guessCheck = EncodingEvidence() }
        if let refusal = sniff.refusal {
            throw IngestError(.unknownEncoding, file: path, detail: refusal)
        }
        if prefixLength <= bomLength {
            // Every stored property is set by now, so `deinit` runs and closes and frees: doing
            // it here too was a double free.
            throw IngestError(.empty, file: path, detail: "is empty")
        }
        if encoding != .utf8 { transcoder = StreamingTranscoder(encoding: encoding) }
        lseek(descriptor, 0, SEEK_SET)
    }

    /// Bytes read up front for the encoding sniffer.
    private static let sniffBytes = EncodingSniffer.guessWindow

    deinit {
        close(descriptor)
        buffer.deallocate()
        decodedBuffer.deallocate()
    }

    /// The SHA-256 of the file as stored; complete once the whole file has been read (`nil`
    /// when created without hashing).
    func sha256() -> String? { digest?.finalizeHex() }

    /// Makes `next()` end at decoded offset `offset` (`nil`: at the end of the file). Only for
    /// input read without transcoding, whose decoded offsets are file offsets.
    func setLimit(_ offset: Int64?) {
        limit = offset
        if offset == nil || decodedOffset < offset! { atEnd = false }
    }

    static func errnoText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// The next decoded chunk, valid until the next call; `nil` at the end of the file.
    func next() throws(IngestError) -> UnsafeRawBufferPointer? {
        while !atEnd {
            var wanted = chunkSize
            if let limit {
                let left = limit - decodedOffset
                if left <= 0 { return nil }
                wanted = Int(min(Int64(wanted), left))
            }
            let count = read(descriptor, buffer, wanted)
            guard count >= 0 else {
                if errno == EINTR { continue }
                throw IngestError(.unreadable, file: path, detail: "read failed: " + Self.errnoText(errno))
            }
            // Past the size it had when opened, the file is no longer the version being read
            // (and a /proc file that never ends stops here).
            if rawPosition + Int64(count) > fileSize {
                throw IngestError(changed: path, how: "it grew past the \(fileSize) bytes it had when opened")
            }
            if count == 0 { try verifyUnchanged(readToEnd: true) }
            let raw = UnsafeRawBufferPointer(start: buffer, count: count)
            hashUnseen(raw)
            let skip = rawPosition < Int64(bomLength) ? min(count, bomLength - Int(rawPosition)) : 0
            rawPosition += Int64(count)
            if count == 0 { atEnd = true }
            let payload = UnsafeRawBufferPointer(rebasing: raw[skip...])
            if guessCheck != nil { try checkGuess(payload, isFinal: count == 0) }
            let decoded: UnsafeRawBufferPointer
            if transcoder != nil {
                transcoded.removeAll(keepingCapacity: true)
                transcoder!.transcode(payload, appendingTo: &transcoded, isFinal: count == 0)
                decoded = copyToDecodedBuffer(transcoded)
            } else {
                decoded = payload
            }
            if decoded.isEmpty { continue }
            decodedOffset += Int64(decoded.count)
            return decoded
        }
        return nil
    }

    /// Offset (in the decoded stream) of the first byte of the chunk `next()` last returned.
    func chunkStart(_ chunk: UnsafeRawBufferPointer) -> Int64 { decodedOffset - Int64(chunk.count) }

    /// Goes back (or forward) to decoded offset `offset`, so that `next()` continues there.
    func rewind(toDecodedOffset offset: Int64) throws(IngestError) {
        atEnd = false
        if transcoder == nil {
            rawPosition = offset + Int64(bomLength)
            lseek(descriptor, off_t(rawPosition), SEEK_SET)
            decodedOffset = offset
            return
        }
        // Transcoded input has no fixed byte ratio: decode again from the start and drop what
        // comes before `offset` (a rare, error-recovery path).
        lseek(descriptor, 0, SEEK_SET)
        rawPosition = 0
        decodedOffset = 0
        transcoder = StreamingTranscoder(encoding: encoding)
        if guessCheck != nil { guessCheck = EncodingEvidence() }
        pendingSkip = offset
    }

    /// Holds the rest of a file read as Windows-1252 by guess to that guess: a multi-byte UTF-8
    /// sequence or an undefined byte further on means the guess was wrong, and the read fails
    /// rather than turning the text into something else silently.
    private func checkGuess(_ payload: UnsafeRawBufferPointer, isFinal: Bool) throws(IngestError) {
        guessCheck!.scan(payload, isFinal: isFinal)
        guard let check = guessCheck,
            check.firstMultibyteSequence != nil || check.firstUndefinedInWindows1252 != nil
        else { return }
        throw IngestError(
            .unknownEncoding, file: path,
            detail: "was read as windows-1252 (its first \(EncodingSniffer.guessWindow / 1024) KiB are not utf-8 and "
                + "hold no multi-byte utf-8 sequence), but further on it \(EncodingSniffer.notWindows1252(check)); "
                + EncodingSniffer.hint)
    }

    private var pendingSkip: Int64 = 0
    private var decodedBuffer = UnsafeMutableRawBufferPointer(start: nil, count: 0)

    /// Copies transcoded bytes to a buffer this object owns, so the returned pointer stays
    /// valid until the next call (an array's storage may not be borrowed beyond a closure).
    private func copyToDecodedBuffer(_ bytes: [UInt8]) -> UnsafeRawBufferPointer {
        if decodedBuffer.count < bytes.count {
            decodedBuffer.deallocate()
            decodedBuffer = .allocate(byteCount: bytes.count * 2, alignment: 64)
        }
        bytes.withUnsafeBytes { decodedBuffer.copyMemory(from: $0) }
        return UnsafeRawBufferPointer(start: decodedBuffer.baseAddress, count: bytes.count)
    }

    /// Like `next()`, but drops decoded bytes before a rewind target.
    func nextChunk() throws(IngestError) -> UnsafeRawBufferPointer? {
        while let chunk = try next() {
            guard pendingSkip > 0 else { return chunk }
            let start = chunkStart(chunk)
            if decodedOffset <= pendingSkip { continue }
            let drop = Int(pendingSkip - start)
            pendingSkip = 0
            return UnsafeRawBufferPointer(rebasing: chunk[drop...])
        }
        return nil
    }

    /// Throws `IngestError.Kind.changed` unless the file is still the version opened: the same
    /// identity through the descriptor and through its path, and, with `readToEnd`, every one
    /// of its bytes read.
    func verifyUnchanged(readToEnd: Bool = false) throws(IngestError) {
        if readToEnd && rawPosition < fileSize {
            let now = InputFileIdentity(descriptor: descriptor)
            let how = identity.change(to: now) ?? "it ended after \(rawPosition) of its \(fileSize) bytes"
            throw IngestError(changed: path, how: how)
        }
        let how =
            identity.change(to: InputFileIdentity(descriptor: descriptor))
            ?? identity.change(to: InputFileIdentity(path: path))
        if let how { throw IngestError(changed: path, how: how) }
    }

    private func hashUnseen(_ raw: UnsafeRawBufferPointer) {
        let end = rawPosition + Int64(raw.count)
        guard let digest, end > hashedUpTo else { return }
        let from = Int(max(0, hashedUpTo - rawPosition))
        digest.update(UnsafeRawBufferPointer(rebasing: raw[from...]))
        hashedUpTo = end
    }
}
