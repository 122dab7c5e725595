internal import CLibCSV
import CandorCore

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A place in the decoded input where parsing can start again.
struct ResumePoint: Equatable {
    /// Decoded offset of the first byte to parse.
    var offset: Int64
    /// Physical line that byte is on.
    var line: Int
    /// Whether the byte before it is a CR: an LF there is the second half of a CRLF, not a
    /// line of its own (a chunk boundary can fall between the two).
    var afterCR: Bool
}

/// What the tokenizer asks of its caller after a piece of input.
enum FeedOutcome: Equatable {
    /// Every byte was consumed; feed the next.
    case consumed
    /// A quoted field ran past the field size limit: almost always a stray or unclosed quote.
    /// That record was rejected; parsing must start again at the point given (the line after
    /// the record's first line), which is behind what was fed.
    case restart(ResumePoint)
    /// The record limit given at creation was reached; the point given is where the next
    /// record starts.
    case reachedRecordLimit(ResumePoint)
}

/// The hot state the libcsv callbacks work on, reached through libcsv's context pointer (a
/// struct, not a class, so the callbacks pay no exclusivity checks).
struct TokenizerState {
    var storage: BatchStorage
    var maxFieldBytes: Int
    /// Fields a record must have; 0 while the header is not yet known.
    var expectedFields = 0
    /// Tolerate one extra, empty last field (legacy Qualtrics lines end in a trailing comma).
    var allowsTrailingEmptyField = false
    var fieldsInRecord = 0
    var fieldOverflowed = false
    /// Bytes of an oversized field kept (its first ones), for the rejects file.
    var keptPrefix: Int
    var problem: RecordProblem?
    var recordEmitted = false
    var recordLine = 1
    var recordOffset: Int64 = 0
    var nextRecordNumber = 1
    var lastFieldWasEmpty = false
}

/// The owner of one libcsv parser: turns UTF-8 bytes into records in `RecordBatch`es.
///
/// libcsv reports fields and records but not where they are. To give every record its line and
/// byte offset, input is fed one line at a time (each piece ends at a CR, LF or CRLF), so a
/// record can only end at the end of a piece. Line breaks inside quoted fields simply span
/// several pieces. The cost is one `csv_parse` call per line.
final class LibCSVTokenizer {
    private var parser: UnsafeMutablePointer<csv_parser>
    private var state: UnsafeMutablePointer<TokenizerState>
    private let delimiter: UInt8
    private let trimSpaces: Bool
    private let batchRecords: Int
    private let batchBytes: Int
    private let recordLimit: Int?
    /// Sealed batches not yet taken.
    private(set) var sealed: [BatchStorage] = []
    /// Blank lines skipped so far.
    private(set) var blankLines = 0
    /// Physical line number at the current input position.
    private(set) var line: Int
    /// Line breaks seen: a CR, an LF and a CRLF each count once.
    private(set) var lineEndings = LineEndingCounts()
    private var previousPieceEndedWithCR = false
    /// Whether the next piece starts a physical line. Pieces end at line breaks, but a chunk
    /// boundary can also cut a line into several pieces: only a line start can start a record.
    private var atLineStart = true
    /// Whether the line in progress started outside any record (so it is blank if it ends
    /// without a record).
    private var lineStartedOutside = true
    /// Whether a record ended on the line in progress.
    private var lineEndedRecord = false
    /// Whether the last line break counted was a CR whose LF may still follow in the next chunk.
    private var lastCountedEndingWasCR = false
    /// Where the record in progress has its second line, for a restart after it.
    private var recordSecondLine: ResumePoint?
    private var recordsEmitted = 0
    /// Bytes of an oversized field kept for the rejects file: the same whatever the chunking.
    private let keptPrefix: Int

    /// Pieces longer than this are fed in parts, so an oversized field is noticed before libcsv
    /// has buffered much more than the field size limit.
    private static let longPiece = 64 * 1024

    init(
        delimiter: UInt8, trimSpaces: Bool, maxFieldBytes: Int, firstLine: Int, startsAfterCR: Bool = false,
        batchRecords: Int = 2048, batchBytes: Int = 256 * 1024, recordLimit: Int? = nil
    ) {
        previousPieceEndedWithCR = startsAfterCR
        keptPrefix = min(256, maxFieldBytes)
        self.delimiter = delimiter
        self.trimSpaces = trimSpaces
        self.batchRecords = batchRecords
        self.batchBytes = batchBytes
        self.recordLimit = recordLimit
        self.line = firstLine
        parser = .allocate(capacity: 1)
        state = .allocate(capacity: 1)
        state.initialize(
            to: TokenizerState(
                storage: BatchStorage(byteCapacity: batchBytes, recordCapacity: batchRecords),
                maxFieldBytes: maxFieldBytes, keptPrefix: min(256, maxFieldBytes)))
        Self.initialize(parser, delimiter: delimiter, trimSpaces: trimSpaces)
    }

