import CandorCore

/// Reads one input file into validated-size `RecordBatch`es on the calling thread: encoding,
/// delimiter and header layout first, then the data records.
///
/// Not `Sendable`: it owns a file descriptor and a libcsv parser. `IngestStream` moves it to a
/// parsing thread.
final class RecordReader {
    let input: DecodedInput
    let delimiter: UInt8
    let layout: HeaderLayout
    let options: ReadOptions
    private let tokenizer: LibCSVTokenizer
    private var finished = false
    /// Line on which the first data record can start.
    let firstDataLine: Int
    /// Decoded offset of the first data record.
    let dataStart: Int64
    /// Where this reader is to stop (as if the file ended), when it reads the first of several
    /// parts; `nil` once reached, or when it reads to the end.
    private var partEnd: Int64?
    /// Whether the part's end fell inside a record, so this reader went on to the end of the
    /// file and whatever a reader started at the part's end produced must be dropped.
    private(set) var overranPartEnd = false

    /// - Parameter hashing: compute the file's SHA-256 on the way (off when the caller hashes
    ///   the file itself).
    init(path: String, options: ReadOptions, hashing: Bool = true) throws(IngestError) {
        self.options = options
        input = try DecodedInput(
            path: path, declared: options.encoding, chunkSize: options.chunkSize, hashing: hashing)
        guard let sample = try input.nextChunk() else {
            throw IngestError(.empty, file: path, detail: "is empty")
        }
        let detection: DelimiterDetection
        if let given = options.delimiter {
            detection = DelimiterDetection(delimiter: given, skipPrefixBytes: 0, evidence: "given")
        } else {
            // The sample is gathered from as many chunks as it takes, so the delimiter found does
            // not depend on the chunk size.
            var head = Array(sample.prefix(Self.delimiterSampleBytes))
            while head.count < Self.delimiterSampleBytes, let more = try input.nextChunk() {
                head.append(contentsOf: more.prefix(Self.delimiterSampleBytes - head.count))
            }
            var whole = head.count < Self.delimiterSampleBytes
            if !whole { whole = try input.nextChunk() == nil }
            detection = head.withUnsafeBytes { DelimiterDetector.detect(sample: $0, sampleIsWholeFile: whole) }
        }
        delimiter = detection.delimiter
        let header = try Self.readHeaderRecords(
            input: input, delimiter: delimiter, options: options, skip: detection.skipPrefixBytes)
        guard !header.records.isEmpty else {
            // A lone line break is what some tools write for an export with nothing in it.
            if header.linesRead <= 1 { throw IngestError(.empty, file: path, detail: "is empty") }
            throw IngestError(.noHeader, file: path, detail: "has no header row (only blank lines)")
        }
        do {
            layout = try ExportFormatDetector.detect(firstRecords: header.records, declared: options.format)
        } catch {
            throw IngestError(.badHeader, file: path, detail: error.description)
        }
        let start = header.ends[layout.headerRows - 1]
        firstDataLine = start.line
        dataStart = start.offset
        try input.rewind(toDecodedOffset: start.offset)
        tokenizer = LibCSVTokenizer(
            delimiter: delimiter, trimSpaces: options.trimSpaces, maxFieldBytes: options.maxFieldBytes,
            firstLine: start.line, startsAfterCR: start.afterCR)
        tokenizer.expectFields(layout.columnNames.count, allowingTrailingEmpty: layout.dropsTrailingEmptyColumn)
    }

    /// A reader for the data records of `first`'s file from decoded offset `offset` (the start
    /// of a line after an LF) to its end, laid out as `first`. Its lines and record numbers
    /// count from 1 at `offset`: the caller adds the part before it once that is read.
    init(continuing first: RecordReader, at offset: Int64) throws(IngestError) {
        options = first.options
        input = try DecodedInput(
            path: first.input.path, declared: first.options.encoding, chunkSize: options.chunkSize, hashing: false)
        if let how = first.input.identity.change(to: input.identity) {
            throw IngestError(changed: first.input.path, how: how)
        }
        delimiter = first.delimiter
        layout = first.layout
        firstDataLine = 1
        dataStart = offset
        try input.rewind(toDecodedOffset: offset)
        tokenizer = LibCSVTokenizer(
            delimiter: delimiter, trimSpaces: options.trimSpaces, maxFieldBytes: options.maxFieldBytes, firstLine: 1)
        tokenizer.expectFields(layout.columnNames.count, allowingTrailingEmpty: layout.dropsTrailingEmptyColumn)
    }

    /// Makes this reader stop at decoded offset `offset` if a record boundary falls there, as
    /// the first of several parts; else it reads on to the end (`overranPartEnd`).
    func stop(atPartEnd offset: Int64) {
        partEnd = offset
        input.setLimit(offset)
    }

    /// After a clean stop at the part end: reads on through the rest of the file, as if no part
    /// end had been set (the later part's result was refused).
    func readOnPastPartEnd() {
        precondition(finished && !overranPartEnd, "only a reader that stopped at its part end reads on")
        finished = false
        input.setLimit(nil)
    }

    /// The physical line the reader is on (after a clean stop: the line its part's end starts).
    var currentLine: Int { tokenizer.line }