    deinit {
        csv_free(parser)
        parser.deallocate()
        state.pointee.storage.deallocate()
        for storage in sealed { storage.deallocate() }
        state.deinitialize(count: 1)
        state.deallocate()
    }

    /// Sets the field count every later record must have.
    func expectFields(_ count: Int, allowingTrailingEmpty: Bool) {
        state.pointee.expectedFields = count
        state.pointee.allowsTrailingEmptyField = allowingTrailingEmpty
    }

    /// Records numbered so far (every record emitted, rejected ones included).
    var recordsNumbered: Int { state.pointee.nextRecordNumber - 1 }

    /// Whether the input fed so far ends between records at the start of a line (after an LF):
    /// a parser started afresh there reads exactly what this one would go on to read.
    var isAtRecordBoundary: Bool {
        parser.pointee.parseState == .rowNotBegun && atLineStart && !previousPieceEndedWithCR
    }

    private static func initialize(_ parser: UnsafeMutablePointer<csv_parser>, delimiter: UInt8, trimSpaces: Bool) {
        // Lenient mode (no CSV_STRICT): a stray quote is kept as a character, like Python's csv
        // module; the strict parser cannot continue after an error, and the unclosed-quote case
        // that matters is caught here instead (see `finish`).
        _ = csv_init(parser, 0)
        csv_set_delim(parser, delimiter)
        if !trimSpaces { csv_set_space_func(parser, keepSpaces) }
    }

    /// Takes the batches sealed so far.
    func takeSealed() -> [BatchStorage] {
        defer { sealed.removeAll(keepingCapacity: true) }
        return sealed
    }

    /// Seals the batch in progress, if it holds any record.
    func sealCurrent() {
        guard state.pointee.storage.recordCount > 0 else { return }
        sealed.append(state.pointee.storage)
        state.pointee.storage = BatchStorage(byteCapacity: batchBytes, recordCapacity: batchRecords)
    }

    /// Feeds UTF-8 bytes that start at `offset` in the decoded input.
    func feed(_ bytes: UnsafeRawBufferPointer, at offset: Int64) -> FeedOutcome {
        guard let base = bytes.baseAddress else { return .consumed }
        var position = 0
        while position < bytes.count {
            let end = Self.pieceEnd(base, from: position, count: bytes.count)
            let pieceOffset = offset + Int64(position)
            if let outcome = feedPiece(
                UnsafeRawBufferPointer(start: base + position, count: end - position), at: pieceOffset)
            {
                return outcome
            }
            position = end
            if let limit = recordLimit, recordsEmitted >= limit {
                return .reachedRecordLimit(
                    ResumePoint(offset: offset + Int64(position), line: line, afterCR: previousPieceEndedWithCR))
            }
        }
        return .consumed
    }

    /// End (exclusive) of the piece starting at `from`: just past the next CR, LF or CRLF.
    private static func pieceEnd(_ base: UnsafeRawPointer, from: Int, count: Int) -> Int {
        let remaining = count - from
        let start = base + from
        let lf = memchr(start, 0x0A, remaining).map { $0 - UnsafeMutableRawPointer(mutating: start) }
        let crLimit = lf ?? remaining
        if let cr = memchr(start, 0x0D, crLimit).map({ $0 - UnsafeMutableRawPointer(mutating: start) }) {
            // CRLF stays one piece: libcsv ends the record at the CR and skips the LF.
            if cr + 1 == lf { return from + cr + 2 }
            return from + cr + 1
        }
        return from + (lf.map { $0 + 1 } ?? remaining)
    }

    private func feedPiece(_ piece: UnsafeRawBufferPointer, at offset: Int64) -> FeedOutcome? {
        let last = piece[piece.count - 1]
        if piece.count == 1 && last == 0x0A && previousPieceEndedWithCR {
            feedBareLF(piece, at: offset)
            return nil
        }
        if atLineStart {
            lineStartedOutside = parser.pointee.parseState == .rowNotBegun
            lineEndedRecord = false
            if lineStartedOutside {
                state.pointee.recordLine = line
                state.pointee.recordOffset = offset
                recordSecondLine = nil
            }
        }
        state.pointee.recordEmitted = false
        if piece.count > Self.longPiece {
            feedLong(piece)
        } else {
            _ = csv_parse(parser, piece.baseAddress, piece.count, onField, onRecord, state)
            guardFieldSize()
        }
        let endsLine = last == 0x0A || last == 0x0D
        atLineStart = endsLine
        previousPieceEndedWithCR = last == 0x0D
        if state.pointee.recordEmitted {
            lineEndedRecord = true
            recordsEmitted += 1
            if state.pointee.storage.isFull { sealCurrent() }
        }
        guard endsLine else { return nil }
        line += 1
        if parser.pointee.parseState == .rowNotBegun {
            // Line breaks inside quoted fields are data, not the file's line-ending style.
            countEnding(piece)
            if lineStartedOutside && !lineEndedRecord { blankLines += 1 }
            return nil
        }
        if recordSecondLine == nil {
            recordSecondLine = ResumePoint(offset: offset + Int64(piece.count), line: line, afterCR: last == 0x0D)
        }
        // Checked at line ends only, so the decision does not depend on where chunks end.
        if parser.pointee.isInQuotedField && state.pointee.fieldOverflowed, let restart = recordSecondLine {
            return abandonRecord(restartingAt: restart)
        }
        return nil
    }

    /// The LF of a CRLF whose CR ended the previous piece (a chunk boundary fell between them):
    /// data inside a quoted field, else skipped by libcsv; either way not a line of its own.
    private func feedBareLF(_ piece: UnsafeRawBufferPointer, at offset: Int64) {
        _ = csv_parse(parser, piece.baseAddress, piece.count, onField, onRecord, state)
        previousPieceEndedWithCR = false
        if parser.pointee.parseState == .rowNotBegun && lastCountedEndingWasCR {
            lineEndings.cr -= 1
            lineEndings.crlf += 1
            lastCountedEndingWasCR = false
        }
        if let second = recordSecondLine, second.offset == offset {
            recordSecondLine = ResumePoint(offset: offset + 1, line: second.line, afterCR: false)
        }
    }

    /// Caps the field being built at the size limit, keeping its first `keptPrefix` bytes:
    /// libcsv's buffer then stays small whatever the input, and the record is rejected when
    /// the field ends (or, for a quoted field, at the next line end).
    @inline(__always) private func guardFieldSize() {
        let pending = parser.pointee.pendingFieldBytes
        // Trailing spaces of an unquoted field may still be trimmed away; they do not count.
        guard pending - min(parser.pointee.trailingSpaces, pending) > state.pointee.maxFieldBytes else { return }
        parser.pointee.truncatePendingField(to: keptPrefix)
        state.pointee.fieldOverflowed = true
    }

    private func countEnding(_ piece: UnsafeRawBufferPointer) {
        let count = piece.count
        lastCountedEndingWasCR = false
        if piece[count - 1] == 0x0A {
            if count >= 2 && piece[count - 2] == 0x0D { lineEndings.crlf += 1 } else { lineEndings.lf += 1 }
        } else {
            lineEndings.cr += 1
            lastCountedEndingWasCR = true
        }
    }

    /// Feeds a long line in parts, capping the field being built at the size limit.
    private func feedLong(_ piece: UnsafeRawBufferPointer) {
        guard let base = piece.baseAddress else { return }
        var position = 0
        while position < piece.count {
            let length = min(Self.longPiece, piece.count - position)
            _ = csv_parse(parser, base + position, length, onField, onRecord, state)
            position += length
            guardFieldSize()
        }
    }

    /// Rejects the record in progress as a runaway quoted field and resets the parser.
    private func abandonRecord(restartingAt restart: ResumePoint) -> FeedOutcome {
        state.pointee.fieldOverflowed = true
        state.pointee.problem = RecordProblem(
            reason: .fieldTooLarge, column: state.pointee.fieldsInRecord + 1,
            detail:
                "quoted field longer than \(state.pointee.maxFieldBytes) bytes (an unclosed quote?); reading resumes at the next line"
        )
        _ = csv_fini(parser, onField, onRecord, state)
        recordsEmitted += 1
        if state.pointee.storage.isFull { sealCurrent() }
        resetParser()
        resume(at: restart)
        return .restart(restart)
    }

    /// Puts the line state where parsing starts again.
    private func resume(at point: ResumePoint) {
        line = point.line
        previousPieceEndedWithCR = point.afterCR
        atLineStart = true
        lastCountedEndingWasCR = false
    }

    private func resetParser() {
        csv_free(parser)
        Self.initialize(parser, delimiter: delimiter, trimSpaces: trimSpaces)
    }

    /// Ends the input. An unterminated quoted field at the end of the file makes its record an
    /// `unterminated_quote` reject, and the lines after its first are read again as records:
    /// then this returns where to restart.
    func finish() -> ResumePoint? {
        let unterminated = parser.pointee.parseState == .fieldBegun && parser.pointee.isInQuotedField
        let restart = recordSecondLine
        if unterminated {
            state.pointee.problem = RecordProblem(
                reason: .unterminatedQuote, column: state.pointee.fieldsInRecord + 1,
                detail: "quoted field is not closed before the end of the file")
        }
        state.pointee.recordEmitted = false
        _ = csv_fini(parser, onField, onRecord, state)
        if state.pointee.recordEmitted { recordsEmitted += 1 }
        resetParser()
        if unterminated, let restart {
            resume(at: restart)
            return restart
        }
        return nil
    }
}