    /// Bytes before the parser's offset 0 in the file as stored: the byte-order mark. (A
    /// transcoded file's offsets stay in its UTF-8 text: there is no fixed ratio to undo.)
    var byteOffsetBias: Int64 { input.encoding.isUTF8 ? Int64(input.bomLength) : 0 }

    /// About how many bytes the data records take: the file after the header, in parser
    /// offsets; `nil` for a transcoded file, whose offsets count bytes of another text.
    var dataBytes: Int64? { input.encoding.isUTF8 ? max(0, input.fileSize - byteOffsetBias - dataStart) : nil }

    /// Records numbered so far: what a reader of the next part adds to its record numbers.
    var recordsRead: Int { tokenizer.recordsNumbered }

    /// Parses up to three records from the start of the file, one at a time, with where each
    /// one ends: the format detector needs them before the data records can be read.
    private static func readHeaderRecords(
        input: DecodedInput, delimiter: UInt8, options: ReadOptions, skip: Int
    ) throws(IngestError) -> (records: [[String]], ends: [ResumePoint], linesRead: Int) {
        var records: [[String]] = []
        var ends: [ResumePoint] = []
        let first = ResumePoint(offset: Int64(skip), line: skip > 0 ? 2 : 1, afterCR: false)
        var from = first
        var lastLine = first.line
        for _ in 0..<3 {
            try input.rewind(toDecodedOffset: from.offset)
            let tokenizer = LibCSVTokenizer(
                delimiter: delimiter, trimSpaces: options.trimSpaces, maxFieldBytes: options.maxFieldBytes,
                firstLine: from.line, startsAfterCR: from.afterCR, batchRecords: 2, batchBytes: 64 * 1024,
                recordLimit: 1)
            var end: ResumePoint?
            reading: while let chunk = try input.nextChunk() {
                if case .reachedRecordLimit(let point) = tokenizer.feed(chunk, at: input.chunkStart(chunk)) {
                    end = point
                    break reading
                }
            }
            if end == nil { _ = tokenizer.finish() }
            tokenizer.sealCurrent()
            lastLine = tokenizer.line
            guard let storage = tokenizer.takeSealed().first else { break }
            let batch = RecordBatch(file: input.path, storage: storage)
            records.append(batch.rawFields(0))
            let resolved = end ?? ResumePoint(offset: input.decodedOffset, line: tokenizer.line, afterCR: false)
            ends.append(resolved)
            from = resolved
            if end == nil { break }
        }
        return (records, ends, lastLine - first.line)
    }

    /// Bytes of decoded text the delimiter detector sees.
    private static let delimiterSampleBytes = 64 * 1024

    /// The next batch of data records, or `nil` when the file is done.
    func nextBatch() throws(IngestError) -> BatchStorage? {
        while true {
            if let ready = popSealed() { return ready }
            if finished { return nil }
            guard let chunk = try input.nextChunk() else {
                if partEnd != nil {
                    partEnd = nil
                    if tokenizer.isAtRecordBoundary {
                        tokenizer.sealCurrent()
                        finished = true
                    } else {
                        overranPartEnd = true
                        input.setLimit(nil)
                    }
                    continue
                }
                if let restart = tokenizer.finish() {
                    try input.rewind(toDecodedOffset: restart.offset)
                    continue
                }
                tokenizer.sealCurrent()
                finished = true
                continue
            }
            if case .restart(let point) = tokenizer.feed(chunk, at: input.chunkStart(chunk)) {
                try input.rewind(toDecodedOffset: point.offset)
            }
        }
    }

    private var pending: [BatchStorage] = []

    /// Frees the batches sealed but not yet handed out (a reader dropped mid-file).
    deinit {
        for storage in pending { storage.deallocate() }
    }

    private func popSealed() -> BatchStorage? {
        if pending.isEmpty { pending = tokenizer.takeSealed().reversed() }
        return pending.popLast()
    }

    /// What was seen of the file's shape; complete once `nextBatch()` returned `nil`.
    var shape: InputShape {
        InputShape(
            encoding: input.encoding, hadByteOrderMark: input.bomLength > 0, encodingGuess: input.guess,
            delimiter: delimiter,
            lineEndings: tokenizer.lineEndings, blankLines: tokenizer.blankLines, layout: layout,
            bytes: input.fileSize, sha256: input.sha256() ?? "")
    }
}

/// The shape of one input file as ingest saw it.
package struct InputShape: Sendable, Equatable {
    /// The encoding read.
    package var encoding: TextEncoding
    /// Whether a byte-order mark was stripped.
    package var hadByteOrderMark: Bool
    /// How the encoding was chosen when neither a declaration nor a byte-order mark said.
    package var encodingGuess: EncodingSniff.Guess?
    /// The delimiter byte.
    package var delimiter: UInt8
    /// Line breaks by kind (data records only).
    package var lineEndings: LineEndingCounts
    /// Blank lines skipped among the data records.
    package var blankLines: Int
    /// Header rows, format and columns.
    package var layout: HeaderLayout
    /// File size as stored.
    package var bytes: Int64
    /// SHA-256 of the file as stored (lowercase hex); empty when the reader was told not to hash.
    package var sha256: String
}
